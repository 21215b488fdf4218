package org.alliancesearch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.misp.MispJson;
import org.alliancesearch.model.misp.MispTag;
import org.alliancesearch.simulator.data.DataGenerator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The portal's lenient MISP reader understands every record the simulator sends. */
class SharedModelReaderTest {

    @Test
    void everyGeneratedAttributeReadsBackWithContextAndInheritedTags() {
        try (SimulatorCluster cluster = SimulatorCluster
                .start(SimulatorOptions.builder().instances(3).events(20).attributesPerEvent(10).build())) {
            for (SimulatedMisp misp : cluster.instances()) {
                Http.Reply r = Http.post(misp, "/attributes/restSearch",
                        "{\"value\":\"%\",\"includeContext\":1,\"includeEventTags\":1}");
                List<JsonNode> raw = r.attributes();
                assertThat(raw).hasSizeGreaterThan(150);
                for (JsonNode node : raw) {
                    MispAttribute a = MispJson.attribute(node);
                    assertThat(a.uuid()).isEqualTo(node.get("uuid").asText());
                    assertThat(a.value()).isEqualTo(node.get("value").asText());
                    assertThat(a.event().uuid()).isEqualTo(node.get("Event").get("uuid").asText());
                    assertThat(a.event().orgcName()).startsWith("org-");
                    assertThat(a.timestamp()).isNotNull();
                    assertThat(a.tags()).filteredOn(MispTag::inherited).extracting(MispTag::name)
                            .containsExactlyInAnyOrderElementsOf(a.event().tags().stream().map(MispTag::name)
                                    .filter(n -> a.tags().stream().noneMatch(t -> !t.inherited() && t.name().equals(n)))
                                    .toList());
                }
            }
            SimulatedMisp c = cluster.instance("org-c");
            JsonNode synced = Http.post(c, "/attributes/restSearch",
                    "{\"value\":\"" + DataGenerator.SHARED_DOMAIN + "\",\"includeContext\":1}").attributes().get(0);
            assertThat(MispJson.attribute(synced).event().orgcName()).isEqualTo("org-a");
        }
    }
}
