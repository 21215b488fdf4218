package org.alliancesearch.portal.history;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.alliancesearch.portal.history.service.HistoryService;
import org.alliancesearch.portal.search.support.MispMembers;
import org.alliancesearch.portal.search.support.OnVertx;
import org.alliancesearch.portal.search.support.SearchMembers;
import org.alliancesearch.portal.testsupport.Db;
import org.alliancesearch.portal.testsupport.MispKeys;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;

/**
 * {@code /api/v1/me/history}: what a search adds, what it does not (MISP-compatible pulls), who sees it (its owner
 * only), deleting, the per-person cap and the retention purge. Each test has users of its own.
 */
@QuarkusTest
class HistoryApiTest {
    @Inject
    HistoryService history;

    @Inject
    Vertx vertx;

    @BeforeEach
    void members() {
        SearchMembers.ensure();
    }

    static String token(String user, String org) {
        return Tokens.token(user, org, List.of("member"));
    }

    static JsonPath search(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/search").then()
                .statusCode(200).extract().jsonPath();
    }

    static JsonPath list(String token, String query) {
        return given().auth().oauth2(token).get("/api/v1/me/history" + query).then().statusCode(200).extract()
                .jsonPath();
    }

    @Test
    void aSearchAddsItsValuesAsGivenFiltersAndCounts() throws Exception {
        String hina = token("hina", "org-a");
        JsonPath answer = search(hina, "{\"values\":[\"198.51.100[.]7\",\"" + MispMembers.NOBODY
                + "\"],\"types\":[\"ip-dst\",\"ip-src\"]}");

        JsonPath mine = list(hina, "");
        assertThat(mine.getList("entries")).hasSize(1);
        assertThat(mine.getString("next")).isNull();
        String id = mine.getString("entries[0].id");
        assertThat(mine.getString("entries[0].source")).isEqualTo("api");
        // as given (defanged), and the filter
        assertThat(mine.getList("entries[0].query.values")).containsExactly("198.51.100[.]7", MispMembers.NOBODY);
        assertThat(mine.getList("entries[0].query.types")).containsExactly("ip-dst", "ip-src");
        assertThat(mine.getList("entries[0].searched.value")).containsExactly(MispMembers.OVERLAP,
                MispMembers.NOBODY);
        assertThat(mine.getList("entries[0].searched.found")).containsExactly(true, false);
        assertThat(mine.getInt("entries[0].counts.values")).isEqualTo(2);
        assertThat(mine.getInt("entries[0].counts.valuesFound")).isEqualTo(1);
        assertThat(mine.getInt("entries[0].counts.indicators")).isEqualTo(answer.getInt("totals.indicators"))
                .isPositive();
        List<String> statuses = answer.getList("members.status");
        assertThat(mine.getInt("entries[0].counts.membersAnswered"))
                .isEqualTo((int) statuses.stream().filter("OK"::equals).count());
        assertThat(mine.getInt("entries[0].counts.membersFailed"))
                .isEqualTo((int) statuses.stream().filter(s -> !"OK".equals(s) && !"DISABLED".equals(s)).count());
        String at = mine.getString("entries[0].searchedAt");
        assertThat(at).endsWith("Z");
        assertThat(Instant.parse(at)).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));

        JsonPath one = given().auth().oauth2(hina).get("/api/v1/me/history/" + id).then().statusCode(200).extract()
                .jsonPath();
        assertThat(one.getList("query.values")).containsExactly("198.51.100[.]7", MispMembers.NOBODY);

        // at rest: no column holds a value or filter in plaintext
        Map<String, String> raw = Db.rows("select * from search_history where id = ?::uuid", id).get(0);
        assertThat(raw.get("owner_sub")).isEqualTo("id-hina");
        assertThat(raw.toString()).doesNotContain("198.51.100").doesNotContain(MispMembers.NOBODY)
                .doesNotContain("ip-dst");
        assertThat(raw.get("query_sealed")).isBase64();
    }

    @Test
    void mispCompatiblePullsAreNotAdded() throws Exception {
        MispKeys.as("hiro", "org-b").contentType(ContentType.JSON)
                .body("{\"returnFormat\":\"json\",\"value\":\"" + MispMembers.OVERLAP + "\"}")
                .post("/attributes/restSearch").then().statusCode(200);
        String hiro = token("hiro", "org-b");
        assertThat(list(hiro, "").getList("entries")).isEmpty();
        assertThat(Db.rows("select id from search_history where owner_sub = 'id-hiro'")).isEmpty();

        // the same person's API search is
        search(hiro, "{\"values\":[\"" + MispMembers.OVERLAP + "\"]}");
        assertThat(list(hiro, "").getList("entries.source")).containsExactly("api");
    }

    @Test
    void savedSearchRunsAreAddedAsSaved() {
        String ines = token("ines", "org-c");
        String id = given().auth().oauth2(ines).contentType(ContentType.JSON)
                .body(Map.of("name", "watch", "query", Map.of("values", List.of(MispMembers.OVERLAP))))
                .post("/api/v1/saved-searches").then().statusCode(201).extract().path("id");
        given().auth().oauth2(ines).post("/api/v1/saved-searches/" + id + "/run").then().statusCode(200);
        JsonPath mine = list(ines, "");
        assertThat(mine.getList("entries.source")).containsExactly("saved");
        assertThat(mine.getList("entries[0].query.values")).containsExactly(MispMembers.OVERLAP);
        assertThat(mine.getInt("entries[0].counts.valuesFound")).isEqualTo(1);
    }

    @Test
    void nobodyElseSeesReadsOrDeletesMyEntries() throws Exception {
        String hana = token("hana", "org-a");
        search(hana, "{\"values\":[\"" + MispMembers.ONLY_B + "\"]}");
        String id = list(hana, "").getString("entries[0].id");

        String colleague = token("hanako", "org-a");
        String otherOrg = token("hugo", "org-b");
        String admin = Tokens.admin();
        for (String other : List.of(colleague, otherOrg, admin)) {
            String body = given().auth().oauth2(other).get("/api/v1/me/history").then().statusCode(200).extract()
                    .asString();
            assertThat(body).doesNotContain(id).doesNotContain(MispMembers.ONLY_B);
            assertThat(given().auth().oauth2(other).get("/api/v1/me/history/" + id).then().statusCode(404)
                    .extract().asString()).doesNotContain(MispMembers.ONLY_B);
            given().auth().oauth2(other).delete("/api/v1/me/history/" + id).then().statusCode(404);
            given().auth().oauth2(other).delete("/api/v1/me/history").then().statusCode(200);
            assertThat(given().auth().oauth2(other).get("/history").then().statusCode(200).extract().asString())
                    .doesNotContain(id).doesNotContain(MispMembers.ONLY_B);
        }
        // the same user name with another subject (a new account given a freed name) is someone else
        String newHana = Tokens.token("hana", "id-hana-2", "org-a", List.of("member"));
        given().auth().oauth2(newHana).get("/api/v1/me/history/" + id).then().statusCode(404);

        assertThat(Db.rows("select id from search_history where id = ?::uuid", id)).hasSize(1);
        assertThat(list(hana, "").getList("entries.id")).containsExactly(id);
        given().auth().oauth2(hana).get("/api/v1/me/history/not-an-id").then().statusCode(404);
    }

    @Test
    void aSealedQueryCopiedToAnotherPersonsRowDoesNotOpen() throws Exception {
        String holly = token("holly", "org-a");
        search(holly, "{\"values\":[\"" + MispMembers.OVERLAP + "\"]}");
        Db.update("insert into search_history select md5(random()::text)::uuid, 'id-hank', searched_at, source,"
                + " key_id, query_sealed, value_count, found_count, indicator_count, members_answered,"
                + " members_failed from search_history where owner_sub = 'id-holly'");
        assertThat(Db.rows("select id from search_history where owner_sub = 'id-hank'")).hasSize(1);
        // bound to its row and owner: the copy is left out, not shown
        assertThat(list(token("hank", "org-b"), "").getList("entries")).isEmpty();
    }

    @Test
    void deleteOneDeleteAllAndErasureByAnAdministrator() throws Exception {
        String hilda = token("hilda", "org-c");
        for (String v : List.of("192.0.2.11", "192.0.2.12", "192.0.2.13")) {
            search(hilda, "{\"values\":[\"" + v + "\"]}");
        }
        JsonPath all = list(hilda, "");
        assertThat(all.getList("entries.query.values.flatten()")).containsExactly("192.0.2.13", "192.0.2.12",
                "192.0.2.11");
        // paged: newest first, next reads the older ones
        JsonPath first = list(hilda, "?limit=2");
        assertThat(first.getList("entries")).hasSize(2);
        JsonPath second = list(hilda, "?limit=2&before=" + first.getString("next"));
        assertThat(second.getList("entries.query.values.flatten()")).containsExactly("192.0.2.11");
        given().auth().oauth2(hilda).get("/api/v1/me/history?limit=0").then().statusCode(400);
        given().auth().oauth2(hilda).get("/api/v1/me/history?limit=x").then().statusCode(400);
        given().auth().oauth2(hilda).get("/api/v1/me/history?before=yesterday").then().statusCode(400);

        String id = all.getString("entries[1].id");
        given().auth().oauth2(hilda).delete("/api/v1/me/history/" + id).then().statusCode(204);
        given().auth().oauth2(hilda).delete("/api/v1/me/history/" + id).then().statusCode(404);
        assertThat(list(hilda, "").getList("entries.query.values.flatten()")).containsExactly("192.0.2.13",
                "192.0.2.11");
        assertThat(given().auth().oauth2(hilda).delete("/api/v1/me/history").then().statusCode(200).extract()
                .jsonPath().getInt("deleted")).isEqualTo(2);
        assertThat(list(hilda, "").getList("entries")).isEmpty();

        // erasure of an account's data: administrators delete (never read) a person's history
        String henk = token("henk", "org-b");
        search(henk, "{\"values\":[\"192.0.2.14\"]}");
        given().auth().oauth2(hilda).delete("/api/v1/admin/users/id-henk/history").then().statusCode(403);
        assertThat(given().auth().oauth2(Tokens.admin()).delete("/api/v1/admin/users/id-henk/history").then()
                .statusCode(200).extract().jsonPath().getInt("deleted")).isEqualTo(1);
        assertThat(list(henk, "").getList("entries")).isEmpty();
        assertThat(Db.rows("select action from audit_entry where action = 'history.erase' and target_id = 'id-henk'"))
                .hasSize(1);
        // a subject PostgreSQL cannot hold (NUL) or too long for one is a clear 400, never a 500
        for (String bad : List.of("%00", "x".repeat(300))) {
            given().auth().oauth2(Tokens.admin()).urlEncodingEnabled(false)
                    .delete("/api/v1/admin/users/" + bad + "/history").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].code", org.hamcrest.Matchers.equalTo(
                            "subject.invalid"));
        }
    }

    /** {@code n} older copies of {@code from}'s newest entry for {@code to}, as if searched in the past minutes. */
    private static void olderCopies(String from, String to, int n) throws Exception {
        Db.update("insert into search_history select md5(random()::text || g)::uuid, ?, searched_at - (g || ' minutes')"
                + "::interval, source, key_id, query_sealed, value_count, found_count, indicator_count,"
                + " members_answered, members_failed from (select * from search_history where owner_sub = ?"
                + " order by searched_at desc limit 1) newest, generate_series(1, ?) g", to, from, n);
    }

    private static String entriesOf(String owner) throws Exception {
        return Db.rows("select count(*) as n from search_history where owner_sub = ?", owner).get(0).get("n");
    }

    private static String oldestOf(String owner) throws Exception {
        return Db.rows("select min(searched_at) as t from search_history where owner_sub = ?", owner).get(0).get("t");
    }

    @Test
    void atMostTheCapPerPersonTheOldestDropped() throws Exception {
        search(token("hugh", "org-a"), "{\"values\":[\"192.0.2.21\"]}");
        // hilde has 510 entries from the past minutes; her first search on this replica trims them
        olderCopies("id-hugh", "id-hilde", 510);
        String oldest = oldestOf("id-hilde");
        String hilde = token("hilde", "org-a");
        search(hilde, "{\"values\":[\"192.0.2.22\"]}");
        assertThat(entriesOf("id-hilde")).isEqualTo("500");
        assertThat(Db.rows("select id from search_history where owner_sub = 'id-hilde'"
                + " and searched_at = ?::timestamptz", oldest)).isEmpty();
        assertThat(list(hilde, "?limit=1").getList("entries.query.values.flatten()")).containsExactly("192.0.2.22");
    }

    @Test
    void aBurstOfSearchesTrimsOnceAndTheListNeverShowsMoreThanTheCap() throws Exception {
        // the test profile's trim interval is an hour: only a person's first search here trims
        String hedy = token("hedy", "org-a");
        search(hedy, "{\"values\":[\"192.0.2.26\"]}");
        olderCopies("id-hedy", "id-hedy", 510);
        String oldest = oldestOf("id-hedy");
        search(hedy, "{\"values\":[\"192.0.2.27\"]}");
        search(hedy, "{\"values\":[\"192.0.2.28\"]}");
        assertThat(entriesOf("id-hedy")).isEqualTo("513");
        // the list drops what the burst left beyond the cap before it reads
        assertThat(list(hedy, "?limit=1").getList("entries.query.values.flatten()")).containsExactly("192.0.2.28");
        assertThat(entriesOf("id-hedy")).isEqualTo("500");
        assertThat(Db.rows("select id from search_history where owner_sub = 'id-hedy'"
                + " and searched_at = ?::timestamptz", oldest)).isEmpty();
    }

    @Test
    void aSearchDoesNotWaitForAnotherSearchTrimmingTheSameHistory() throws Exception {
        search(token("harald", "org-a"), "{\"values\":[\"192.0.2.23\"]}");
        olderCopies("id-harald", "id-hanna", 505);
        String hanna = token("hanna", "org-a");
        // another search of hanna's is dropping her oldest rows right now (its transaction holds them)
        try (java.sql.Connection other = Db.connect()) {
            other.setAutoCommit(false);
            try (var lock = other.prepareStatement("select id from search_history where owner_sub = 'id-hanna'"
                    + " order by searched_at desc, id desc offset 500 for update")) {
                lock.executeQuery().close();
            }
            // the search is answered (its history row written, its trim done) without waiting for the other one
            var answered = java.util.concurrent.CompletableFuture.supplyAsync(() -> given().auth().oauth2(hanna)
                    .contentType(ContentType.JSON).body("{\"values\":[\"192.0.2.24\"]}").post("/api/v1/search")
                    .statusCode());
            try {
                assertThat(answered.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(200);
            } finally {
                other.rollback();
            }
            answered.join();
        }
        // nothing trimmed: the other search holds every row its scan passed, and this one skipped them all
        assertThat(entriesOf("id-hanna")).isEqualTo("506");
        // the rows the other search held are dropped by the next trim, here the list's
        assertThat(list(hanna, "?limit=1").getList("entries.query.values.flatten()")).containsExactly("192.0.2.24");
        assertThat(entriesOf("id-hanna")).isEqualTo("500");
    }

    @Test
    void theRetentionPurgeRemovesOldEntriesOnly() throws Exception {
        String hector = token("hector", "org-a");
        search(hector, "{\"values\":[\"192.0.2.31\"]}");
        search(hector, "{\"values\":[\"192.0.2.32\"]}");
        search(hector, "{\"values\":[\"192.0.2.33\"]}");
        List<String> ids = list(hector, "").getList("entries.id");
        Db.update("update search_history set searched_at = now() - interval '91 days' where id = ?::uuid",
                ids.get(0));
        Db.update("update search_history set searched_at = now() - interval '89 days' where id = ?::uuid",
                ids.get(1));

        long purged = OnVertx.await(vertx, () -> history.purge(Instant.now()));
        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(Db.rows("select id from search_history where id = ?::uuid", ids.get(0))).isEmpty();
        assertThat(list(hector, "").getList("entries.id")).containsExactlyInAnyOrder(ids.get(1), ids.get(2));
        // idempotent: run again (or on another replica), nothing more goes
        assertThat(OnVertx.await(vertx, () -> history.purge(Instant.now()))).isZero();
        assertThat(list(hector, "").getList("entries")).hasSize(2);
    }
}
