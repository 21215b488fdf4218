package org.alliancesearch.portal.watch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancesearch.portal.testsupport.Db;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The watch and inbox API: only saved searches the caller may see can be watched (404 otherwise, as for the search),
 * bad input is a problem+json 400, the webhook URL passes the member URL rules, its secret is shown once and kept
 * encrypted, and each user sees only their own watches and inbox.
 */
@QuarkusTest
class WatchApiTest {
    private static final String OLGA = Tokens.token("olga", "org-a", List.of("member"));
    private static final String OTTO = Tokens.token("otto", "org-a", List.of("member"));
    private static final String BORIS = Tokens.token("boris", "org-b", List.of("member"));

    private static String savedSearch(String token, String visibility, String value) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", "api " + value, "visibility", visibility, "query",
                        Map.of("values", List.of(value))))
                .post("/api/v1/saved-searches").then().statusCode(201).extract().path("id");
    }

    private static io.restassured.response.ValidatableResponse watch(String token, String saved, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/saved-searches/" + saved + "/watch").then();
    }

    @Test
    void onlySearchesTheCallerMaySeeCanBeWatchedAndBadInputIsRefused() {
        String priv = savedSearch(OLGA, "PRIVATE", "192.0.2.241");
        String org = savedSearch(OLGA, "ORGANISATION", "192.0.2.242");

        // another organisation's private or organisation search: not found, like the search itself
        watch(BORIS, priv, Map.of()).statusCode(404).contentType("application/problem+json");
        watch(BORIS, org, Map.of()).statusCode(404);
        watch(OLGA, "not-a-uuid", Map.of()).statusCode(404).contentType("application/problem+json");
        watch(OLGA, UUID.randomUUID().toString(), Map.of()).statusCode(404);

        // bad input: 400 problem+json naming the field
        watch(OLGA, priv, Map.of("interval", "MONTHLY")).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("interval")).body("errors[0].code", equalTo("interval.unknown"));
        watch(OLGA, priv, Map.of("webhookUrl", "http://169.254.169.254/latest/meta-data")).statusCode(400)
                .body("errors[0].field", equalTo("webhookUrl")).body("errors[0].code", equalTo("url.metadata"));
        watch(OLGA, priv, Map.of("webhookUrl", "ftp://hooks.example.org/x")).statusCode(400)
                .body("errors[0].code", equalTo("url.scheme"));
        watch(OLGA, priv, Map.of("webhookUrl", "https://user:pw@hooks.example.org/x")).statusCode(400)
                .body("errors[0].code", equalTo("url.userinfo"));
        watch(OLGA, priv, Map.of("timeZone", "Mars/Olympus")).statusCode(400)
                .body("errors[0].field", equalTo("timeZone"));
        watch(OLGA, priv, Map.of("inbox", false)).statusCode(400).body("errors[0].code", equalTo("channel.none"));
        given().auth().oauth2(OLGA).contentType(ContentType.JSON).body("{\"interval\":")
                .post("/api/v1/saved-searches/" + priv + "/watch").then().statusCode(400);
        assertThat(given().auth().oauth2(OLGA).get("/api/v1/watches").then().statusCode(200).extract().jsonPath()
                .getList("savedSearchId", String.class)).doesNotContain(priv);

        // a colleague may watch the organisation's search; one watch per user and search
        watch(OTTO, org, Map.of("interval", "weekly")).statusCode(201).body("watch.interval", equalTo("WEEKLY"))
                .body("webhookSecret", nullValue());
        watch(OTTO, org, Map.of()).statusCode(409).contentType("application/problem+json");
    }

    @Test
    void theWebhookSecretIsShownOnceAndKeptEncrypted() throws Exception {
        String saved = savedSearch(OLGA, "PRIVATE", "192.0.2.243");
        JsonPath created = watch(OLGA, saved,
                Map.of("interval", "HOURLY", "webhookUrl", "http://127.0.0.1:8089/hooks/alliance", "timeZone",
                        "Asia/Tokyo"))
                .statusCode(201).header("Location", org.hamcrest.Matchers.containsString("/api/v1/watches/"))
                .extract().jsonPath();
        String id = created.getString("watch.id");
        String secret = created.getString("webhookSecret");
        assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
        assertThat(created.getString("watch.timeZone")).isEqualTo("Asia/Tokyo");
        assertThat(created.getString("watch.nextRunAt")).endsWith("Z");

        String one = given().auth().oauth2(OLGA).get("/api/v1/watches/" + id).then().statusCode(200).extract()
                .asString();
        String list = given().auth().oauth2(OLGA).get("/api/v1/watches").then().statusCode(200).extract().asString();
        assertThat(one).contains("http://127.0.0.1:8089/hooks/alliance").doesNotContain(secret)
                .doesNotContain("Secret");
        assertThat(list).doesNotContain(secret);
        Map<String, String> row = Db.rows("select * from watch where id = ?", UUID.fromString(id)).get(0);
        assertThat(row.get("webhook_secret_ciphertext")).isNotBlank().doesNotContain(secret);
        assertThat(row.get("webhook_secret_key_id")).isEqualTo("demo");
        assertThat(row.toString()).doesNotContain(secret);

        // changing the URL keeps the secret (not shown again); removing and adding a webhook makes a new one
        given().auth().oauth2(OLGA).contentType(ContentType.JSON)
                .body(Map.of("webhookUrl", "http://127.0.0.1:8089/hooks/other", "interval", "daily")).patch(
                        "/api/v1/watches/" + id)
                .then().statusCode(200).body("webhookSecret", nullValue()).body("watch.interval", equalTo("DAILY"))
                .body("watch.webhookUrl", equalTo("http://127.0.0.1:8089/hooks/other"));
        given().auth().oauth2(OLGA).contentType(ContentType.JSON).body(Map.of("webhookUrl", "")).patch(
                "/api/v1/watches/" + id).then().statusCode(200).body("watch.webhookUrl", nullValue());
        String again = given().auth().oauth2(OLGA).contentType(ContentType.JSON)
                .body(Map.of("webhookUrl", "http://127.0.0.1:8089/hooks/again")).patch("/api/v1/watches/" + id)
                .then().statusCode(200).extract().path("webhookSecret");
        assertThat(again).isNotBlank().isNotEqualTo(secret);
        given().auth().oauth2(OLGA).contentType(ContentType.JSON).body(Map.of("webhookUrl", "http://[fe80::1]/x"))
                .patch("/api/v1/watches/" + id).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].code", equalTo("url.link-local"));

        // other users: not found, whatever they try
        given().auth().oauth2(BORIS).get("/api/v1/watches/" + id).then().statusCode(404);
        given().auth().oauth2(OTTO).contentType(ContentType.JSON).body(Map.of("interval", "HOURLY"))
                .patch("/api/v1/watches/" + id).then().statusCode(404);
        given().auth().oauth2(OTTO).post("/api/v1/watches/" + id + "/pause").then().statusCode(404);
        given().auth().oauth2(OTTO).delete("/api/v1/watches/" + id).then().statusCode(404);

        // pause, resume, delete by the owner
        given().auth().oauth2(OLGA).post("/api/v1/watches/" + id + "/pause").then().statusCode(200)
                .body("paused", equalTo(true)).body("pausedReason", equalTo("OWNER"));
        given().auth().oauth2(OLGA).post("/api/v1/watches/" + id + "/resume").then().statusCode(200)
                .body("paused", equalTo(false));
        given().auth().oauth2(OLGA).delete("/api/v1/watches/" + id).then().statusCode(204);
        given().auth().oauth2(OLGA).get("/api/v1/watches/" + id).then().statusCode(404);
    }

    @Test
    void aWatchOfASearchNoLongerVisibleIsNotFound() {
        String shared = savedSearch(OLGA, "ORGANISATION", "192.0.2.244");
        String id = watch(OTTO, shared, Map.of()).statusCode(201).extract().path("watch.id");
        // the owner makes it private: the colleague's watch is no longer theirs to see
        given().auth().oauth2(OLGA).contentType(ContentType.JSON)
                .body(Map.of("name", "now private", "visibility", "PRIVATE", "query",
                        Map.of("values", List.of("192.0.2.244"))))
                .put("/api/v1/saved-searches/" + shared).then().statusCode(200);
        given().auth().oauth2(OTTO).get("/api/v1/watches/" + id).then().statusCode(404);
        assertThat(given().auth().oauth2(OTTO).get("/api/v1/watches").then().statusCode(200).extract().jsonPath()
                .getList("id", String.class)).doesNotContain(id);
    }

    @Test
    void theInboxIsEachUsersOwn() throws Exception {
        String saved = savedSearch(OLGA, "PRIVATE", "192.0.2.245");
        String watchId = watch(OLGA, saved, Map.of()).statusCode(201).extract().path("watch.id");
        UUID entry = UUID.randomUUID();
        Db.update("insert into watch_alert (id, watch_id, owner_sub, kind, run_due_at, created_at, content_json)"
                + " values (?, ?, 'id-olga', 'ALERT', now(), now(), ?)", entry, UUID.fromString(watchId),
                "{\"firstRun\":false,\"newIndicators\":[\"ip:192.0.2.245\"],\"newOrganisations\":[],"
                        + "\"failedMembers\":[],\"pausedReason\":null}");
        JsonPath inbox = given().auth().oauth2(OLGA).get("/api/v1/inbox").then().statusCode(200).extract()
                .jsonPath();
        assertThat(inbox.getLong("unread")).isGreaterThanOrEqualTo(1);
        assertThat(inbox.getList("entries.id", String.class)).contains(entry.toString());
        assertThat(given().auth().oauth2(BORIS).get("/api/v1/inbox").then().statusCode(200).extract().jsonPath()
                .getList("entries.id", String.class)).doesNotContain(entry.toString());
        given().auth().oauth2(BORIS).post("/api/v1/inbox/" + entry + "/read").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(OLGA).post("/api/v1/inbox/not-an-id/read").then().statusCode(404);
        given().auth().oauth2(OLGA).post("/api/v1/inbox/" + entry + "/read").then().statusCode(204);
        assertThat(Db.rows("select read_at from watch_alert where id = ?", entry).get(0).get("read_at")).isNotNull();
        given().auth().oauth2(OLGA).post("/api/v1/inbox/read").then().statusCode(200);
        assertThat(given().auth().oauth2(OLGA).get("/api/v1/inbox").then().statusCode(200).extract().jsonPath()
                .getLong("unread")).isZero();
    }

    private static Map<String, String> watchRow(String id) throws Exception {
        return Db.rows("select * from watch where id = ?", UUID.fromString(id)).get(0);
    }

    @Test
    void runNowIsTheOwnersAndRefusedWhenPausedOrTooSoon() throws Exception {
        String saved = savedSearch(OLGA, "ORGANISATION", "192.0.2.246");
        String id = watch(OLGA, saved, Map.of("interval", "DAILY")).statusCode(201).extract().path("watch.id");
        // as if its first run had been done a moment ago: the next run is a day away
        Db.update("update watch set last_run_at = now() - interval '10 seconds', next_run_at = now() + interval"
                + " '1 day' where id = ?", UUID.fromString(id));
        String nextBefore = watchRow(id).get("next_run_at");

        // someone else's watch, even a colleague's of a search they may see: not found, like any foreign watch
        given().auth().oauth2(BORIS).post("/api/v1/watches/" + id + "/run").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(OTTO).post("/api/v1/watches/" + id + "/run").then().statusCode(404);
        given().auth().oauth2(OLGA).post("/api/v1/watches/not-an-id/run").then().statusCode(404);

        // the last run is more recent than the run-now gap (60 s): 429 with the seconds left, nothing changes
        io.restassured.response.Response soon = given().auth().oauth2(OLGA).post("/api/v1/watches/" + id + "/run");
        soon.then().statusCode(429).contentType("application/problem+json")
                .body("title", equalTo("Run too soon"));
        long retry = Long.parseLong(soon.header("Retry-After"));
        assertThat(retry).isBetween(45L, 51L);
        assertThat(soon.jsonPath().getString("detail")).isEqualTo("The watch ran only a moment ago: run it again in "
                + retry + " s.");
        assertThat(watchRow(id).get("next_run_at")).isEqualTo(nextBefore);
        assertThat(given().auth().oauth2(OLGA).header("Accept-Language", "ja").post("/api/v1/watches/" + id + "/run")
                .then().statusCode(429).extract().jsonPath().getString("detail")).contains("秒後にもう一度実行");

        // paused: refused until resumed (409), nothing changes
        Db.update("update watch set last_run_at = now() - interval '2 minutes' where id = ?", UUID.fromString(id));
        given().auth().oauth2(OLGA).post("/api/v1/watches/" + id + "/pause").then().statusCode(200);
        given().auth().oauth2(OLGA).post("/api/v1/watches/" + id + "/run").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("The watch is paused: resume it before running it now."));
        assertThat(watchRow(id).get("next_run_at")).isEqualTo(nextBefore);

        // resumed, and already due: accepted as it is (the sweep takes it), the due time unchanged
        given().auth().oauth2(OLGA).post("/api/v1/watches/" + id + "/resume").then().statusCode(200);
        Db.update("update watch set next_run_at = now() - interval '5 minutes' where id = ?", UUID.fromString(id));
        String due = watchRow(id).get("next_run_at");
        given().auth().oauth2(OLGA).post("/api/v1/watches/" + id + "/run").then().statusCode(202)
                .body("id", equalTo(id)).body("paused", equalTo(false));
        assertThat(watchRow(id).get("next_run_at")).isEqualTo(due);
    }
}
