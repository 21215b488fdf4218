package org.alliancesearch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** MISP feed directories: manifest.json plus one {@code {"Event": …}} file per listed uuid. */
class FeedLoadTest {

    @Test
    void loadsTheEventsTheManifestListsIntoOneInstance(@TempDir Path feed) throws Exception {
        JsonNode event;
        try (InputStream in = getClass().getResourceAsStream("/pymisp/misp_event.json")) {
            event = Http.MAPPER.readTree(in);
        }
        String uuid = event.get("uuid").asText();
        ObjectNode wrapped = Http.MAPPER.createObjectNode();
        wrapped.set("Event", event);
        Files.writeString(feed.resolve(uuid + ".json"), wrapped.toString());
        ObjectNode manifest = Http.MAPPER.createObjectNode();
        manifest.putObject(uuid).put("info", event.get("info").asText()).put("timestamp", "1465681801");
        Files.writeString(feed.resolve("manifest.json"), manifest.toString());
        ObjectNode stray = wrapped.deepCopy();
        ((ObjectNode) stray.get("Event")).put("uuid", "00000000-0000-4000-8000-000000000000").put("info", "stray");
        Files.writeString(feed.resolve("00000000-0000-4000-8000-000000000000.json"), stray.toString());

        try (SimulatorCluster cluster = SimulatorCluster
                .start(SimulatorOptions.builder().instances(2).events(0).load("org-b", feed).build())) {
            Http.Reply atB = Http.post(cluster.instance("org-b"), "/events/restSearch", "{\"value\":\"Locky\"}");
            assertThat(atB.events()).extracting(e -> e.get("uuid").asText()).containsExactly(uuid);
            assertThat(atB.events().get(0).get("Orgc").get("name").asText()).isEqualTo("ORGNAME");
            assertThat(Http.post(cluster.instance("org-b"), "/events/restSearch", "{}").events()).hasSize(1);
            assertThat(Http.post(cluster.instance("org-a"), "/events/restSearch", "{}").events()).isEmpty();
        }
    }

    @Test
    void unreadableFileStopsTheStartWithAClearMessage(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"Event\": {");
        assertThatThrownBy(() -> SimulatorCluster.start(SimulatorOptions.builder().instances(1).events(0)
                .load(broken).build())).isInstanceOf(UncheckedIOException.class).hasMessageContaining("cannot load");
        assertThatThrownBy(() -> SimulatorCluster.start(SimulatorOptions.builder().instances(1).events(0)
                .load("org-z", broken).build())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("org-z");
    }
}
