package org.alliancesearch.portal.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.net.URL;
import java.util.List;

import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Health (with the database check) and metrics are served without signing in on the management port only; the OpenAPI
 * document on the application port.
 */
@QuarkusTest
class OperationsEndpointsTest {
    @TestHTTPResource(value = "/health", management = true)
    URL health;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void healthIncludesTheDatabase() {
        given().get(health + "/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("PostgreSQL")));
        given().get(health + "/live").then().statusCode(200);
    }

    @Test
    void prometheusMetrics() {
        // a request of the application port, for the meters to count
        given().get("/api/v1/me").then().statusCode(401);
        given().accept("text/plain").get(metrics).then().statusCode(200).body(containsString("http_server_requests"));
    }

    @Test
    void theApplicationPortServesNeitherMetricsNorHealthEvenToAnAdmin() {
        // the metrics name every member and tell how the alliance searches
        for (String path : List.of("/q/metrics", "/q/health", "/q/health/ready")) {
            given().redirects().follow(false).get(path).then().statusCode(not(200))
                    .body(not(containsString("alliance_")));
            given().auth().oauth2(Tokens.admin()).accept("text/plain").get(path)
                    .then().statusCode(404).body(not(containsString("http_server_requests")));
        }
    }

    @Test
    void openApiDescribesTheAdminApiButNotThePages() {
        String doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(doc).contains("/api/v1/admin/members/{id}/test")
                .contains("/api/v1/admin/policy").contains("/api/v1/admin/crypto/rotate")
                .doesNotContain("\"/admin/members\"");
        // Pages (HTML, sessions) are not API: every path described is the portal's API or a MISP-compatible one.
        java.util.Map<String, Object> paths = io.restassured.path.json.JsonPath.from(doc).getMap("paths");
        org.assertj.core.api.Assertions.assertThat(paths.keySet()).isNotEmpty()
                .allSatisfy(path -> org.assertj.core.api.Assertions
                        .assertThat(path).matches("/api/v1/.*|/(servers|users|attributes|events)/.*"));
    }

    @Test
    void anonymousApiCallsGetAProblemNotARedirect() {
        given().redirects().follow(false).get("/api/v1/admin/members").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                .body("title", equalTo("Not signed in")).body("instance", equalTo("/api/v1/admin/members"));
        given().redirects().follow(false).header("Accept-Language", "ja").get("/api/v1/me").then().statusCode(401)
                .body("title", equalTo("ログインしていません"));
    }

    @Test
    void invalidTokensAreRefused() {
        given().redirects().follow(false).auth().oauth2("not.a.token").get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .body("title", equalTo("Not signed in")).body("detail", containsString("not valid"))
                .body("instance", equalTo("/api/v1/me"));
        given().redirects().follow(false).header("Accept-Language", "ja").auth().oauth2("not.a.token")
                .get("/api/v1/me").then().statusCode(401).body("detail", containsString("無効"));
    }

    @Test
    void unknownApiPathIsAProblem() {
        given().auth().oauth2(Tokens.admin()).get("/api/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
