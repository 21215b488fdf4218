package org.alliancesearch.portal.common.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** With the OIDC server answering, a page without a session still goes to sign in (no sign-in-unavailable page). */
@QuarkusTest
class SignInAvailableTest {
    @Test
    void aPageWithoutSessionIsRedirectedToSignIn() {
        given().redirects().follow(false).get("/search").then().statusCode(302)
                .header("Location", containsString("response_type=code"));
    }
}
