package org.alliancesearch.portal.member;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.alliancesearch.connector.MemberRegistry;
import org.alliancesearch.portal.testsupport.Db;
import org.alliancesearch.portal.testsupport.Members;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The production member rules: https only, and {@code verifyTls=false} only with a CA PEM or a pinned certificate
 * SHA-256. A refused member is not stored.
 */
@QuarkusTest
@TestProfile(LoopbackRefusedTest.ProductionUrls.class)
class MemberHttpsRulesTest {
    private static final String PIN = "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01"
            + ":23:45:67:89";

    @Inject
    MemberRegistry registry;

    private static ValidatableResponse post(Map<String, Object> body) {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/admin/members").then();
    }

    private static Map<String, Object> body(String url) {
        Map<String, Object> body = Members.body("Prod member", "prod-key");
        body.put("url", url);
        return body;
    }

    private static int stored(String url) throws Exception {
        return Db.rows("select id from member_instance where base_url = ?", url).size();
    }

    @Test
    void httpIsRefused() throws Exception {
        String url = "http://misp-" + UUID.randomUUID() + ".example";
        post(body(url)).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("url"))
                .body("errors[0].code", equalTo("url.https-required"));
        assertThat(stored(url)).isZero();
    }

    @Test
    void noVerificationNeedsACaOrAPin() throws Exception {
        String url = "https://misp-" + UUID.randomUUID() + ".example";
        Map<String, Object> lenient = body(url);
        lenient.put("verifyTls", false);
        post(lenient).statusCode(400).body("errors[0].field", equalTo("verifyTls"))
                .body("errors[0].code", equalTo("tls.anchor-required"));
        assertThat(stored(url)).isZero();

        lenient.put("tlsPinSha256", "not-a-sha256");
        post(lenient).statusCode(400).body("errors[0].field", equalTo("tlsPinSha256"))
                .body("errors[0].code", equalTo("tls-pin"));
        assertThat(stored(url)).isZero();

        lenient.put("tlsPinSha256", PIN);
        String id = post(lenient).statusCode(201).body("verifyTls", equalTo(false))
                .body("tlsPinSha256", equalTo(PIN.replace(":", "").toLowerCase())).extract().path("id");
        assertThat(registry.find(id).orElseThrow().tlsPinSha256()).isEqualTo(PIN.replace(":", "").toLowerCase());

        // the page shows it
        assertThat(given().auth().oauth2(Tokens.admin()).get("/admin/members/" + id + "/edit").then().statusCode(200)
                .extract().body().asString()).contains(PIN.replace(":", "").toLowerCase());

        // removing the pin while verification is off is refused and keeps it
        Map<String, Object> unpin = new HashMap<>();
        unpin.put("tlsPinSha256", null);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(unpin)
                .put("/api/v1/admin/members/" + id).then().statusCode(400)
                .body("errors[0].code", equalTo("tls.anchor-required"));
        given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/members/" + id).then()
                .body("tlsPinSha256", equalTo(PIN.replace(":", "").toLowerCase()));
    }
}
