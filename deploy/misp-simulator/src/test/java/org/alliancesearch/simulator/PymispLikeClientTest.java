package org.alliancesearch.simulator;

import static org.alliancesearch.simulator.SearchSemanticsTest.DAY;
import static org.alliancesearch.simulator.SearchSemanticsTest.NOW;
import static org.alliancesearch.simulator.SearchSemanticsTest.attr;
import static org.alliancesearch.simulator.SearchSemanticsTest.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.alliancesearch.simulator.client.PymispException;
import org.alliancesearch.simulator.client.PymispLikeClient;
import org.alliancesearch.simulator.http.MispApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The PyMISP-like client against a simulated MISP: what a Python script or a SIEM connector would live through. */
class PymispLikeClientTest {
    static final String IP_E1 = "c1c1c1c1-0000-4000-8000-000000000001";
    static final String IP_E2 = "c2c2c2c2-0000-4000-8000-000000000002";

    @TempDir
    static Path dir;
    static SimulatorCluster cluster;
    static SimulatedMisp misp;

    @BeforeAll
    static void start() throws IOException {
        ArrayNode events = Http.MAPPER.createArrayNode();
        ObjectNode e1 = event(events, "e1e1e1e1-0000-4000-8000-0000000000e1", "Phishing wave", "2026-01-10", true,
                NOW - 2 * DAY, "tlp:green");
        attr(e1, IP_E1, "ip-dst", "Network activity", "10.0.0.1", true, false, NOW - 2 * DAY);
        attr(e1, null, "domain", "Network activity", "evil.example", true, false, NOW - 2 * DAY, "kill-chain:Delivery");
        attr(e1, null, "url", "Network activity", "http://evil.example/path", false, false, NOW - 2 * DAY);
        ((ObjectNode) e1.get("Attribute").get(2)).put("comment", "seen in \"invoice\" mails, 2 times");
        ObjectNode e2 = event(events, "e2e2e2e2-0000-4000-8000-0000000000e2", "Ransomware", "2025-06-01", false, 0,
                "tlp:red");
        attr(e2, IP_E2, "ip-src", "Network activity", "10.0.0.1", false, false, NOW - 30 * DAY, "tlp:amber");
        attr(e2, null, "sha256", "Payload delivery", "a".repeat(64), true, false, NOW - 30 * DAY);
        ObjectNode e3 = event(events, "e3e3e3e3-0000-4000-8000-0000000000e3", "Untagged", "2026-02-01", true,
                NOW - 20 * DAY);
        attr(e3, null, "filename", "Artifacts dropped", "invoice.exe", false, false, NOW - 20 * DAY, "tlp:clear");
        attr(e3, null, "hostname", "Network activity", "www.evil.example", true, false, NOW - 20 * DAY);
        Path file = dir.resolve("events.json");
        Files.writeString(file, events.toString());
        cluster = SimulatorCluster.start(SimulatorOptions.builder().instances(1).events(0).load(file).build());
        misp = cluster.instance("org-a");
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @AfterEach
    void noFault() {
        misp.setFault(Fault.NONE);
    }

    @Test
    void connectsWithPymispsSequenceAndLearnsWhoItIs() {
        PymispLikeClient c = PymispLikeClient.connect(misp.url(), misp.apiKey());
        // getVersion carries the recommended version, so the older getPyMISPVersion call is not needed
        assertThat(c.calls()).containsExactly("GET /servers/getVersion", "GET /users/view/me",
                "GET /attributes/describeTypes.json");
        assertThat(c.log()).as("same version as recommended: nothing to say").isEmpty();
        assertThat(c.instanceVersion().get("version").asText()).isEqualTo(MispApi.MISP_VERSION);
        assertThat(c.role().get("name").asText()).isEqualTo("Read Only API");
        assertThat(c.user().get("email").asText()).isEqualTo("api@org-a.example");
        assertThat(c.userSettings()).isEmpty();
        assertThat(c.describeTypesFromServer()).isTrue();
        assertThat(c.describeTypes().get("categories")).isNotEmpty();
        assertThat(c.userAgent()).isEqualTo("PyMISP 2.5.1 - Python 3.12");
    }

    @Test
    void anOlderClientIsToldToUpgrade() {
        PymispLikeClient c = PymispLikeClient.builder(misp.url(), misp.apiKey()).version("2.4.199").connect();
        assertThat(c.log()).singleElement().asString().startsWith("WARNING").contains("Please upgrade PyMISP");
    }

    @Test
    void theKeyMayGoInXMispAuth() {
        PymispLikeClient c = PymispLikeClient.builder(misp.url(), misp.apiKey()).authHeader("X-MISP-AUTH").connect();
        assertThat(c.searchAttributes(Map.of("value", "invoice.exe")).get("Attribute")).hasSize(1);
    }

    @Test
    void aWrongKeyIsRefusedAtUsersViewMeAsPymispRefusesIt() {
        PymispException e = catchThrowableOfType(PymispException.class,
                () -> PymispLikeClient.connect(misp.url(), "not-a-key"));
        assertThat(e.kind()).isEqualTo(PymispException.Kind.PYMISP_ERROR);
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.getMessage()).startsWith("Unable to get the user settings: (403, ");
        assertThat(e.mispMessage()).isEqualTo(MispApi.AUTH_FAILED);
        assertThat(e.errorBody().get("url").asText()).isEqualTo("/users/view/me");
    }

    @Test
    void aWrongKeyMakesTheSameCallsAsPymisp() {
        // PyMISP asks getVersion, falls back to getPyMISPVersion.json (the 403 has no recommended version), logs the
        // status as a warning, then fails on users/view/me
        List<String> calls = new ArrayList<>();
        assertThatThrownBy(() -> PymispLikeClient.builder(misp.url(), "not-a-key").onCall(calls::add).connect())
                .isInstanceOf(PymispException.class);
        assertThat(calls).containsExactly("GET /servers/getVersion", "GET /servers/getPyMISPVersion.json",
                "GET /users/view/me");
    }

    @Test
    void searchesAttributesByValue() {
        PymispLikeClient c = PymispLikeClient.connect(misp.url(), misp.apiKey());
        JsonNode r = c.searchAttributes(Map.of("value", "10.0.0.1"));
        assertThat(r.has("Attribute")).as("the response wrapper is taken off, as PyMISP does").isTrue();
        assertThat(uuids(r.get("Attribute"))).containsExactlyInAnyOrder(IP_E1, IP_E2);
    }

    @Test
    void filtersByTagsWithOrAndNot() {
        PymispLikeClient c = PymispLikeClient.connect(misp.url(), misp.apiKey());
        JsonNode r = c.searchAttributes(
                Map.of("tags", Map.of("OR", List.of("tlp:green", "tlp:clear"), "NOT", List.of("kill-chain:%"))));
        assertThat(values(r.get("Attribute"))).containsExactlyInAnyOrder("10.0.0.1", "http://evil.example/path",
                "invoice.exe");
        JsonNode events = c.searchEvents(Map.of("tags", Map.of("OR", List.of("tlp:%"), "NOT", List.of("tlp:red"))));
        assertThat(events.isArray()).isTrue();
        List<String> infos = new ArrayList<>();
        events.forEach(e -> infos.add(e.get("Event").get("info").asText()));
        assertThat(infos).containsExactlyInAnyOrder("Phishing wave", "Untagged");
    }

    @Test
    void searchesEventsByValue() {
        PymispLikeClient c = PymispLikeClient.connect(misp.url(), misp.apiKey());
        JsonNode events = c.searchEvents(Map.of("value", "invoice.exe"));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("Event").get("info").asText()).isEqualTo("Untagged");
        assertThat(events.get(0).get("Event").get("Attribute")).hasSize(2);
    }

    @Test
    void readsCsvAsMispWritesIt() {
        PymispLikeClient c = PymispLikeClient.connect(misp.url(), misp.apiKey());
        String csv = c.searchCsv(Map.of("value", "10.0.0.1"));
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("uuid,event_id,category,type,value,comment,to_ids,date,object_relation,"
                + "attribute_tag,object_uuid,object_name,object_meta_category");
        assertThat(lines.get(1)).isEqualTo("\"" + IP_E1 + "\",1,\"Network activity\",\"ip-dst\",\"10.0.0.1\",\"\",1,"
                + (NOW - 2 * DAY) + ",\"\",\"\",\"\",\"\",\"\"");
        assertThat(lines.get(2)).isEqualTo("\"" + IP_E2 + "\",2,\"Network activity\",\"ip-src\",\"10.0.0.1\",\"\",0,"
                + (NOW - 30 * DAY) + ",\"\",\"tlp:amber\",\"\",\"\",\"\"");
        assertThat(lines.get(3)).as("MISP ends the export with an empty line").isEmpty();

        String chosen = c.searchCsv(Map.of("value", "http://evil.example/path", "requested_attributes",
                List.of("value", "comment", "event_info", "to_ids"), "headerless", 1));
        assertThat(chosen).isEqualTo(
                "\"http://evil.example/path\",\"seen in \"\"invoice\"\" mails, 2 times\",\"Phishing wave\",0\n\n");
    }

    @Test
    void csvWithEventContextAndFromEventSearches() {
        PymispLikeClient c = PymispLikeClient.connect(misp.url(), misp.apiKey());
        List<String> lines = c.searchCsv(Map.of("value", "invoice.exe", "includeContext", 1)).lines().toList();
        assertThat(lines.get(0)).endsWith(",object_meta_category,event_info,event_member_org,event_source_org,"
                + "event_distribution,event_threat_level_id,event_analysis,event_date,event_tag,event_timestamp");
        assertThat(lines.get(1)).contains(",\"Untagged\",\"org-a\",").contains(",\"2026-02-01\",");
        assertThat(lines.get(1).split(",", -1)).hasSize(22);
        // an event search writes every shown attribute of each event found
        List<String> fromEvents = c.searchCsv("events", Map.of("value", "invoice.exe")).lines().toList();
        assertThat(fromEvents).hasSize(4);
        assertThat(fromEvents.get(1)).contains("\"invoice.exe\"");
        assertThat(fromEvents.get(2)).contains("\"www.evil.example\"");
    }

    @Test
    void aRefusedSearchCarriesStatusAndMispsErrorBody() {
        PymispLikeClient c = PymispLikeClient.connect(misp.url(), misp.apiKey());
        misp.setFault(Fault.parse("forbidden"));
        PymispException refused = catchThrowableOfType(PymispException.class,
                () -> c.searchAttributes(Map.of("value", "10.0.0.1")));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.kind()).isEqualTo(PymispException.Kind.PYMISP_ERROR);
        assertThat(refused.mispMessage()).isEqualTo(MispApi.AUTH_FAILED);
        assertThat(refused.errorBody().get("url").asText()).isEqualTo("/attributes/restSearch");

        misp.setFault(Fault.parse("error-rate=1"));
        PymispException broken = catchThrowableOfType(PymispException.class,
                () -> c.searchCsv(Map.of("value", "10.0.0.1")));
        assertThat(broken.status()).isEqualTo(500);
        assertThat(broken.kind()).isEqualTo(PymispException.Kind.MISP_SERVER_ERROR);
        assertThat(broken.getMessage()).startsWith("Error code 500:\n").contains(MispApi.INTERNAL_ERROR);
    }

    static List<String> values(JsonNode attributes) {
        List<String> out = new ArrayList<>();
        attributes.forEach(a -> out.add(a.get("value").asText()));
        return out;
    }

    static List<String> uuids(JsonNode attributes) {
        List<String> out = new ArrayList<>();
        attributes.forEach(a -> out.add(a.get("uuid").asText()));
        return out;
    }
}
