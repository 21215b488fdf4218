package org.alliancesearch.portal.history;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alliancesearch.portal.common.PagesTest;
import org.alliancesearch.portal.search.support.MispMembers;
import org.alliancesearch.portal.search.support.SearchMembers;
import org.alliancesearch.portal.testsupport.Db;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The "My searches" page: both languages, the empty state, run again, save, delete one and all. */
@QuarkusTest
class HistoryPagesTest {
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"(\\w+)\" value=\"([^\"]*)\">");

    @Test
    void emptyStateInBothLanguagesAndTheNavigationLink() {
        String ivo = Tokens.token("ivo", "org-a", List.of("member"));
        String en = given().auth().oauth2(ivo).get("/history").then().statusCode(200).extract().asString();
        assertThat(en).contains("<h1>My searches</h1>").contains("id=\"history-empty\"").contains("No searches yet")
                .contains("href=\"/history\"").contains("kept 90 days (at most 500 searches)");
        String ja = given().auth().oauth2(ivo).header("Accept-Language", "ja").get("/history").then()
                .statusCode(200).extract().asString();
        assertThat(ja).contains("<h1>検索履歴</h1>").contains("まだ検索がありません").contains("90 日間");
        // the navigation links it on other pages too
        assertThat(given().auth().oauth2(ivo).get("/saved").then().statusCode(200).extract().asString())
                .contains("<a href=\"/history\">My searches</a>");
    }

    @Test
    void listRunAgainSaveAndDeleteThroughThePage() throws Exception {
        SearchMembers.ensure();
        String iris = Tokens.token("iris", "org-b", List.of("member"));
        given().auth().oauth2(iris).contentType(ContentType.JSON)
                .body("{\"values\":[\"" + MispMembers.OVERLAP + "\",\"" + MispMembers.NOBODY
                        + "\"],\"tags\":{\"exclude\":[\"internal:*\"]}}")
                .post("/api/v1/search").then().statusCode(200);

        String en = given().auth().oauth2(iris).get("/history").then().statusCode(200).extract().asString();
        assertThat(en).contains("<code><bdi>" + MispMembers.OVERLAP + "</bdi></code>")
                .contains("1 of 2 values found").contains("API").contains("with filters").contains(" UTC</time>")
                .contains("action=\"/search\"").contains("formaction=\"/saved/new\"");
        String ja = given().auth().oauth2(iris).header("Accept-Language", "ja").get("/history").then()
                .statusCode(200).extract().asString();
        assertThat(ja).contains("2 件中 1 件の値が見つかりました").contains("再実行").contains(MispMembers.OVERLAP);

        // run again: the row's form, posted as the browser would (CSRF token and every hidden field)
        Map<String, String> form = rerunForm(en);
        assertThat(form.get("values")).isEqualTo(MispMembers.OVERLAP + "\n" + MispMembers.NOBODY);
        assertThat(form.get("exclude")).isEqualTo("internal:*");
        PagesTest.Csrf csrf = PagesTest.csrf("/search");
        form.put("csrf-token", csrf.token());
        String results = given().auth().oauth2(iris).cookies(csrf.cookies()).formParams(form).post("/search").then()
                .statusCode(200).extract().asString();
        assertThat(results).contains("id=\"search-results\"").contains("data-value=\"" + MispMembers.OVERLAP + "\"");
        List<Map<String, String>> rows = Db.rows(
                "select id, source from search_history where owner_sub = 'id-iris' order by searched_at desc");
        assertThat(rows).extracting(r -> r.get("source")).containsExactly("page", "api");

        // save: the saved-search form, prefilled
        String save = given().auth().oauth2(iris).cookies(csrf.cookies()).formParams(form).post("/saved/new").then()
                .statusCode(200).extract().asString();
        assertThat(save).contains(MispMembers.OVERLAP + "\n" + MispMembers.NOBODY + "</textarea>");

        // delete one; someone else's id through the page is not found
        String newest = rows.get(0).get("id");
        given().auth().oauth2(Tokens.bob()).cookies(csrf.cookies()).formParam("csrf-token", csrf.token())
                .post("/history/" + newest + "/delete").then().statusCode(404);
        given().auth().oauth2(iris).cookies(csrf.cookies()).formParam("csrf-token", csrf.token()).redirects()
                .follow(false).post("/history/" + newest + "/delete").then().statusCode(303);
        assertThat(Db.rows("select id from search_history where owner_sub = 'id-iris'")).hasSize(1);
        // and without the CSRF token, nothing happens
        given().auth().oauth2(iris).cookies(csrf.cookies()).redirects().follow(false)
                .post("/history/" + rows.get(1).get("id") + "/delete").then().statusCode(400);

        // delete all: only once confirmed
        given().auth().oauth2(iris).cookies(csrf.cookies()).formParam("csrf-token", csrf.token()).redirects()
                .follow(false).post("/history/delete-all").then().statusCode(303);
        assertThat(Db.rows("select id from search_history where owner_sub = 'id-iris'")).hasSize(1);
        String done = given().auth().oauth2(iris).cookies(csrf.cookies()).formParam("csrf-token", csrf.token())
                .formParam("confirm", "yes").post("/history/delete-all").then().statusCode(200).extract()
                .asString();
        assertThat(done).contains("Your search history was deleted (1 searches).").contains("No searches yet");
        assertThat(Db.rows("select id from search_history where owner_sub = 'id-iris'")).isEmpty();
    }

    /** The hidden fields of the first run-again form. */
    private static Map<String, String> rerunForm(String html) {
        int start = html.indexOf("<form class=\"inline history-rerun\"");
        assertThat(start).isPositive();
        String form = html.substring(start, html.indexOf("</form>", start));
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(form);
        while (m.find()) {
            if (!m.group(1).equals("csrf-token")) {
                fields.put(m.group(1), unescape(m.group(2)));
            }
        }
        return fields;
    }

    private static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
