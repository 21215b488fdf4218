package org.alliancesearch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.alliancesearch.simulator.http.MispApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The calls a MISP client makes before its first search, answered as MISP 2.5.1 answers them, over real HTTP. */
class FirstCallsTest {
    static SimulatorCluster cluster;
    static SimulatedMisp misp;

    @BeforeAll
    static void start() {
        cluster = SimulatorCluster.start(SimulatorOptions.builder().instances(1).events(20).build());
        misp = cluster.instance("org-a");
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    static Http.Reply get(String path, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(misp.url() + path)).header("Accept",
                "application/json");
        if (key != null) {
            b.header("Authorization", key);
        }
        return Http.send(b.GET());
    }

    @Test
    void getVersionAnswersLikeMispToAReadOnlyRole() {
        for (String path : List.of("/servers/getVersion", "/servers/getVersion.json")) {
            Http.Reply v = get(path, misp.apiKey());
            assertThat(v.status()).isEqualTo(200);
            assertThat(v.header("Content-Type")).startsWith("application/json");
            JsonNode j = v.json();
            assertThat(fieldNames(j)).containsExactly("version", "pymisp_recommended_version", "perm_sync",
                    "perm_sighting", "perm_galaxy_editor", "perm_analyst_data", "uuid", "request_encoding",
                    "filter_sightings");
            assertThat(j.get("version").asText()).isEqualTo("2.5.1");
            assertThat(j.get("pymisp_recommended_version").asText()).isEqualTo("2.5.1");
            assertThat(j.get("perm_sync").isBoolean()).isTrue();
            assertThat(j.get("perm_sync").booleanValue()).isFalse();
            assertThat(j.get("perm_sighting").booleanValue()).isTrue();
            assertThat(j.get("perm_galaxy_editor").booleanValue()).isFalse();
            assertThat(j.get("perm_analyst_data").booleanValue()).isFalse();
            // MISP shows its uuid only to a role that may synchronise
            assertThat(j.get("uuid").asText()).isEqualTo("-");
            assertThat(j.get("request_encoding").toString()).isEqualTo("[\"gzip\"]");
            assertThat(j.get("filter_sightings").booleanValue()).isTrue();
        }
    }

    @Test
    void theAnnouncedRequestEncodingIsDecoded() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write("{\"value\": \"%\", \"limit\": 3}".getBytes());
        }
        Http.Reply r = Http.send(HttpRequest.newBuilder(URI.create(misp.url() + "/attributes/restSearch"))
                .header("Authorization", misp.apiKey()).header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(zipped.toByteArray())));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        assertThat(r.attributes()).hasSize(3);
    }

    @Test
    void olderPymispVersionCall() {
        for (String path : List.of("/servers/getPyMISPVersion.json", "/servers/getPyMISPVersion")) {
            Http.Reply v = get(path, misp.apiKey());
            assertThat(v.status()).isEqualTo(200);
            assertThat(v.json().toString()).isEqualTo("{\"version\":\"2.5.1\"}");
        }
    }

    @Test
    void currentUserHasUserRoleUserSettingAndOrganisation() {
        for (String path : List.of("/users/view/me", "/users/view/me.json")) {
            for (String method : List.of("GET", "POST")) {
                Http.Reply me = Http.send(HttpRequest.newBuilder(URI.create(misp.url() + path))
                        .header("Authorization", misp.apiKey()).header("Accept", "application/json")
                        .method(method, HttpRequest.BodyPublishers.noBody()));
                assertThat(me.status()).isEqualTo(200);
                JsonNode j = me.json();
                assertThat(fieldNames(j)).containsExactlyInAnyOrder("User", "Role", "Organisation", "UserSetting");
                assertThat(j.get("User").get("id").asText()).isEqualTo("1");
                assertThat(j.get("User").get("role_id").asText()).isEqualTo(j.get("Role").get("id").asText());
                assertThat(j.get("User").get("org_id").asText()).isEqualTo(j.get("Organisation").get("id").asText());
                assertThat(j.get("User").has("authkey")).as("no key in the answer").isFalse();
                assertThat(j.toString()).doesNotContain(misp.apiKey());
                assertThat(j.get("Role").get("perm_auth").booleanValue()).isTrue();
                assertThat(j.get("Role").get("perm_sync").booleanValue()).isFalse();
                assertThat(j.get("Role").get("perm_analyst_data").booleanValue()).isFalse();
                // setting name -> value; none set, which PHP encodes as an empty list
                assertThat(j.get("UserSetting").isContainerNode()).isTrue();
                assertThat(j.get("UserSetting")).isEmpty();
                assertThat(j.get("Organisation").get("name").asText()).isEqualTo("org-a");
                assertThat(j.get("Organisation").get("uuid").asText())
                        .isEqualTo(misp.organisation().uuid().toString());
            }
        }
    }

    @Test
    void describeTypesIsTheSharedModelsCopyUnderResult() throws IOException {
        JsonNode expected;
        try (InputStream in = getClass().getResourceAsStream("/misp/describeTypes.json")) {
            expected = Http.MAPPER.readTree(in);
        }
        for (String path : List.of("/attributes/describeTypes.json", "/attributes/describeTypes")) {
            Http.Reply r = get(path, misp.apiKey());
            assertThat(r.status()).isEqualTo(200);
            assertThat(fieldNames(r.json())).containsExactly("result");
            assertThat(r.json()).isEqualTo(expected);
            assertThat(r.json().get("result").get("types")).isNotEmpty();
            assertThat(r.json().get("result").get("sane_defaults").get("ip-dst").get("default_category").asText())
                    .isEqualTo("Network activity");
        }
    }

    @Test
    void everyFirstCallWithoutAValidKeyIsMisps403() {
        for (String path : List.of("/servers/getVersion", "/servers/getVersion.json", "/servers/getPyMISPVersion.json",
                "/users/view/me", "/users/view/me.json", "/attributes/describeTypes.json")) {
            for (String key : new String[]{null, "", "wrong-key", misp.apiKey() + "x"}) {
                Http.Reply r = get(path, key);
                assertThat(r.status()).as(path + " with " + key).isEqualTo(403);
                assertThat(fieldNames(r.json())).containsExactly("name", "message", "url");
                assertThat(r.json().get("message").asText()).isEqualTo(MispApi.AUTH_FAILED);
                assertThat(r.json().get("name").asText()).isEqualTo(MispApi.AUTH_FAILED);
                assertThat(r.json().get("url").asText()).isEqualTo(path);
            }
        }
    }

    @Test
    void theKeyMayComeInXMispAuth() {
        Http.Reply r = Http.send(HttpRequest.newBuilder(URI.create(misp.url() + "/servers/getVersion"))
                .header("X-MISP-AUTH", misp.apiKey()).GET());
        assertThat(r.status()).isEqualTo(200);
    }

    static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
