package org.alliancesearch.model.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.policy.Tlp;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

class MispRestSearchTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void bodyOfARepresentativeQuery() throws Exception {
        SearchQuery query = new SearchQuery(List.of("hxxp://Evil[.]com/a", "1.2.3.4"), List.of("url", "ip-dst"),
                List.of("Network activity"), List.of("tlp:*", "osint:source-type=\"blog-post\""),
                List.of("false-positive*"), LocalDate.of(2024, 1, 5), LocalDate.of(2024, 3, 31), true, false, 500);
        List<String> batch = MispRestSearch.batches(query).get(0);
        ObjectNode body = MispRestSearch.body(query, batch, AlliancePolicy.defaults(), 100, 2);
        JsonNode expected = JSON.readTree("""
                {"returnFormat": "json",
                 "value": ["http://evil.com/a", "1.2.3.4"],
                 "type": ["url", "ip-dst"],
                 "category": ["Network activity"],
                 "tags": {"OR": ["tlp:%", "osint:source-type=\\"blog-post\\""],
                          "NOT": ["false-positive%", "tlp:red", "PAP:RED", "tlp:amber+strict"]},
                 "from": "2024-01-05", "to": "2024-03-31",
                 "to_ids": 1, "published": 0,
                 "includeEventTags": 1, "includeContext": 1, "includeSightings": 1, "deleted": 0,
                 "limit": 100, "page": 2}
                """);
        assertThat(body).isEqualTo(expected);
        // the key order is stable too (easier to read in logs and request journals)
        assertThat(JSON.writeValueAsString(body)).isEqualTo(JSON.writeValueAsString(expected));
    }

    @Test
    void minimalBodyLeavesUnsetFiltersOut() {
        ObjectNode body = MispRestSearch.body(SearchQuery.ofValues(List.of("evil.com")), List.of("evil.com"),
                new AlliancePolicy(Tlp.RED, List.of()), 50, 1);
        assertThat(body.fieldNames()).toIterable().containsExactly("returnFormat", "value", "includeEventTags",
                "includeContext", "includeSightings", "deleted", "limit", "page");
        assertThat(body.get("to_ids")).isNull();
        assertThat(body.get("tags")).isNull();
    }

    @Test
    void sightingsAreAskedForOnlyWhenTheAnswerShowsThem() {
        SearchQuery query = SearchQuery.ofValues(List.of("evil.com"));
        assertThat(MispRestSearch.body(query, List.of("evil.com"), AlliancePolicy.defaults(), 50, 1)
                .get("includeSightings").asInt()).isEqualTo(1);
        ObjectNode without = MispRestSearch.body(query.withoutSightings(), List.of("evil.com"),
                AlliancePolicy.defaults(), 50, 1);
        assertThat(without.has("includeSightings")).isFalse();
        // preparing the query keeps the choice
        assertThat(SearchQueryValidator.prepare(query.withoutSightings()).withSightings()).isFalse();
    }

    @Test
    void policyDropTagsAreAlwaysExcludedEvenWithoutUserTags() {
        ObjectNode body = MispRestSearch.body(SearchQuery.ofValues(List.of("evil.com")), List.of("evil.com"),
                new AlliancePolicy(Tlp.AMBER, List.of("tlp:red", "PAP:*", "TLP:RED")), 50, 1);
        assertThat(body.get("tags").get("NOT")).extracting(JsonNode::asText).containsExactly("tlp:red", "PAP:%",
                "tlp:amber+strict");
        assertThat(body.get("tags").has("OR")).isFalse();
        ObjectNode withDefaults = MispRestSearch.body(SearchQuery.ofValues(List.of("evil.com")), List.of("evil.com"),
                null, 50, 1);
        assertThat(withDefaults.get("tags").get("NOT")).extracting(JsonNode::asText).containsExactly("tlp:red",
                "PAP:RED", "tlp:amber+strict");
    }

    @Test
    void theTlpLevelsAboveTheCeilingAreExcludedAtTheSource() {
        SearchQuery query = SearchQuery.ofValues(List.of("evil.com"));
        assertThat(MispRestSearch.body(query, List.of("evil.com"), new AlliancePolicy(Tlp.GREEN, List.of()), 50, 1)
                .get("tags").get("NOT")).extracting(JsonNode::asText)
                .containsExactly("tlp:red", "tlp:amber+strict", "tlp:amber");
        assertThat(MispRestSearch.body(query, List.of("evil.com"), new AlliancePolicy(Tlp.CLEAR, List.of()), 50, 1)
                .get("tags").get("NOT")).extracting(JsonNode::asText)
                .containsExactly("tlp:red", "tlp:amber+strict", "tlp:amber", "tlp:green");
        assertThat(MispRestSearch.body(query, List.of("evil.com"),
                new AlliancePolicy(Tlp.AMBER_STRICT, List.of("PAP:RED")), 50, 1).get("tags").get("NOT"))
                .extracting(JsonNode::asText).containsExactly("PAP:RED", "tlp:red");
        // tlp:clear (and tlp:white) is never above a ceiling
        assertThat(MispRestSearch.aboveCeiling(Tlp.CLEAR)).doesNotContain("tlp:clear", "tlp:white");
    }

    @Test
    void wildcardsBecomePercent() {
        SearchQuery query = new SearchQuery(List.of("evil.com"), null, null, List.of("misp-galaxy:*=*apt*"),
                List.of("*:false-positive"), null, null, null, null, null);
        ObjectNode body = MispRestSearch.body(query, List.of("evil.com"), new AlliancePolicy(null, List.of()), 10, 1);
        assertThat(body.get("tags").get("OR").get(0).asText()).isEqualTo("misp-galaxy:%=%apt%");
        assertThat(body.get("tags").get("NOT").get(0).asText()).isEqualTo("%:false-positive");
    }

    @Test
    void twoHundredFiftyValuesMakeThreeBatches() {
        List<String> values = IntStream.range(0, 250).mapToObj(i -> "10.1." + i + ".1").toList();
        List<List<String>> batches = MispRestSearch.batches(SearchQuery.ofValues(values));
        assertThat(batches).extracting(List::size).containsExactly(100, 100, 50);
        assertThat(batches.stream().flatMap(List::stream).toList()).isEqualTo(values);
    }

    @Test
    void batchesAreOfPreparedValues() {
        List<List<String>> batches = MispRestSearch
                .batches(SearchQuery.ofValues(List.of("EVIL[.]com", "evil.com", " 1.2.3.4 ")));
        assertThat(batches).containsExactly(List.of("evil.com", "1.2.3.4"));
    }

    @Test
    void refusesToBuildAnythingThatWouldMatchEverything() {
        AlliancePolicy policy = AlliancePolicy.defaults();
        assertThatThrownBy(() -> MispRestSearch.batches(SearchQuery.ofValues(List.of())))
                .isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> MispRestSearch.batches(SearchQuery.ofValues(List.of(" "))))
                .isInstanceOf(InvalidQueryException.class);
        SearchQuery query = SearchQuery.ofValues(List.of("evil.com"));
        assertThatThrownBy(() -> MispRestSearch.body(query, List.of(), policy, 10, 1))
                .isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> MispRestSearch.body(query, null, policy, 10, 1))
                .isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> MispRestSearch.body(query, Arrays.asList("evil.com", ""), policy, 10, 1))
                .isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> MispRestSearch.body(query, List.of("%"), policy, 10, 1))
                .isInstanceOf(InvalidQueryException.class);
        SearchQuery blankTag = new SearchQuery(List.of("evil.com"), null, null, List.of(" "), null, null, null, null,
                null, null);
        assertThatThrownBy(() -> MispRestSearch.body(blankTag, List.of("evil.com"), policy, 10, 1))
                .isInstanceOf(InvalidQueryException.class);
    }

    @Test
    void refusesBadPagingAndOversizedBatches() {
        SearchQuery query = SearchQuery.ofValues(List.of("evil.com"));
        AlliancePolicy policy = AlliancePolicy.defaults();
        assertThatThrownBy(() -> MispRestSearch.body(query, List.of("evil.com"), policy, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MispRestSearch.body(query, List.of("evil.com"), policy, 10, 0))
                .isInstanceOf(IllegalArgumentException.class);
        List<String> tooMany = IntStream.range(0, 101).mapToObj(i -> "10.0.0." + i).toList();
        assertThatThrownBy(() -> MispRestSearch.body(query, tooMany, policy, 10, 1))
                .isInstanceOf(IllegalArgumentException.class).isNotInstanceOf(InvalidQueryException.class);
    }

    @Property(tries = 300)
    void noBodyEverHoldsAnEmptyOrBlankFilter(@ForAll("messyValues") List<String> values,
            @ForAll("messyTags") List<String> tags) {
        SearchQuery query = new SearchQuery(values, null, null, tags, tags, null, null, null, null, null);
        List<List<String>> batches;
        try {
            batches = MispRestSearch.batches(query);
        } catch (InvalidQueryException refused) {
            Statistics.label("sent").collect(false);
            assertThat(refused.violations()).isNotEmpty();
            return;
        }
        Statistics.label("sent").collect(true);
        for (List<String> batch : batches) {
            ObjectNode body = MispRestSearch.body(query, batch, AlliancePolicy.defaults(), 100, 1);
            assertNoEmptyFilter(body);
        }
    }

    @Property(tries = 300)
    void enoughMessyQueriesAreSentForThePropertyToMean(@ForAll("messyValues") List<String> values) {
        boolean sent = SearchQueryValidator.validate(SearchQuery.ofValues(values)).isEmpty();
        Statistics.label("sent").collect(sent);
        Statistics.label("sent").coverage(coverage -> coverage.check(true).percentage(p -> p > 10));
    }

    private static void assertNoEmptyFilter(JsonNode node) {
        if (node.isTextual()) {
            assertThat(node.asText()).isNotBlank().isNotEqualTo("%").doesNotStartWith("!");
        } else if (node.isContainerNode()) {
            assertThat(node.size()).isPositive();
            node.forEach(MispRestSearchTest::assertNoEmptyFilter);
        }
    }

    @Provide
    Arbitrary<List<String>> messyValues() {
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of("", " ", "\t", "%", "!x", "evil.com", "1.2.3.4",
                "EVIL[.]com", "\u3000", "a&&b", "1.2.3.999"), Arbitraries.strings().ofMaxLength(8));
        // Short lists are often entirely valid, long ones rarely: both must occur.
        return Arbitraries.oneOf(value.list().ofMaxSize(3), value.list().ofMaxSize(120)).map(ArrayList::new);
    }

    @Provide
    Arbitrary<List<String>> messyTags() {
        return Arbitraries.of("", " ", "*", "%", "tlp:*", "TLP:GREEN", "123", "!x").list().ofMaxSize(4);
    }

    @Test
    void aWindowBodyAsksForEventsChangedInTheWindowWithoutWhatThePolicyDrops() {
        TimeWindow window = new TimeWindow(java.time.Instant.ofEpochSecond(1_764_000_000L),
                java.time.Instant.ofEpochSecond(1_764_604_800L));

        ObjectNode body = MispRestSearch.windowBody(window, AlliancePolicy.of(Tlp.GREEN, "tlp:red", "internal:*"), 50,
                2);

        assertThat(body.get("returnFormat").asText()).isEqualTo("json");
        assertThat(body.get("timestamp").toString()).isEqualTo("[\"1764000000\",\"1764604800\"]");
        assertThat(body.has("value")).isFalse();
        assertThat(body.get("tags").get("NOT").toString()).contains("tlp:red", "internal:%", "tlp:amber");
        assertThat(body.get("deleted").asInt()).isZero();
        assertThat(body.get("limit").asInt()).isEqualTo(50);
        assertThat(body.get("page").asInt()).isEqualTo(2);
        assertThatThrownBy(() -> MispRestSearch.windowBody(window, null, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeWindow(window.to(), window.from()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
