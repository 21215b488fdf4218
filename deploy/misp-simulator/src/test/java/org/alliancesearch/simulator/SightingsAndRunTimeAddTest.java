package org.alliancesearch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.UUID;

import org.alliancesearch.simulator.store.AttributeDraft;
import org.alliancesearch.simulator.store.EventDraft;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code POST /sightings/add}, {@code includeSightings}, and records added while the server runs, with their dates. */
class SightingsAndRunTimeAddTest {
    static SimulatorCluster cluster;
    static SimulatedMisp misp;

    @BeforeAll
    static void start() {
        cluster = SimulatorCluster.start(
                SimulatorOptions.builder().instances(2).events(5).attributesPerEvent(4).adminPort(0).build());
        misp = cluster.instance("org-a");
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static JsonNode firstAttribute() {
        return Http.post(misp, "/attributes/restSearch", "{\"limit\":1}").attributes().get(0);
    }

    private static int sightingCount(String uuid) {
        JsonNode a = Http.post(misp, "/attributes/restSearch",
                "{\"uuid\":\"" + uuid + "\",\"includeSightings\":1}").attributes().get(0);
        assertThat(a.has("Sighting")).isTrue();
        return a.get("Sighting").size();
    }

    @Test
    void sightingByUuidIsSavedAndAppearsInLaterSearches() {
        JsonNode a = firstAttribute();
        String uuid = a.get("uuid").asText();
        int before = sightingCount(uuid);
        Http.Reply added = Http.post(misp, "/sightings/add",
                "{\"uuid\":\"" + uuid + "\",\"type\":\"0\",\"source\":\"alliance\",\"timestamp\":1700000123}");
        assertThat(added.status()).isEqualTo(200);
        JsonNode s = added.json().get("Sighting");
        assertThat(s.get("attribute_uuid").asText()).isEqualTo(uuid);
        assertThat(s.get("attribute_id").asText()).isEqualTo(a.get("id").asText());
        assertThat(s.get("date_sighting").asText()).isEqualTo("1700000123");
        assertThat(s.get("type").asText()).isEqualTo("0");
        assertThat(s.get("source").asText()).isEqualTo("alliance");

        JsonNode listed = Http.post(misp, "/attributes/restSearch",
                "{\"uuid\":\"" + uuid + "\",\"includeSightings\":1}").attributes().get(0).get("Sighting");
        assertThat(listed.size()).isEqualTo(before + 1);
        JsonNode last = listed.get(listed.size() - 1);
        assertThat(last.get("uuid").asText()).isEqualTo(s.get("uuid").asText());
        assertThat(last.get("Organisation").get("name").asText()).isEqualTo("org-a");
        assertThat(last.get("org_id").asText()).isEqualTo("1");
        // without includeSightings MISP leaves the list out
        assertThat(Http.post(misp, "/attributes/restSearch", "{\"uuid\":\"" + uuid + "\"}").attributes().get(0)
                .has("Sighting")).isFalse();
        // event searches carry them on the event's attributes too
        JsonNode event = Http.post(misp, "/events/restSearch",
                "{\"uuid\":\"" + uuid + "\",\"includeSightings\":1}").events().get(0);
        boolean found = false;
        for (JsonNode attr : event.get("Attribute")) {
            if (attr.get("uuid").asText().equals(uuid)) {
                found = attr.get("Sighting").size() == before + 1;
            }
        }
        assertThat(found).isTrue();
    }

    @Test
    void sightingByIdAndByPathWorkToo() {
        JsonNode a = firstAttribute();
        String uuid = a.get("uuid").asText();
        int before = sightingCount(uuid);
        assertThat(Http.post(misp, "/sightings/add", "{\"id\":\"" + a.get("id").asText() + "\"}").status())
                .isEqualTo(200);
        assertThat(Http.post(misp, "/sightings/add/" + uuid, "{}").status()).isEqualTo(200);
        assertThat(sightingCount(uuid)).isEqualTo(before + 2);
    }

    @Test
    void unknownAttributeBadTypeAndWrongMethodAreMispErrors() {
        Http.Reply unknown = Http.post(misp, "/sightings/add", "{\"uuid\":\"" + UUID.randomUUID() + "\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("message").asText()).contains("No valid attributes found");
        assertThat(unknown.json().get("url").asText()).isEqualTo("/sightings/add");
        assertThat(Http.post(misp, "/sightings/add", "{}").status()).isEqualTo(404);
        Http.Reply badType = Http.post(misp, "/sightings/add",
                "{\"uuid\":\"" + firstAttribute().get("uuid").asText() + "\",\"type\":\"7\"}");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.json().get("message").asText()).contains("Invalid type");
        assertThat(Http.post(misp, "/sightings/add", "not json").status()).isEqualTo(400);
    }

    @Test
    void aKeyWithoutSightingPermissionIsRefusedAndTheRoleSaysSo() {
        SimulatedMisp other = cluster.instance("org-b");
        String uuid = Http.post(other, "/attributes/restSearch", "{\"limit\":1}").attributes().get(0).get("uuid")
                .asText();
        String admin = cluster.adminUrl().orElseThrow();
        Http.Reply off = Http
                .send(HttpRequest.newBuilder(URI.create(admin + "/_sim/instances/org-b/sighting-permission"))
                        .header("X-Sim-Admin-Token", cluster.adminToken())
                        .POST(HttpRequest.BodyPublishers.ofString("{\"allowed\":false}")));
        assertThat(off.status()).isEqualTo(200);
        try {
            Http.Reply refused = Http.post(other, "/sightings/add", "{\"uuid\":\"" + uuid + "\"}");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("message").asText()).isEqualTo(
                    "You do not have permission to use this functionality.");
            assertThat(Http.send(HttpRequest.newBuilder(URI.create(other.url() + "/servers/getVersion"))
                    .header("Authorization", other.apiKey()).GET()).json().get("perm_sighting").asBoolean())
                    .isFalse();
            int count = Http.post(other, "/attributes/restSearch",
                    "{\"uuid\":\"" + uuid + "\",\"includeSightings\":1}").attributes().get(0).get("Sighting").size();
            assertThat(count).isZero();
        } finally {
            other.setSightingPermission(other.apiKey(), true);
        }
        assertThat(Http.post(other, "/sightings/add", "{\"uuid\":\"" + uuid + "\"}").status()).isEqualTo(200);
        Http.Reply bad = Http
                .send(HttpRequest.newBuilder(URI.create(admin + "/_sim/instances/org-b/sighting-permission"))
                        .header("X-Sim-Admin-Token", cluster.adminToken())
                        .POST(HttpRequest.BodyPublishers.ofString("{\"allowed\":\"maybe\"}")));
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void eventsAddedThroughTheAdminEndpointAreFoundWithTheirDates() {
        String value = "fresh-" + UUID.randomUUID() + ".example";
        String query = "{\"value\":\"" + value + "\"}";
        assertThat(Http.post(misp, "/attributes/restSearch", query).attributes()).isEmpty();
        long ts = 1_760_000_000L;
        String event = "{\"Event\":{\"info\":\"new today\",\"date\":\"2025-10-09\",\"published\":true,"
                + "\"timestamp\":\"" + ts + "\",\"publish_timestamp\":\"" + (ts + 60) + "\",\"Attribute\":[{"
                + "\"type\":\"domain\",\"category\":\"Network activity\",\"to_ids\":true,\"value\":\"" + value
                + "\",\"timestamp\":\"" + ts + "\"}]}}";
        String admin = cluster.adminUrl().orElseThrow();
        Http.Reply added = Http.send(HttpRequest.newBuilder(URI.create(admin + "/_sim/instances/org-a/events"))
                .header("X-Sim-Admin-Token", cluster.adminToken()).POST(HttpRequest.BodyPublishers.ofString(event)));
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().get("added").asInt()).isEqualTo(1);
        assertThat(Http.post(misp, "/attributes/restSearch", query).values()).containsExactly(value);
        // the dates given are the ones the time filters see
        assertThat(found(value, "\"timestamp\":" + ts)).isTrue();
        assertThat(found(value, "\"timestamp\":" + (ts + 1))).isFalse();
        assertThat(found(value, "\"publish_timestamp\":" + (ts + 60))).isTrue();
        assertThat(found(value, "\"publish_timestamp\":" + (ts + 61))).isFalse();
        assertThat(found(value, "\"last\":" + (ts + 60))).isTrue();
        assertThat(found(value, "\"from\":\"2025-10-09\",\"to\":\"2025-10-09\"")).isTrue();
        assertThat(found(value, "\"from\":\"2025-10-10\"")).isFalse();
        assertThat(found(value, "\"to\":\"2025-10-08\"")).isFalse();
        Http.Reply garbage = Http.send(HttpRequest.newBuilder(URI.create(admin + "/_sim/instances/org-a/events"))
                .header("X-Sim-Admin-Token", cluster.adminToken()).POST(HttpRequest.BodyPublishers.ofString("{nope")));
        assertThat(garbage.status()).isEqualTo(400);
    }

    private static boolean found(String value, String filters) {
        return !Http.post(misp, "/attributes/restSearch", "{\"value\":\"" + value + "\"," + filters + "}")
                .attributes().isEmpty();
    }

    @Test
    void eventsAddedInCodeAreSearchableAndSightable() {
        String value = "203.0.113." + (int) (Math.random() * 200 + 1);
        EventDraft e = new EventDraft();
        e.info = "added in code";
        e.dateEpochDay = LocalDate.parse("2026-01-02").toEpochDay();
        e.timestamp = 1_767_312_000L;
        e.publishTimestamp = 1_767_312_000L;
        e.published = true;
        AttributeDraft a = new AttributeDraft();
        a.type = "ip-dst";
        a.category = "Network activity";
        a.value = value;
        a.timestamp = 1_767_312_000L;
        a.uuid = UUID.randomUUID();
        e.attributes.add(a);
        int id = cluster.instance("org-b").addEvent(e);
        assertThat(id).isEqualTo(cluster.instance("org-b").store().eventCount());
        SimulatedMisp b = cluster.instance("org-b");
        JsonNode found = Http.post(b, "/attributes/restSearch", "{\"value\":\"" + value
                + "\",\"timestamp\":1767312000}").attributes().get(0);
        assertThat(found.get("uuid").asText()).isEqualTo(a.uuid.toString());
        assertThat(Http.post(b, "/sightings/add", "{\"uuid\":\"" + a.uuid + "\"}").status()).isEqualTo(200);
        assertThat(Http.post(b, "/attributes/restSearch", "{\"uuid\":\"" + a.uuid + "\",\"includeSightings\":true}")
                .attributes().get(0).get("Sighting").size()).isEqualTo(1);
    }
}
