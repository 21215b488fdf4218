package org.alliancesearch.portal.member;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.alliancesearch.portal.testsupport.Members;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** "Test connection" through the real connector against a MISP-shaped WireMock server on loopback. */
@QuarkusTest
class ConnectionTestWireMockTest {
    private static final String GOOD_KEY = "misp-service-user-key-0123456789abcdef0123";
    private static WireMockServer misp;

    @BeforeAll
    static void startMisp() {
        misp = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        misp.start();
        misp.stubFor(get(urlPathMatching(".*/servers/getVersion")).atPriority(1)
                .withHeader("Authorization", equalTo(GOOD_KEY))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"version\":\"2.4.190\",\"perm_sync\":false,\"perm_sighting\":false}")));
        misp.stubFor(any(urlPathMatching(".*/users/view/me")).atPriority(1)
                .withHeader("Authorization", equalTo(GOOD_KEY))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"User":{"id":"7","email":"alliance@org-a.example","org_id":"2","role_id":"6"},
                         "Role":{"id":"6","name":"Read Only","perm_auth":true,"perm_add":false,"perm_admin":false},
                         "Organisation":{"id":"2","name":"ORG-A","uuid":"5f6e7d8c-0000-4000-8000-000000000002"}}
                        """)));
        misp.stubFor(any(com.github.tomakehurst.wiremock.client.WireMock.anyUrl()).atPriority(10)
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json").withBody(
                        "{\"name\":\"Authentication failed. Please make sure you pass the API key of an API enabled "
                                + "user along in the Authorization header.\",\"message\":\"Authentication failed.\","
                                + "\"url\":\"/users/view/me\"}")));
    }

    @AfterAll
    static void stopMisp() {
        misp.stop();
    }

    /** Each member on its own base path of the one WireMock server (URLs must be unique). */
    private static String member(String apiKey) {
        Map<String, Object> body = Members.body("WireMock MISP", apiKey);
        body.put("url", misp.baseUrl() + "/misp-" + java.util.UUID.randomUUID() + "/");
        body.put("verifyTls", false);
        body.put("timeoutMs", 3000);
        return Members.create(body);
    }

    @Test
    void reportsVersionOrganisationRoleAndLatency() {
        String id = member(GOOD_KEY);
        Response report = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .post("/api/v1/admin/members/" + id + "/test");
        report.then().statusCode(200);
        assertThat(report.jsonPath().getString("status")).isEqualTo("OK");
        assertThat(report.jsonPath().getString("mispVersion")).isEqualTo("2.4.190");
        assertThat(report.jsonPath().getString("organisation")).isEqualTo("ORG-A");
        assertThat(report.jsonPath().getString("role")).isEqualTo("Read Only");
        assertThat(report.jsonPath().getLong("latencyMs")).isNotNegative();
        assertThat(report.asString()).doesNotContain(GOOD_KEY);
        // the stored key, decrypted, went to the member and nowhere else
        assertThat(misp.findAll(anyRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl())))
                .allSatisfy(r -> assertThat(r.getHeader("Authorization")).isIn(GOOD_KEY, "wrong-key-000"));
    }

    @Test
    void reportsARefusedKey() {
        String id = member("wrong-key-000");
        Response report = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .post("/api/v1/admin/members/" + id + "/test");
        report.then().statusCode(200);
        assertThat(report.jsonPath().getString("status")).isEqualTo("UNAUTHORIZED");
        assertThat(report.jsonPath().getString("message")).isNotBlank();
        assertThat(report.asString()).doesNotContain("wrong-key-000");
    }

    @Test
    void reportsAnUnreachableMember() {
        Map<String, Object> body = Members.body("Down MISP", GOOD_KEY);
        body.put("url", "http://127.0.0.1:9/");
        body.put("timeoutMs", 1000);
        String id = Members.create(body);
        Response report = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .post("/api/v1/admin/members/" + id + "/test");
        report.then().statusCode(200);
        assertThat(report.jsonPath().getString("status")).isIn("ERROR", "TIMEOUT");
        assertThat(report.jsonPath().getString("message")).isNotBlank();
    }
}
