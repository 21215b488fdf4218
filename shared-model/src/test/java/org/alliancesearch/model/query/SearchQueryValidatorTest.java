package org.alliancesearch.model.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SearchQueryValidatorTest {

    private static SearchQuery query(List<String> values, List<String> types, List<String> categories,
            List<String> include, List<String> exclude, LocalDate from, LocalDate to, Integer limit) {
        return new SearchQuery(values, types, categories, include, exclude, from, to, null, null, limit);
    }

    private static List<QueryViolation> violations(SearchQuery query) {
        return SearchQueryValidator.validate(query);
    }

    @Test
    void aValidQueryHasNoViolations() {
        SearchQuery query = new SearchQuery(List.of("1.2.3.4", "evil.com"), List.of("ip-dst"),
                List.of("Network activity"), List.of("tlp:green"), List.of("false-positive"),
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), true, true, 500);
        assertThat(violations(query)).isEmpty();
        assertThat(SearchQueryValidator.prepare(query)).isEqualTo(query);
    }

    @Test
    void missingQuery() {
        assertThat(violations(null)).extracting(QueryViolation::field, QueryViolation::code)
                .containsExactly(tuple("query", "query.missing"));
    }

    @Test
    void noValues() {
        assertThat(violations(SearchQuery.ofValues(List.of()))).extracting(QueryViolation::field,
                QueryViolation::code).containsExactly(tuple("values", "values.empty"));
        assertThat(violations(SearchQuery.ofValues(null))).extracting(QueryViolation::code)
                .containsExactly("values.empty");
    }

    @Test
    void blankValuesAreNeverLetThrough() {
        List<String> values = Arrays.asList("1.2.3.4", "", "  ", null, "\u3000", "\u200B");
        List<QueryViolation> violations = violations(SearchQuery.ofValues(values));
        assertThat(violations).extracting(QueryViolation::field, QueryViolation::code, QueryViolation::index)
                .containsExactly(tuple("values[1]", "values.blank", 1), tuple("values[2]", "values.blank", 2),
                        tuple("values[3]", "values.blank", 3), tuple("values[4]", "values.blank", 4),
                        tuple("values[5]", "values.blank", 5));
        assertThat(violations).allSatisfy(violation -> assertThat(violation.message()).contains("blank"));
    }

    @Test
    void invalidValuesSayWhy() {
        List<QueryViolation> violations = violations(
                SearchQuery.ofValues(List.of("evil.com", "1.2.3.999", "john@bad..com", "x".repeat(9000))));
        assertThat(violations).extracting(QueryViolation::field, QueryViolation::code, QueryViolation::reason)
                .containsExactly(tuple("values[1]", "value.invalid", "ipv4.octetRange"),
                        tuple("values[2]", "value.invalid", "email.malformed"),
                        tuple("values[3]", "value.tooLong", "tooLong"));
        assertThat(violations.get(0).value()).isEqualTo("1.2.3.999");
        assertThat(violations.get(0).index()).isEqualTo(1);
        assertThat(violations.get(0).message()).contains("1.2.3.999").contains("0 to 255");
        assertThat(violations.get(2).value()).hasSize(QueryViolation.MAX_ECHOED + 1);
    }

    @Test
    void valuesThatMispWouldReadAsOperatorsAreRefused() {
        assertThat(violations(SearchQuery.ofValues(List.of("%", " %% ", "!evil.com", "a&&b", "%evil%"))))
                .extracting(QueryViolation::field, QueryViolation::code)
                .containsExactly(tuple("values[0]", "value.wildcardOnly"), tuple("values[1]", "value.wildcardOnly"),
                        tuple("values[2]", "value.negated"), tuple("values[3]", "value.operator"));
    }

    @Test
    void textThatIsNotAnIndicatorIsRefusedAndFreeStringsAreNot() {
        List<QueryViolation> violations = violations(SearchQuery.ofValues(List.of("evil.com",
                "we saw 203.0.113.9 calling home", "Global\\MyMutex", "攻撃の概要\n通信先 198.51.100.23",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64)")));
        assertThat(violations).extracting(QueryViolation::field, QueryViolation::code)
                .containsExactly(tuple("values[1]", "values.not-an-indicator"),
                        tuple("values[3]", "values.not-an-indicator"));
        assertThat(violations.get(0).value()).isEqualTo("we saw 203.0.113.9 calling home");
    }

    @Test
    void tooManyValues() {
        List<String> values = IntStream.range(0, 1001).mapToObj(i -> "10.0." + (i / 256) + "." + (i % 256))
                .toList();
        assertThat(violations(SearchQuery.ofValues(values))).extracting(QueryViolation::field, QueryViolation::code)
                .containsExactly(tuple("values", "values.tooMany"));
        // 1000 distinct values are fine, and duplicates do not count
        List<String> withDuplicates = new ArrayList<>(values.subList(0, 1000));
        withDuplicates.addAll(values.subList(0, 500).stream().map(value -> " " + value.replace(".", "[.]")).toList());
        assertThat(violations(SearchQuery.ofValues(withDuplicates))).isEmpty();
        assertThat(SearchQueryValidator.prepare(SearchQuery.ofValues(withDuplicates)).values()).hasSize(1000);
        // an absurd number is refused without reading the values
        List<String> huge = IntStream.range(0, 20_000).mapToObj(i -> "").toList();
        assertThat(violations(SearchQuery.ofValues(huge))).extracting(QueryViolation::code)
                .containsExactly("values.tooMany");
    }

    @Test
    void preparingNormalisesAndDeduplicatesValuesInOrder() {
        SearchQuery prepared = SearchQueryValidator.prepare(SearchQuery.ofValues(List.of(" hxxp://Evil[.]com/A ",
                "EVIL.com.", "evil[.]com", "001.002.003.004", "1.2.3.4", "  Global\\Mutex  ", "report.pdf")));
        assertThat(prepared.values()).containsExactly("http://evil.com/A", "evil.com", "1.2.3.4", "Global\\Mutex",
                "report.pdf");
    }

    @Test
    void typesAndCategoriesMustBeKnown() {
        SearchQuery query = query(List.of("1.2.3.4"), Arrays.asList("ip-dst", "IP-SRC", "ip", " ", null),
                Arrays.asList("network activity", "Nonsense", ""), null, null, null, null, null);
        assertThat(violations(query)).extracting(QueryViolation::field, QueryViolation::code, QueryViolation::value)
                .containsExactly(tuple("types[2]", "types.unknown", "ip"), tuple("types[3]", "types.blank", " "),
                        tuple("types[4]", "types.blank", null),
                        tuple("categories[1]", "categories.unknown", "Nonsense"),
                        tuple("categories[2]", "categories.blank", ""));
        SearchQuery fixed = query(List.of("1.2.3.4"), List.of("ip-dst", "IP-SRC", "ip-dst"),
                List.of("network activity"), null, null, null, null, null);
        SearchQuery prepared = SearchQueryValidator.prepare(fixed);
        assertThat(prepared.types()).containsExactly("ip-dst", "ip-src");
        assertThat(prepared.categories()).containsExactly("Network activity");
    }

    @Test
    void tagPatternsMustNameTags() {
        SearchQuery query = query(List.of("1.2.3.4"), null, null, Arrays.asList("tlp:*", " ", "*", "123"),
                Arrays.asList(null, "%%", "!tlp:red", "a&&b", "PAP:RED"), null, null, null);
        assertThat(violations(query)).extracting(QueryViolation::field, QueryViolation::code)
                .containsExactly(tuple("includeTags[1]", "includeTags.blank"),
                        tuple("includeTags[2]", "includeTags.wildcardOnly"),
                        tuple("includeTags[3]", "includeTags.numeric"), tuple("excludeTags[0]", "excludeTags.blank"),
                        tuple("excludeTags[1]", "excludeTags.wildcardOnly"),
                        tuple("excludeTags[2]", "excludeTags.operator"),
                        tuple("excludeTags[3]", "excludeTags.operator"));
        SearchQuery prepared = SearchQueryValidator.prepare(query(List.of("1.2.3.4"), null, null,
                List.of(" tlp:green ", "TLP:GREEN", "osint:*"), List.of("PAP:RED"), null, null, null));
        assertThat(prepared.includeTags()).containsExactly("tlp:green", "osint:*");
    }

    @Test
    void dateRangeMustNotBeReversed() {
        SearchQuery reversed = query(List.of("1.2.3.4"), null, null, null, null, LocalDate.of(2024, 2, 1),
                LocalDate.of(2024, 1, 31), null);
        assertThat(violations(reversed)).extracting(QueryViolation::field, QueryViolation::code)
                .containsExactly(tuple("from", "dateRange.reversed"));
        SearchQuery sameDay = query(List.of("1.2.3.4"), null, null, null, null, LocalDate.of(2024, 2, 1),
                LocalDate.of(2024, 2, 1), null);
        assertThat(violations(sameDay)).isEmpty();
    }

    @Test
    void limitPerMemberMustBeInRange() {
        for (int bad : new int[]{0, -1, 10_001}) {
            assertThat(violations(query(List.of("1.2.3.4"), null, null, null, null, null, null, bad)))
                    .extracting(QueryViolation::field, QueryViolation::code)
                    .containsExactly(tuple("limitPerMember", "limit.range"));
        }
        for (int good : new int[]{1, 10_000}) {
            assertThat(violations(query(List.of("1.2.3.4"), null, null, null, null, null, null, good))).isEmpty();
        }
    }

    @Test
    void preparingAnInvalidQueryThrowsWithEveryViolation() {
        SearchQuery query = query(Arrays.asList("", "1.2.3.4"), List.of("bogus"), null, null, null, null, null, 0);
        assertThatThrownBy(() -> SearchQueryValidator.prepare(query)).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("values[0]").hasMessageContaining("types[0]")
                .satisfies(e -> assertThat(((InvalidQueryException) e).violations())
                        .extracting(QueryViolation::code)
                        .containsExactly("values.blank", "types.unknown", "limit.range"));
    }
}
