package org.alliancesearch.portal.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.alliancesearch.portal.common.PagesTest.Csrf;
import org.alliancesearch.portal.testsupport.Db;
import org.alliancesearch.portal.testsupport.Members;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * Pages change state only through form posts that carry the CSRF token and come from the portal's own pages: a
 * text/plain or body-less post (which a cross-site page can send without a CORS preflight) and a post announced as
 * cross-site by Origin or Sec-Fetch-Site are refused, and change nothing. The API (bearer tokens, JSON) is unaffected.
 */
@QuarkusTest
public class FormPostsTest {
    private static RequestSpecification admin() {
        return given().auth().oauth2(Tokens.admin()).redirects().follow(false);
    }

    private static boolean deleted(String id) throws Exception {
        return Db.rows("select deleted_at from member_instance where id = ?::uuid", id).get(0)
                .get("deleted_at") != null;
    }

    @Test
    void aTextPlainPostToAPageIsRefused() throws Exception {
        String id = Members.create();
        Csrf csrf = PagesTest.csrf("/admin/members");
        int status = admin().cookies(csrf.cookies()).contentType("text/plain")
                .body("csrf-token=" + csrf.token())
                .post("/admin/members/" + id + "/delete").statusCode();
        assertThat(status).isIn(400, 403, 415);
        assertThat(deleted(id)).isFalse();
    }

    @Test
    void aBodylessPostToAPageIsRefused() throws Exception {
        String id = Members.create();
        Csrf csrf = PagesTest.csrf("/admin/members");
        assertThat(admin().cookies(csrf.cookies()).post("/admin/members/" + id + "/delete").statusCode())
                .isIn(400, 403, 415);
        assertThat(admin().cookies(csrf.cookies()).contentType("application/x-www-form-urlencoded")
                .post("/admin/members/" + id + "/delete").statusCode()).isIn(400, 403, 415);
        assertThat(admin().cookies(csrf.cookies()).contentType("application/json").body("{}")
                .post("/admin/members/" + id + "/delete").statusCode()).isIn(400, 403, 415);
        assertThat(deleted(id)).isFalse();
        // the connection test (a POST without fields) needs the token too
        assertThat(admin().cookies(csrf.cookies()).post("/admin/members/" + id + "/test").statusCode())
                .isIn(400, 403, 415);
    }

    @Test
    void aCrossSitePostIsRefusedEvenWithAValidToken() throws Exception {
        String id = Members.create();
        Csrf csrf = PagesTest.csrf("/admin/members");
        for (String origin : List.of("https://evil.example", "null", "http://localhost:1")) {
            admin().cookies(csrf.cookies()).header("Origin", origin).formParam("csrf-token", csrf.token())
                    .post("/admin/members/" + id + "/delete").then().statusCode(403);
        }
        for (String site : List.of("cross-site", "same-site")) {
            admin().cookies(csrf.cookies()).header("Sec-Fetch-Site", site).formParam("csrf-token", csrf.token())
                    .post("/admin/members/" + id + "/delete").then().statusCode(403);
        }
        assertThat(deleted(id)).isFalse();
    }

    @Test
    void aSameOriginFormPostWithItsTokenIsAccepted() throws Exception {
        String id = Members.create();
        Csrf csrf = PagesTest.csrf("/admin/members");
        admin().cookies(csrf.cookies()).header("Origin", RestAssured.baseURI + ":" + RestAssured.port)
                .header("Sec-Fetch-Site", "same-origin").formParam("csrf-token", csrf.token())
                .post("/admin/members/" + id + "/delete").then().statusCode(303);
        assertThat(deleted(id)).isTrue();
    }

    @Test
    void theApiTakesJsonWithABearerTokenWhateverTheOrigin() {
        String id = Members.create();
        given().auth().oauth2(Tokens.admin()).header("Origin", "https://tooling.example")
                .header("Sec-Fetch-Site", "cross-site")
                .get("/api/v1/admin/members/" + id).then().statusCode(200);
        given().auth().oauth2(Tokens.token("formposts", "org-a", List.of("member"))).contentType("application/json")
                .header("Sec-Fetch-Site", "cross-site")
                .body("{\"values\":[\"198.51.100.7\"]}")
                .post("/api/v1/search").then().statusCode(200);
    }
}
