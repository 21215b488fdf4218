package org.alliancesearch.portal.member;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.alliancesearch.portal.testsupport.Members;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** With the production defaults (no loopback, https only), a loopback member URL is refused. */
@QuarkusTest
@TestProfile(LoopbackRefusedTest.ProductionUrls.class)
class LoopbackRefusedTest {
    public static class ProductionUrls implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("alliance.members.allow-loopback", "false", "alliance.members.require-https", "true");
        }
    }

    @Test
    void loopbackIsRefused() {
        for (String url : new String[]{"http://127.0.0.1:9441", "http://localhost:9441", "http://[::1]:9441"}) {
            Map<String, Object> body = Members.body("Loopback", "k");
            body.put("url", url);
            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/admin/members").then().statusCode(400)
                    .body("errors[0].field", equalTo("url"))
                    .body("errors[0].code", equalTo("url.loopback"));
        }
        Map<String, Object> body = Members.body("Remote", "k");
        body.put("url", "https://misp.org-b.example");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/admin/members").then().statusCode(201);
    }
}
