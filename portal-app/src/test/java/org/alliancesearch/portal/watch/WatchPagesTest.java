package org.alliancesearch.portal.watch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancesearch.portal.common.PagesTest;
import org.alliancesearch.portal.testsupport.Db;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The watch panel on a saved search's page, the inbox page and the bell, in English and Japanese, with times in the
 * reader's zone; the webhook secret appears on the page once.
 */
@QuarkusTest
class WatchPagesTest {
    private static final String PIA = Tokens.token("pia", "org-a", List.of("member"));

    private static String savedSearch(String value) {
        return given().auth().oauth2(PIA).contentType(ContentType.JSON)
                .body(Map.of("name", "page " + value, "visibility", "PRIVATE", "query",
                        Map.of("values", List.of(value))))
                .post("/api/v1/saved-searches").then().statusCode(201).extract().path("id");
    }

    @Test
    void watchASavedSearchThroughItsPage() throws Exception {
        String saved = savedSearch("192.0.2.251");
        String page = given().auth().oauth2(PIA).get("/saved/" + saved).then().statusCode(200).extract().asString();
        assertThat(page).contains("id=\"watch-panel\"").contains("Watch this search").contains("action=\"/watches\"")
                .contains("<option value=\"DAILY\" selected>Daily</option>");
        String ja = given().auth().oauth2(PIA).header("Accept-Language", "ja").get("/saved/" + saved).then()
                .statusCode(200).extract().asString();
        assertThat(ja).contains("この検索をウォッチ").contains("毎週");

        PagesTest.Csrf csrf = PagesTest.csrf("/saved/new");
        String shown = given().auth().oauth2(PIA).cookies(csrf.cookies()).formParam("csrf-token", csrf.token())
                .formParam("savedSearchId", saved).formParam("interval", "HOURLY").formParam("email", "on")
                .formParam("webhookUrl", "http://127.0.0.1:8089/hook").post("/watches").then().statusCode(200)
                .extract().asString();
        String secret = shown.replaceAll("(?s).*<pre class=\"secret\" id=\"webhook-secret\">([^<]+)</pre>.*", "$1");
        assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
        Map<String, String> row = Db.rows("select * from watch where saved_search_id = ?", UUID.fromString(saved))
                .get(0);
        assertThat(row.get("run_interval")).isEqualTo("HOURLY");
        assertThat(row.get("email")).isEqualTo("t");

        // the page now shows the watch, in the reader's zone, and never the secret
        String watched = given().auth().oauth2(PIA).header("Accept-Language", "ja").get("/saved/" + saved).then()
                .statusCode(200).extract().asString();
        assertThat(watched).contains("id=\"watch-next-run\"").contains("JST (+09:00)")
                .contains("action=\"/watches/" + row.get("id") + "\"").contains("http://127.0.0.1:8089/hook")
                .doesNotContain(secret);

        // a refused webhook URL through the form: not saved
        given().auth().oauth2(PIA).cookies(csrf.cookies()).formParam("csrf-token", csrf.token())
                .formParam("interval", "DAILY").formParam("webhookUrl", "http://169.254.169.254/")
                .post("/watches/" + row.get("id")).then().statusCode(400);
        // pause and delete through the page
        given().auth().oauth2(PIA).cookies(csrf.cookies()).formParam("csrf-token", csrf.token()).redirects()
                .follow(false).post("/watches/" + row.get("id") + "/pause").then().statusCode(303);
        assertThat(Db.rows("select paused from watch where id = ?", UUID.fromString(row.get("id"))).get(0)
                .get("paused")).isEqualTo("t");
        given().auth().oauth2(PIA).cookies(csrf.cookies()).formParam("csrf-token", csrf.token()).redirects()
                .follow(false).post("/watches/" + row.get("id") + "/delete").then().statusCode(303);
        assertThat(Db.rows("select id from watch where id = ?", UUID.fromString(row.get("id")))).isEmpty();
    }

    @Test
    void theInboxPageAndTheBell() throws Exception {
        String saved = savedSearch("192.0.2.252");
        String watchId = given().auth().oauth2(PIA).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/saved-searches/" + saved + "/watch").then().statusCode(201).extract()
                .path("watch.id");
        UUID entry = UUID.randomUUID();
        Db.update("insert into watch_alert (id, watch_id, owner_sub, kind, run_due_at, created_at, content_json)"
                + " values (?, ?, 'id-pia', 'ALERT', now(), timestamptz '2026-12-01 03:00:00+00', ?)", entry,
                UUID.fromString(watchId),
                "{\"firstRun\":false,\"newIndicators\":[\"ip:192.0.2.252\"],\"newOrganisations\":"
                        + "[{\"indicatorKey\":\"ip:198.51.100.7\",\"organisation\":\"org-b\"}],"
                        + "\"failedMembers\":[{\"member\":\"MISP org-c\",\"status\":\"TIMEOUT\",\"reason\":null}],"
                        + "\"pausedReason\":null,\"newIndicatorHolders\":[{\"indicatorKey\":\"ip:192.0.2.252\","
                        + "\"organisation\":\"org-c\"}]}");
        String en = given().auth().oauth2(PIA).cookie("alliance-tz", "UTC").get("/inbox").then().statusCode(200)
                .extract().asString();
        assertThat(en).contains("<h1>Inbox</h1>").contains("data-id=\"" + entry + "\"")
                .contains("<code><bdi>ip:192.0.2.252</bdi></code> · <span class=\"badge org\">org-c</span>")
                .contains("org-b").contains("MISP org-c (TIMEOUT)")
                .contains("UTC</time>").contains("id=\"bell\"").contains("<span class=\"count\">1</span>");
        String ja = given().auth().oauth2(PIA).header("Accept-Language", "ja").get("/inbox").then().statusCode(200)
                .extract().asString();
        assertThat(ja).contains("受信箱").contains("新しい指標").contains("12:00 JST (+09:00)")
                .contains("未読のアラート 1 件");

        // mark read through the page: the bell shows 0
        PagesTest.Csrf csrf = PagesTest.csrf("/saved/new");
        given().auth().oauth2(PIA).cookies(csrf.cookies()).formParam("csrf-token", csrf.token()).redirects()
                .follow(false).post("/inbox/" + entry + "/read").then().statusCode(303);
        assertThat(given().auth().oauth2(PIA).get("/saved").then().statusCode(200).extract().asString())
                .contains("id=\"bell\"").doesNotContain("<span class=\"count\">");
        // someone else's entry: not found
        given().auth().oauth2(Tokens.bob()).cookies(csrf.cookies()).formParam("csrf-token", csrf.token())
                .post("/inbox/" + entry + "/read").then().statusCode(404);
    }

    @Test
    void runNowFromTheWatchPanelSaysWhatHappened() throws Exception {
        String saved = savedSearch("192.0.2.253");
        String watchId = given().auth().oauth2(PIA).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/saved-searches/" + saved + "/watch").then().statusCode(201).extract()
                .path("watch.id");
        UUID id = UUID.fromString(watchId);
        // as if it had run a moment ago; the next run is a day away
        Db.update("update watch set last_run_at = now() - interval '5 seconds', next_run_at = now() + interval"
                + " '1 day' where id = ?", id);
        String page = given().auth().oauth2(PIA).get("/saved/" + saved).then().statusCode(200).extract().asString();
        assertThat(page).contains("action=\"/watches/" + watchId + "/run\"").contains("id=\"watch-run-now\"")
                .contains(">Run now</button>").contains("id=\"watch-last-run\"");
        assertThat(given().auth().oauth2(PIA).header("Accept-Language", "ja").get("/saved/" + saved).then()
                .statusCode(200).extract().asString()).contains(">今すぐ実行</button>");

        PagesTest.Csrf csrf = PagesTest.csrf("/saved/new");
        // without the CSRF token: refused
        given().auth().oauth2(PIA).redirects().follow(false).formParam("csrf-token", "forged").post("/watches/"
                + watchId + "/run").then().statusCode(400);
        // too soon: back to the saved search, saying how long to wait
        String tooSoon = given().auth().oauth2(PIA).cookies(csrf.cookies()).formParam("csrf-token", csrf.token())
                .redirects().follow(false).post("/watches/" + watchId + "/run").then().statusCode(303).extract()
                .header("Location");
        assertThat(tooSoon).matches(".*/saved/" + saved + "\\?flash=watch\\.run-too-soon&n=[45][0-9]");
        String shown = given().auth().oauth2(PIA).get(tooSoon.replaceAll("^https?://[^/]+", "")).then()
                .statusCode(200).extract().asString();
        assertThat(shown).containsPattern("The watch ran only a moment ago: run it again in [45][0-9] s\\.");

        // paused: back, saying to resume first; nothing moved
        String next = Db.rows("select next_run_at from watch where id = ?", id).get(0).get("next_run_at");
        Db.update("update watch set paused = true, paused_reason = 'OWNER', last_run_at = now() - interval"
                + " '2 minutes' where id = ?", id);
        assertThat(given().auth().oauth2(PIA).cookies(csrf.cookies()).formParam("csrf-token", csrf.token())
                .redirects().follow(false).post("/watches/" + watchId + "/run").then().statusCode(303).extract()
                .header("Location")).endsWith("/saved/" + saved + "?flash=watch.run-paused");
        assertThat(given().auth().oauth2(PIA).header("Accept-Language", "ja").get("/saved/" + saved
                + "?flash=watch.run-paused").then().statusCode(200).extract().asString())
                .contains("先に再開してください").doesNotContain("id=\"watch-run-now\"");
        assertThat(Db.rows("select next_run_at from watch where id = ?", id).get(0).get("next_run_at"))
                .isEqualTo(next);

        // someone else's watch: not found
        given().auth().oauth2(Tokens.bob()).cookies(csrf.cookies()).formParam("csrf-token", csrf.token())
                .redirects().follow(false).post("/watches/" + watchId + "/run").then().statusCode(404);
    }
}
