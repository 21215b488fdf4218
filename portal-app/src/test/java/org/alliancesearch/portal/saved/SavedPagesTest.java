package org.alliancesearch.portal.saved;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.alliancesearch.portal.common.PagesTest;
import org.alliancesearch.portal.search.support.MispMembers;
import org.alliancesearch.portal.search.support.SearchMembers;
import org.alliancesearch.portal.testsupport.Db;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The saved searches pages: save from a form, list, run with highlighting, other organisations see nothing. */
@QuarkusTest
class SavedPagesTest {
    private static final String CAROL = Tokens.token("carol", "org-c", List.of("member"));
    private static final String CAROLINE = Tokens.token("caroline", "org-c", List.of("member"));
    private static final String BOB = Tokens.token("bob", "org-b", List.of("member"));

    @Test
    void saveListRunEditAndDeleteThroughThePages() throws Exception {
        SearchMembers.ensure();
        PagesTest.Csrf csrf = PagesTest.csrf("/search");
        // filled from the results page's form (POST with the CSRF token): the value never goes into a URL
        String prefilled = given().auth().oauth2(CAROL).cookies(csrf.cookies()).formParam("csrf-token", csrf.token())
                .formParam("values", MispMembers.OVERLAP).post("/saved/new").then().statusCode(200).extract()
                .asString();
        assertThat(prefilled).contains(">" + MispMembers.OVERLAP + "</textarea>");

        Response created = given().auth().oauth2(CAROL).cookies(csrf.cookies()).formParam("csrf-token", csrf.token())
                .formParam("name", "<b>watch</b> list").formParam("visibility", "ORGANISATION")
                .formParam("values", MispMembers.OVERLAP).redirects().follow(false).post("/saved");
        created.then().statusCode(303);
        String id = Db.rows("select id from saved_search where owner = 'carol' and name = '<b>watch</b> list'").get(0)
                .get("id");

        String list = given().auth().oauth2(CAROLINE).get("/saved").then().statusCode(200).extract().asString();
        assertThat(list).contains("&lt;b&gt;watch&lt;/b&gt; list").doesNotContain("<b>watch</b>")
                .contains("/saved/" + id + "/run").doesNotContain("/saved/" + id + "/edit");
        assertThat(given().auth().oauth2(BOB).get("/saved").then().statusCode(200).extract().asString())
                .doesNotContain(id);

        // its own page, by its link: the colleague sees the query and may run it, but not change it
        assertThat(list).contains("href=\"/saved/" + id + "\"");
        String page = given().auth().oauth2(CAROLINE).get("/saved/" + id).then().statusCode(200).extract()
                .asString();
        assertThat(page).contains("<h1 id=\"saved-name\">&lt;b&gt;watch&lt;/b&gt; list</h1>")
                .contains(MispMembers.OVERLAP).contains("My organisation").contains("carol")
                .contains("action=\"/saved/" + id + "/run\"").doesNotContain("/saved/" + id + "/edit");
        assertThat(given().auth().oauth2(CAROL).get("/saved/" + id).then().statusCode(200).extract().asString())
                .contains("/saved/" + id + "/edit");
        assertThat(given().auth().oauth2(BOB).get("/saved/" + id).then().statusCode(404).extract().asString())
                .doesNotContain("watch").doesNotContain(MispMembers.OVERLAP);
        given().auth().oauth2(CAROL).get("/saved/not-a-uuid").then().statusCode(404);

        // as if caroline's own last run had found something else
        Db.update("insert into saved_search_mark (saved_search_id, viewer_sub, last_run_at, last_keys)"
                + " values (?::uuid, 'id-caroline', now(), 'feedbeef')", id);
        String run = given().auth().oauth2(CAROLINE).cookies(csrf.cookies()).formParam("csrf-token", csrf.token())
                .post("/saved/" + id + "/run").then().statusCode(200).extract().asString();
        assertThat(run).contains("1 indicators are new since the last run.").contains("class=\"is-new\"")
                .contains("Seen by 2 organisations");

        // another organisation: not found, by its address too
        given().auth().oauth2(BOB).get("/saved/" + id + "/edit").then().statusCode(404);
        given().auth().oauth2(BOB).cookies(csrf.cookies()).formParam("csrf-token", csrf.token())
                .post("/saved/" + id + "/run").then().statusCode(404);

        String edit = given().auth().oauth2(CAROL).get("/saved/" + id + "/edit").then().statusCode(200).extract()
                .asString();
        assertThat(edit).contains("value=\"&lt;b&gt;watch&lt;/b&gt; list\"");
        String invalid = given().auth().oauth2(CAROL).cookies(csrf.cookies()).formParam("csrf-token", csrf.token())
                .formParam("name", "").formParam("values", "").post("/saved/" + id).then().statusCode(400).extract()
                .asString();
        assertThat(invalid).contains("A name is required");

        given().auth().oauth2(CAROL).cookies(csrf.cookies()).formParam("csrf-token", csrf.token()).redirects()
                .follow(false).post("/saved/" + id + "/delete").then().statusCode(303);
        assertThat(Db.rows("select id from saved_search where id = ?::uuid", id)).isEmpty();
    }

    @Test
    void savedPageInJapanese() {
        given().auth().oauth2(CAROL).contentType(ContentType.JSON)
                .body(Map.of("name", "ja", "query", Map.of("values", List.of("192.0.2.1"))))
                .post("/api/v1/saved-searches").then().statusCode(201);
        String html = given().auth().oauth2(CAROL).header("Accept-Language", "ja").get("/saved").then()
                .statusCode(200).extract().asString();
        assertThat(html).contains("保存した検索").contains("自分のみ").contains("未実行");
    }

    @Test
    void auditPageForAdminsOnly() {
        SearchMembers.ensure();
        given().auth().oauth2(Tokens.token("olga", "org-c", List.of("member"))).contentType(ContentType.JSON)
                .body("{\"values\":[\"192.0.2.77\"]}").post("/api/v1/search").then().statusCode(200);
        String html = given().auth().oauth2(Tokens.admin()).get("/admin/search-audit?user=olga").then().statusCode(200)
                .extract().asString();
        assertThat(html).contains("Search audit").contains("olga").contains("1 values (stored as SHA-256 only)")
                .contains("MISP org-a: OK").doesNotContain("192.0.2.77</code>");
        String ja = given().auth().oauth2(Tokens.admin()).header("Accept-Language", "ja")
                .get("/admin/search-audit?user=olga").then().statusCode(200).extract().asString();
        assertThat(ja).contains("検索の監査ログ");
        given().auth().oauth2(Tokens.admin()).get("/admin/search-audit?from=nonsense").then().statusCode(400);
        given().auth().oauth2(Tokens.alice()).get("/admin/search-audit").then().statusCode(403);
    }
}
