package org.alliancesearch.portal.mispapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import org.alliancesearch.portal.mispapi.rest.MispServerResource;
import org.alliancesearch.portal.testsupport.MispKeys;
import org.alliancesearch.simulator.client.PymispException;
import org.alliancesearch.simulator.client.PymispLikeClient;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The MISP calls a client makes before its first search, answered by the portal as MISP 2.5.1 answers them. */
@QuarkusTest
class MispServerResourceTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Field for field and in MISP's order, for a role that may not synchronise, sight or edit galaxies. */
    static final String VERSION = "{\"version\":\"2.5.1\",\"pymisp_recommended_version\":\"2.5.1\","
            + "\"perm_sync\":false,\"perm_sighting\":false,\"perm_galaxy_editor\":false,\"perm_analyst_data\":false,"
            + "\"uuid\":\"-\",\"request_encoding\":[],\"filter_sightings\":true}";

    @TestHTTPResource("/")
    URL root;

    @Test
    void getVersionAnswersAsMisp() throws IOException {
        for (String path : List.of("/servers/getVersion", "/servers/getVersion.json")) {
            String body = MispKeys.as("alice", "org-a").accept("application/json").get(path).then().statusCode(200)
                    .contentType("application/json").extract().asString();
            assertThat(JSON.readTree(body).toString()).isEqualTo(VERSION);
        }
    }

    @Test
    void olderPymispVersionCall() throws IOException {
        for (String path : List.of("/servers/getPyMISPVersion.json", "/servers/getPyMISPVersion")) {
            String body = MispKeys.as("alice", "org-a").get(path).then().statusCode(200).extract().asString();
            assertThat(JSON.readTree(body).toString()).isEqualTo("{\"version\":\"2.5.1\"}");
        }
    }

    @Test
    void describeTypesIsMispsFileUnderResult() throws IOException {
        JsonNode expected;
        try (InputStream in = getClass().getResourceAsStream("/misp/describeTypes.json")) {
            expected = JSON.readTree(in);
        }
        for (String path : List.of("/attributes/describeTypes.json", "/attributes/describeTypes")) {
            String body = MispKeys.as("root", "secretariat").get(path).then().statusCode(200)
                    .contentType("application/json").extract()
                    .asString();
            JsonNode answer = JSON.readTree(body);
            assertThat(answer).isEqualTo(expected);
            assertThat(answer.get("result").get("categories")).isNotEmpty();
            assertThat(answer.get("result").get("sane_defaults").get("domain").get("to_ids").asInt()).isEqualTo(1);
        }
    }

    @Test
    void withoutAKeyTheAnswerIsMispsRefusal() {
        for (String path : List.of("/servers/getVersion", "/servers/getPyMISPVersion.json",
                "/attributes/describeTypes.json")) {
            given().redirects().follow(false).get(path).then().statusCode(403).contentType("application/json")
                    .body("url", org.hamcrest.Matchers.equalTo(path));
        }
    }

    @Test
    void aPymispLikeClientConnectsWithAPersonalKey() {
        List<String> calls = new ArrayList<>();
        String url = root.toString().replaceAll("/$", "");
        PymispLikeClient misp = PymispLikeClient.builder(url, MispKeys.of("connie", "org-a")).onCall(calls::add)
                .connect();
        // the recommended version was found in getVersion (no fallback call), the user has a role and settings,
        // and the portal's own describeTypes was taken
        assertThat(calls).containsExactly("GET /servers/getVersion", "GET /users/view/me",
                "GET /attributes/describeTypes.json");
        assertThat(misp.describeTypesFromServer()).isTrue();
        assertThat(misp.user().path("email").asText()).isNotBlank();
        assertThat(MispServerResource.PYMISP_RECOMMENDED_VERSION).isEqualTo(PymispLikeClient.DEFAULT_PYMISP_VERSION);
    }
}
