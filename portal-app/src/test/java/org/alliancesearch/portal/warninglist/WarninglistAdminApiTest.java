package org.alliancesearch.portal.warninglist;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.alliancesearch.portal.search.support.SearchMembers;
import org.alliancesearch.portal.testsupport.Db;
import org.alliancesearch.portal.testsupport.Tokens;
import org.alliancesearch.portal.warninglist.service.ActiveWarninglists;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Administrators list, switch, upload and revert warninglists; searches follow at once, other replicas by polling. */
@QuarkusTest
class WarninglistAdminApiTest {
    static final String RESOLVERS = "List of known IPv4 public DNS resolvers";
    static final String OWN = "Alliance test benign list";

    @Inject
    ActiveWarninglists active;

    @AfterEach
    void bundledAgain() throws Throwable {
        Db.update("delete from warninglist_setting");
        VertxContextSupport.subscribeAndAwait(() -> active.refresh());
    }

    static io.restassured.specification.RequestSpecification admin() {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON);
    }

    static String path(String name) {
        return "/api/v1/admin/warninglists/" + name;
    }

    /** The summary's warninglists of one searched value. */
    static List<String> listsOf(String value) {
        SearchMembers.ensure();
        return given().auth().oauth2(Tokens.token("wanda", "org-a", List.of("member"))).contentType(ContentType.JSON)
                .body("{\"values\":[\"" + value + "\"]}").post("/api/v1/search").then().statusCode(200).extract()
                .jsonPath().getList("summary[0].warninglists", String.class);
    }

    static String ownList(long version, String... entries) {
        StringBuilder list = new StringBuilder();
        for (String e : entries) {
            list.append(list.length() == 0 ? "" : ",").append('"').append(e).append('"');
        }
        return "{\"name\":\"" + OWN + "\",\"description\":\"Hosts the alliance knows as harmless\",\"version\":"
                + version + ",\"type\":\"hostname\",\"category\":\"known\",\"matching_attributes\":[\"domain\","
                + "\"hostname\"],\"list\":[" + list + "]}";
    }

    @Test
    void listsEveryBundledListEnabled() {
        JsonPath lists = admin().get("/api/v1/admin/warninglists").then().statusCode(200).extract().jsonPath();
        assertThat(lists.getList("name", String.class)).contains(RESOLVERS, "List of RFC 1918 CIDR blocks")
                .hasSizeGreaterThanOrEqualTo(18);
        Map<String, Object> resolvers = lists.getMap("find { it.name == '" + RESOLVERS + "' }");
        assertThat(resolvers.get("enabled")).isEqualTo(true);
        assertThat(resolvers.get("source")).isEqualTo("bundled");
        assertThat((Integer) resolvers.get("entries")).isPositive();
        assertThat(resolvers.get("type")).isEqualTo("cidr");
    }

    @Test
    void aDisabledListNoLongerMarksSearchedValuesUntilEnabledAgain() throws Exception {
        assertThat(listsOf("8.8.8.8")).contains(RESOLVERS);
        admin().body("{\"enabled\":false}").put(path(RESOLVERS) + "/enabled").then().statusCode(200)
                .body("enabled", org.hamcrest.Matchers.equalTo(false));
        assertThat(listsOf("8.8.8.8")).doesNotContain(RESOLVERS);
        assertThat(Db.rows("select action, target_id from audit_entry where target_type = 'warninglist' "
                + "order by id desc limit 1").get(0)).containsEntry("action", "warninglist.disable")
                .containsEntry("target_id", RESOLVERS);
        admin().body("{\"enabled\":true}").put(path(RESOLVERS) + "/enabled").then().statusCode(200);
        assertThat(listsOf("8.8.8.8")).contains(RESOLVERS);

        admin().body("{\"enabled\":false}").put(path("No such list") + "/enabled").then().statusCode(404)
                .contentType("application/problem+json");
        admin().body("{}").put(path(RESOLVERS) + "/enabled").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void anUploadAddsAListAndOnlyANewerVersionReplacesIt() {
        assertThat(listsOf("cdn.alliance-benign.net")).isEmpty();
        admin().body(ownList(1, "cdn.alliance-benign.net")).post("/api/v1/admin/warninglists").then().statusCode(201)
                .body("source", org.hamcrest.Matchers.equalTo("uploaded")).body("entries",
                        org.hamcrest.Matchers.equalTo(1));
        assertThat(listsOf("cdn.alliance-benign.net")).containsExactly(OWN);
        // the same version again: refused, nothing changes
        admin().body(ownList(1, "other.alliance-benign.org")).post("/api/v1/admin/warninglists").then().statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].code", org.hamcrest.Matchers.equalTo("warninglist.not-newer"));
        assertThat(listsOf("cdn.alliance-benign.net")).containsExactly(OWN);
        // a newer one replaces it
        admin().body(ownList(2, "other.alliance-benign.org")).post("/api/v1/admin/warninglists").then().statusCode(200)
                .body("version", org.hamcrest.Matchers.equalTo(2));
        assertThat(listsOf("cdn.alliance-benign.net")).isEmpty();
        assertThat(listsOf("other.alliance-benign.org")).containsExactly(OWN);
        // back to bundled: a list only uploaded goes away
        admin().delete(path(OWN) + "/upload").then().statusCode(200);
        assertThat(listsOf("other.alliance-benign.org")).isEmpty();
        admin().delete(path(RESOLVERS) + "/upload").then().statusCode(409);
    }

    /** Admins uploading the same new list at once: one creates it, the others are told it is not newer; no 500. */
    @Test
    void concurrentUploadsOfOneNewListCreateItOnce() throws Exception {
        int admins = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(admins);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < admins; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return admin().body(ownList(1, "race.alliance-benign.net")).post("/api/v1/admin/warninglists")
                            .then().extract().statusCode();
                }));
            }
            go.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var a : answers) {
                statuses.add(a.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses).filteredOn(code -> code == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(Db.rows("select id from audit_entry where action = 'warninglist.upload' and target_id = ?", OWN))
                .hasSize(1);
    }

    @Test
    void aNewerVersionOfABundledListReplacesItUntilReverted() {
        String newer = "{\"name\":\"" + RESOLVERS + "\",\"description\":\"Trimmed\",\"version\":99999999999,"
                + "\"type\":\"cidr\",\"category\":\"known\",\"matching_attributes\":[\"ip-dst\",\"ip-src\"],"
                + "\"list\":[\"9.9.9.9/32\"]}";
        admin().body(newer).post("/api/v1/admin/warninglists").then().statusCode(200)
                .body("source", org.hamcrest.Matchers.equalTo("uploaded"))
                .body("bundledVersion", org.hamcrest.Matchers.notNullValue());
        assertThat(listsOf("8.8.8.8")).doesNotContain(RESOLVERS);
        assertThat(listsOf("9.9.9.9")).contains(RESOLVERS);
        admin().delete(path(RESOLVERS) + "/upload").then().statusCode(200);
        assertThat(listsOf("8.8.8.8")).contains(RESOLVERS);
    }

    @Test
    void aBadFileIsRefusedWithItsFaultAndChangesNothing() throws Exception {
        int before = admin().get("/api/v1/admin/warninglists").then().extract().jsonPath().getList("name").size();
        Map<String, String> bad = Map.of("{not json", "warninglist.not-json", "[1,2]", "warninglist.not-an-object",
                ownList(1, "x.example").replace("hostname", "glob"), "warninglist.type-unknown",
                ownList(1, "x.example").replace("\"known\"", "\"benign\""), "warninglist.category-unknown",
                ownList(1, "x.example").replace("\"version\":1", "\"version\":-3"), "warninglist.version-invalid");
        bad.forEach((body, code) -> admin().body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/admin/warninglists").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("file"))
                .body("errors[0].code", org.hamcrest.Matchers.equalTo(code)));
        // Japanese texts too
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("Accept-Language", "ja")
                .body("{not json").post("/api/v1/admin/warninglists").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("JSON"))
                .body("detail", org.hamcrest.Matchers.containsString("何も変更していません"));
        // over the size limit
        byte[] huge = new byte[8 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        admin().body(huge).post("/api/v1/admin/warninglists").then().statusCode(413);
        assertThat(admin().get("/api/v1/admin/warninglists").then().extract().jsonPath().getList("name"))
                .hasSize(before);
        assertThat(Db.rows("select count(*) as n from warninglist_setting").get(0)).containsEntry("n", "0");
    }

    @Test
    void onlyAdminsMayTouchThem() {
        given().auth().oauth2(Tokens.token("wanda", "org-a", List.of("member"))).get("/api/v1/admin/warninglists")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.token("wanda", "org-a", List.of("member"))).contentType(ContentType.JSON)
                .body(ownList(1, "x.example")).post("/api/v1/admin/warninglists").then().statusCode(403);
        given().get("/api/v1/admin/warninglists").then().statusCode(401);
    }

    @Test
    void aChangeMadeThroughAnotherReplicaArrivesByPolling() throws Exception {
        assertThat(listsOf("8.8.8.8")).contains(RESOLVERS);
        // what another replica's write leaves in the database
        Db.update("insert into warninglist_setting (name, enabled, revision, updated_by, updated_at) "
                + "values (?, false, 1, 'other-replica', now())", RESOLVERS);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (listsOf("8.8.8.8").contains(RESOLVERS)) {
            assertThat(System.nanoTime()).as("seen within 10 s").isLessThan(deadline);
            Thread.sleep(200);
        }
        assertThat(admin().get("/api/v1/admin/warninglists").then().extract().jsonPath()
                .getBoolean("find { it.name == '" + RESOLVERS + "' }.enabled")).isFalse();
    }
}
