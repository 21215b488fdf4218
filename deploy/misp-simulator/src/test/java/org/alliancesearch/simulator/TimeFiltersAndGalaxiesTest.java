package org.alliancesearch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.alliancesearch.model.misp.MispEventDocument;
import org.alliancesearch.model.misp.MispEventReader;
import org.alliancesearch.model.misp.MispGalaxyCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code timestamp}, {@code publish_timestamp} and {@code last} on both searches, as MISP takes them (epoch seconds,
 * relative {@code 7d}/{@code 12h}, or a {@code [from, to]} pair), over events added at run time with their dates; and
 * galaxy clusters given back as MISP's {@code Galaxy}.
 */
class TimeFiltersAndGalaxiesTest {
    static final long DAY = 86_400L;
    static SimulatorCluster cluster;
    static SimulatedMisp misp;
    static long now;
    /** Changed and published two days ago, with a galaxy cluster sent as {@code Galaxy} only. */
    static String recent;
    /** Changed thirty days ago, published two hours ago. */
    static String republished;
    /** Changed and published thirty days ago, with a galaxy tag. */
    static String old;

    @BeforeAll
    static void start() {
        cluster = SimulatorCluster.start(SimulatorOptions.builder().instances(1).events(3).attributesPerEvent(2)
                .build());
        misp = cluster.instance("org-a");
        now = System.currentTimeMillis() / 1000;
        recent = add("recent", now - 2 * DAY, now - 2 * DAY, "[]",
                "[{\"name\":\"Malware\",\"GalaxyCluster\":[{\"type\":\"malpedia\",\"value\":\"Emotet\","
                        + "\"tag_name\":\"misp-galaxy:malpedia=\\\"Emotet\\\"\",\"description\":\"x\"}]}]");
        republished = add("republished", now - 30 * DAY, now - 2 * 3600, "[]", "[]");
        old = add("old", now - 30 * DAY, now - 30 * DAY,
                "[{\"name\":\"misp-galaxy:threat-actor=\\\"Sofacy\\\"\"},{\"name\":\"tlp:green\"}]", "[]");
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static String add(String info, long timestamp, long published, String tags, String galaxies) {
        String uuid = UUID.randomUUID().toString();
        String json = "{\"Event\":{\"uuid\":\"" + uuid + "\",\"info\":\"" + info + "\",\"date\":\"2026-01-01\","
                + "\"published\":true,\"timestamp\":\"" + timestamp + "\",\"publish_timestamp\":\"" + published
                + "\",\"Tag\":" + tags + ",\"Galaxy\":" + galaxies + ",\"Attribute\":[{\"type\":\"domain\","
                + "\"category\":\"Network activity\",\"value\":\"" + info + "-" + uuid + ".example\",\"timestamp\":\""
                + timestamp + "\"}]}}";
        try {
            misp.addEvents(Http.MAPPER.readTree(json));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return uuid;
    }

    private static List<String> events(String filter) {
        return Http.post(misp, "/events/restSearch", "{" + filter + "}").events().stream()
                .map(e -> e.get("uuid").asText()).filter(u -> List.of(recent, republished, old).contains(u))
                .toList();
    }

    private static List<String> attributeEvents(String filter) {
        return Http.post(misp, "/attributes/restSearch", "{\"includeContext\":1," + filter + "}").attributes()
                .stream().map(a -> a.get("Event").get("uuid").asText())
                .filter(u -> List.of(recent, republished, old).contains(u)).toList();
    }

    @Test
    void timestampFiltersTheEventsChangedInTheWindowRelativeEpochOrPair() {
        assertThat(events("\"timestamp\":\"7d\"")).containsExactly(recent);
        assertThat(events("\"timestamp\":\"72h\"")).containsExactly(recent);
        assertThat(events("\"timestamp\":\"1d\"")).isEmpty();
        assertThat(events("\"timestamp\":" + (now - 7 * DAY))).containsExactly(recent);
        assertThat(events("\"timestamp\":[\"" + (now - 31 * DAY) + "\",\"" + (now - 29 * DAY) + "\"]"))
                .containsExactlyInAnyOrder(republished, old);
        assertThat(events("\"timestamp\":[\"40d\",\"20d\"]")).containsExactlyInAnyOrder(republished, old);
        // on attribute searches it filters the attribute's own timestamp
        assertThat(attributeEvents("\"timestamp\":\"7d\"")).containsExactly(recent);
    }

    @Test
    void publishTimestampAndLastFilterByTheTimeOfPublication() {
        assertThat(events("\"publish_timestamp\":\"7d\"")).containsExactlyInAnyOrder(recent, republished);
        assertThat(events("\"last\":\"7d\"")).containsExactlyInAnyOrder(recent, republished);
        assertThat(events("\"last\":\"1d\"")).containsExactly(republished);
        assertThat(events("\"publish_timestamp\":[\"" + (now - 31 * DAY) + "\",\"" + (now - 29 * DAY) + "\"]"))
                .containsExactly(old);
        assertThat(attributeEvents("\"last\":\"1d\"")).containsExactly(republished);
        // combined with timestamp: changed long ago, published lately
        assertThat(events("\"last\":\"7d\",\"timestamp\":[\"40d\",\"20d\"]")).containsExactly(republished);
    }

    @Test
    void galaxyClustersComeBackAsMispSendsThemAndReadThroughTheSharedReader() throws Exception {
        JsonNode recentEvent = Http.post(misp, "/events/restSearch", "{\"uuid\":\"" + recent + "\"}").events().get(0);
        JsonNode galaxy = recentEvent.get("Galaxy").get(0);
        assertThat(galaxy.get("type").asText()).isEqualTo("malpedia");
        JsonNode clusterNode = galaxy.get("GalaxyCluster").get(0);
        assertThat(clusterNode.get("value").asText()).isEqualTo("Emotet");
        assertThat(clusterNode.get("tag_name").asText()).isEqualTo("misp-galaxy:malpedia=\"Emotet\"");
        // MISP lists an attached cluster among the event's tags as well
        assertThat(recentEvent.get("Tag").findValuesAsText("name")).contains("misp-galaxy:malpedia=\"Emotet\"");

        String answer = Http.post(misp, "/events/restSearch", "{\"timestamp\":[\"40d\",\"20d\"]}").raw().body();
        List<MispEventDocument> read = MispEventReader.read(answer, MispEventReader.Limits.none()).events();
        MispEventDocument oldDoc = read.stream().filter(d -> d.uuid().equals(old)).findFirst().orElseThrow();
        assertThat(oldDoc.galaxies()).containsExactly(new MispGalaxyCluster("misp-galaxy:threat-actor=\"Sofacy\"",
                "threat-actor", "Sofacy"));
        MispEventDocument plain = read.stream().filter(d -> d.uuid().equals(republished)).findFirst().orElseThrow();
        assertThat(plain.galaxies()).isEmpty();
    }
}
