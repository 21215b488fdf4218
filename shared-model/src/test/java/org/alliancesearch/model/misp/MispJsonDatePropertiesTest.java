package org.alliancesearch.model.misp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * An event's date read by its digits ({@link MispJson#date(String)}) is what {@link LocalDate#parse} makes of the same
 * first ten characters (the reference below), for dates, impossible dates, near-dates and anything else a member sends.
 */
class MispJsonDatePropertiesTest {

    /** The plain reading, as {@link MispJson#date(String)} did it before it read the digits itself. */
    private static LocalDate reference(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.trim().length() > 10 ? s.trim().substring(0, 10) : s.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Property(tries = 3000)
    void readingTheDigitsGivesWhatParsingGives(@ForAll("dates") String date) {
        assertThat(MispJson.date(date)).isEqualTo(reference(date));
    }

    @Example
    void impossibleDatesAndOtherFormsAreNone() {
        assertThat(MispJson.date("2026-12-05")).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(MispJson.date(" 2024-02-29 00:00:00")).isEqualTo(LocalDate.of(2024, 2, 29));
        for (String notADate : new String[]{"2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-1-05",
                "26-12-05", "2026/12/05", "२०२६-१२-०५", "+2026-12-05", ""}) {
            assertThat(MispJson.date(notADate)).as(notADate).isNull();
        }
    }

    @Provide
    Arbitrary<String> dates() {
        Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789").ofLength(2);
        // Of the date's form, its numbers drawn anyhow: many impossible dates (months 00 and 13..99, day 31 of April).
        Arbitrary<String> shaped = net.jqwik.api.Combinators.combine(digits, digits, digits, digits)
                .as((century, year, month, day) -> century + year + "-" + month + "-" + day);
        Arbitrary<String> real = Arbitraries.integers().between(-5000, 800_000)
                .map(days -> LocalDate.ofEpochDay(days).toString());
        Arbitrary<String> suffix = Arbitraries.of("", " ", "T00:00:00Z", " 12:00", "x", "0", "\n");
        Arbitrary<String> prefix = Arbitraries.of("", "", "", " ", "\t", "+", "-", "0");
        Arbitrary<String> dated = net.jqwik.api.Combinators.combine(prefix, Arbitraries.oneOf(shaped, real), suffix)
                .as((before, date, after) -> before + date + after);
        Arbitrary<String> anything = Arbitraries.strings().withChars("0123456789-+ T:Z/٣").ofMaxLength(14);
        return Arbitraries.oneOf(dated, dated, anything, Arbitraries.strings().ofMaxLength(12));
    }
}
