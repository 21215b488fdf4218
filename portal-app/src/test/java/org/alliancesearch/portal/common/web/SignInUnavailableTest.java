package org.alliancesearch.portal.common.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.net.URL;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Keycloak out of reach (the OIDC server address points at a closed port): a person who would be sent to sign in gets
 * a page saying that sign-in is unavailable, 503 with Retry-After, in English or Japanese, instead of a redirect to a
 * sign-in page that cannot load. The API, the MISP paths and the public paths answer as before.
 */
@QuarkusTest
@TestProfile(SignInUnavailableTest.KeycloakOutOfReach.class)
class SignInUnavailableTest {
    public static class KeycloakOutOfReach implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.auth-server-url", "http://127.0.0.1:1/realms/quarkus");
        }
    }

    @TestHTTPResource(value = "/health", management = true)
    URL health;

    @Test
    void aPageThatNeedsSignInSaysSignInIsUnavailable() {
        given().redirects().follow(false).header("Accept-Language", "en").get("/search").then().statusCode(503)
                .header("Retry-After", "30").header("Cache-Control", "no-store")
                .contentType(containsString("text/html"))
                .body(containsString("Sign-in is unavailable")).body(containsString("href=\"/search\""))
                .body(not(containsString("/logout")));
        given().redirects().follow(false).header("Accept-Language", "ja").get("/").then().statusCode(503)
                .header("Retry-After", "30").body(containsString("lang=\"ja\""))
                .body(containsString("現在ログインできません"));
    }

    @Test
    void theRetryLinkStaysOnThePortal() {
        given().redirects().follow(false).urlEncodingEnabled(false).get("//evil.example/x").then().statusCode(503)
                .body(not(containsString("href=\"//"))).body(containsString("href=\"/evil.example/x\""));
    }

    @Test
    void apiMispAndPublicPathsAreNotConcerned() {
        given().get("/api/v1/me").then().statusCode(401).contentType(containsString("problem+json"));
        given().get("/servers/getVersion").then().statusCode(403);
        given().get(health + "/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/css/portal.css").then().statusCode(200);
    }

    @Test
    void aRequestWithASessionCookieGoesToAuthentication() {
        // the session goes to authentication as before; with Keycloak out of reach it cannot be checked, which is
        // said as such (503), never an internal error
        given().redirects().follow(false).cookie("q_session", "forged").get("/search").then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(302), equalTo(401), equalTo(503)))
                .body(not(containsString("Internal error")));
    }
}
