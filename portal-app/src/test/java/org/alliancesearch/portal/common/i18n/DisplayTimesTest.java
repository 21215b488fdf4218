package org.alliancesearch.portal.common.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** Times on pages: the reader's zone, named after the time, the language's default when none was chosen. */
class DisplayTimesTest {
    static final Instant WINTER = Instant.parse("2026-12-05T09:24:00Z");
    static final Instant SUMMER = Instant.parse("2026-07-01T09:24:00Z");

    @Test
    void japanesePagesDefaultToJapanAndOthersToUtc() {
        assertThat(DisplayTimes.defaultFor(Locale.JAPANESE)).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(DisplayTimes.defaultFor(Locale.forLanguageTag("ja-JP"))).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(DisplayTimes.defaultFor(Locale.ENGLISH)).isEqualTo(ZoneOffset.UTC);
        assertThat(DisplayTimes.format(WINTER, Locale.JAPANESE, null)).contains("18:24").endsWith(" JST (+09:00)");
        assertThat(DisplayTimes.format(WINTER, Locale.ENGLISH, null)).contains("9:24").endsWith(" UTC");
    }

    @Test
    void aChosenZoneIsShownWithItsNameOfTheMoment() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertThat(DisplayTimes.format(WINTER, Locale.ENGLISH, berlin)).contains("10:24").endsWith(" CET (+01:00)");
        assertThat(DisplayTimes.format(SUMMER, Locale.ENGLISH, berlin)).contains("11:24").endsWith(" CEST (+02:00)");
        assertThat(DisplayTimes.format(WINTER, Locale.JAPANESE, ZoneOffset.UTC)).contains("9:24").endsWith(" UTC");
        // half-hour offsets too
        assertThat(DisplayTimes.format(WINTER, Locale.ENGLISH, ZoneId.of("Asia/Kolkata"))).contains("2:54 PM")
                .endsWith(" IST (+05:30)");
        assertThat(DisplayTimes.format((Instant) null, Locale.ENGLISH, berlin)).isEmpty();
    }

    @Test
    void onlyKnownZonesMayBeChosen() {
        assertThat(DisplayTimes.parse("Asia/Tokyo")).contains(ZoneId.of("Asia/Tokyo"));
        assertThat(DisplayTimes.parse(" UTC ")).contains(ZoneOffset.UTC);
        for (String bad : new String[]{null, "", "Mars/Olympus", "../../etc/passwd", "+09:00", "GMT+9",
                "Asia/Tokyo\u0000", "x".repeat(100)}) {
            assertThat(DisplayTimes.parse(bad)).as(String.valueOf(bad)).isEmpty();
        }
        assertThat(DisplayTimes.ZONES).first().isEqualTo("UTC");
        assertThat(DisplayTimes.ZONES).contains("Asia/Tokyo", "Europe/Berlin", "America/New_York")
                .allSatisfy(z -> assertThat(DisplayTimes.parse(z)).isPresent());
    }
}
