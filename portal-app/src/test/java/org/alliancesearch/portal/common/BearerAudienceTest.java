package org.alliancesearch.portal.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Bearer tokens must be meant for the portal: its client id in {@code aud}, or as the authorised party. */
@QuarkusTest
public class BearerAudienceTest {
    @Test
    void aTokenOfAnotherClientIsRefusedWithAProblem() {
        for (String client : new String[]{"other-app", "account", "portal-admin"}) {
            given().auth().oauth2(Tokens.ofOtherClient(client)).get("/api/v1/me").then()
                    .statusCode(401)
                    .contentType(startsWith("application/problem+json"))
                    .header("WWW-Authenticate", containsString("invalid_token"))
                    .body("status", equalTo(401))
                    .body("type", containsString("unauthorized"));
            given().auth().oauth2(Tokens.ofOtherClient(client)).get("/api/v1/admin/members").then()
                    .statusCode(401);
        }
    }

    @Test
    void aTokenOfAnotherClientOpensNoPage() {
        var page = given().auth().oauth2(Tokens.ofOtherClient("other-app")).redirects().follow(false)
                .get("/admin/members");
        assertThat(page.statusCode()).isNotEqualTo(200);
        assertThat(page.body().asString()).doesNotContain("<form", "csrf-token");
    }

    /** A page asked with a bearer that is not a token at all is refused outright, never answered empty. */
    @Test
    void aGarbageBearerOpensNoPage() {
        for (String path : new String[]{"/", "/history", "/saved", "/search", "/admin/members", "/api-keys"}) {
            var page = given().header("Authorization", "Bearer not-a-token").redirects().follow(false).get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(401);
            assertThat(page.header("WWW-Authenticate")).as(path).contains("invalid_token");
            assertThat(page.contentType()).as(path).startsWith("application/problem+json");
            assertThat(page.body().asString()).as(path).doesNotContain("<form", "csrf-token");
        }
    }

    @Test
    void theClientIdInTheAudienceOrAsAuthorisedPartyIsAccepted() {
        given().auth().oauth2(Tokens.alice()).get("/api/v1/me").then().statusCode(200);
        given().auth().oauth2(Tokens.authorisedPartyPortal()).get("/api/v1/me").then().statusCode(200);
    }
}
