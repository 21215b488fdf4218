package org.alliancesearch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.alliancesearch.simulator.store.MispStore;
import org.junit.jupiter.api.Test;

/** Answers above the streaming threshold go out chunked and stay complete and valid. */
class LargeAnswerTest {

    @Test
    void wholeDatabaseAnswerIsStreamedCompletely() {
        try (SimulatorCluster cluster = SimulatorCluster
                .start(SimulatorOptions.builder().instances(1).events(120).attributesPerEvent(50).build())) {
            SimulatedMisp misp = cluster.instances().get(0);
            MispStore store = misp.store();
            Set<String> expected = new HashSet<>();
            for (int at = 0; at < store.attributeCount(); at++) {
                if (!store.attributeFlag(at, MispStore.DELETED)) {
                    expected.add(store.attributeUuid(at).toString());
                }
            }
            assertThat(expected.size()).isGreaterThan(5000);
            Http.Reply r = Http.post(misp, "/attributes/restSearch", "{}");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Length")).isNull();
            assertThat(r.header("X-Result-Count")).isEqualTo(Integer.toString(expected.size()));
            Set<String> got = new HashSet<>();
            r.attributes().forEach(a -> got.add(a.get("uuid").asText()));
            assertThat(got).isEqualTo(expected);

            Http.Reply events = Http.post(misp, "/events/restSearch", "{\"limit\":3000}");
            assertThat(events.events()).hasSize(store.eventCount());
            assertThat(events.header("X-Result-Count")).isEqualTo(Integer.toString(store.eventCount()));
        }
    }
}
