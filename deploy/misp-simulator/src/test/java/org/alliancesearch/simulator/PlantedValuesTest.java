package org.alliancesearch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Values planted a known number of times: what benchmarks search for. */
class PlantedValuesTest {
    static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static SimulatorCluster cluster;

    @BeforeAll
    static void start() {
        cluster = SimulatorCluster.start(SimulatorOptions.builder().instances(2).events(5).attributesPerEvent(5)
                .plant("bulk.bench.example", "domain", 2_500)
                .plant("org-b", "only-b.bench.example", "ip-dst", 3)
                .plant("org-a", HASH, "sha256", 2)
                .build());
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static List<JsonNode> search(SimulatedMisp misp, String value) {
        return Http.post(misp, "/attributes/restSearch", "{\"value\":\"" + value + "\"}").attributes();
    }

    @Test
    void everyInstanceAnswersThePlantedNumberOfRecordsWithUuidsOfItsOwn() {
        Set<String> seen = new HashSet<>();
        for (SimulatedMisp misp : cluster.instances()) {
            List<JsonNode> hits = search(misp, "bulk.bench.example");
            assertThat(hits).hasSize(2_500);
            assertThat(hits).allSatisfy(a -> {
                assertThat(a.get("type").asText()).isEqualTo("domain");
                assertThat(a.get("value").asText()).isEqualTo("bulk.bench.example");
            });
            hits.forEach(a -> assertThat(seen.add(a.get("uuid").asText())).isTrue());
            // 1,000 attributes per event
            assertThat(hits.stream().map(a -> a.get("event_id").asText()).distinct()).hasSize(3);
        }
        assertThat(seen).hasSize(5_000);
    }

    @Test
    void aValuePlantedInOneInstanceIsOnlyThere() {
        assertThat(search(cluster.instance("org-b"), "only-b.bench.example")).hasSize(3);
        assertThat(search(cluster.instance("org-a"), "only-b.bench.example")).isEmpty();
    }

    /** Planted records look like generated ones: the category of their type, the TLP tag as the store colours it. */
    @Test
    void plantedRecordsHaveTheCategoryOfTheirTypeAndAnOrdinaryTlpTag() {
        List<JsonNode> hits = Http.post(cluster.instance("org-a"), "/attributes/restSearch",
                "{\"value\":\"" + HASH + "\",\"includeEventTags\":1}").attributes();
        assertThat(hits).hasSize(2).allSatisfy(a -> {
            assertThat(a.get("category").asText()).isEqualTo("Payload delivery");
            JsonNode tlp = a.path("Tag").get(0);
            assertThat(tlp.get("name").asText()).isEqualTo("tlp:green");
            assertThat(tlp.get("colour").asText()).isEqualTo("#339900");
        });
    }

    @Test
    void anUnknownOrganisationStopsTheStart() {
        assertThatThrownBy(() -> SimulatorCluster.start(SimulatorOptions.builder().instances(1).events(0)
                .plant("org-z", "x.example", "domain", 1).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("org-z");
    }
}
