package org.alliancesearch.portal.searchaudit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.alliancesearch.portal.search.support.MispMembers;
import org.alliancesearch.portal.search.support.OnVertx;
import org.alliancesearch.portal.search.support.SearchMembers;
import org.alliancesearch.portal.searchaudit.service.SearchAuditService;
import org.alliancesearch.portal.testsupport.Db;
import org.alliancesearch.portal.testsupport.ReferenceHashes;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;

/** Every search leaves an audit row; admins list them with filters; old rows are purged. */
@QuarkusTest
class SearchAuditApiTest {
    @Inject
    SearchAuditService audit;
    @Inject
    Vertx vertx;

    private static String search(String user, String org, String value) {
        return given().auth().oauth2(Tokens.token(user, org, List.of("member"))).contentType(ContentType.JSON)
                .body("{\"values\":[\"" + value + "\"]}").post("/api/v1/search").then().statusCode(200).extract()
                .path("searchId");
    }

    private static final byte[] TEST_VALUE_KEY = "test-search-audit-value-key-0123456789abcdef"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** The audit filtered by a value: by POST, values never go into a GET URL. */
    private static JsonPath search(Map<String, Object> filter) {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(filter)
                .post("/api/v1/admin/search-audit/search").then().statusCode(200).contentType(ContentType.JSON)
                .extract()
                .jsonPath();
    }

    @Test
    void aValueInTheGetUrlIsRefused() {
        given().auth().oauth2(Tokens.admin()).queryParam("value", "192.0.2.45").get("/api/v1/admin/search-audit").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field",
                        org.hamcrest.Matchers.equalTo("value"))
                .body("errors[0].code", org.hamcrest.Matchers.equalTo("value.in-url"));
    }

    private static JsonPath list(String query) {
        return given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/search-audit" + query).then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
    }

    @Test
    void everySearchIsAuditedWithHashedValuesMembersAndCounts() throws Exception {
        Map<String, String> members = SearchMembers.ensure();
        String id = search("audra", "org-b", "198.51.100[.]7");

        JsonPath page = list("?user=audra");
        assertThat(page.getLong("total")).isGreaterThanOrEqualTo(1);
        List<Map<String, Object>> items = page.getList("items");
        Map<String, Object> row = items.stream().filter(i -> id.equals(i.get("id"))).findFirst().orElseThrow();
        JsonPath r = new JsonPath(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(row));
        assertThat(r.getString("user")).isEqualTo("audra");
        assertThat(r.getString("organisation")).isEqualTo("org-b");
        assertThat(r.getString("source")).isEqualTo("api");
        assertThat(r.getString("at")).isNotBlank();
        assertThat(r.getInt("valueCount")).isEqualTo(1);
        // hashing is on by default: the value itself is not stored, the HMAC-SHA-256 of its canonical form under the
        // server secret is (a bare SHA-256 would be reversed by hashing every IPv4 address)
        assertThat(r.getList("values")).isNull();
        assertThat(r.getList("valueHashes", String.class))
                .containsExactly(ReferenceHashes.hmacSha256(TEST_VALUE_KEY, MispMembers.OVERLAP));
        assertThat(r.getList("members.memberId", String.class)).containsAll(members.values());
        assertThat(r.getInt("indicators")).isEqualTo(1);
        // the admin sees what the members sent before the policy and what it removed, per member too
        assertThat(r.getInt("attributes")).isEqualTo(4);
        assertThat(r.getInt("removedByPolicy")).isEqualTo(1);
        Map<String, Object> orgC = r.getList("members", Map.class).stream()
                .filter(m -> members.get("org-c").equals(m.get("memberId"))).findFirst().orElseThrow();
        assertThat(orgC).containsEntry("hits", 0).containsEntry("received", 1).containsEntry("removedByPolicy", 1);

        // nothing in the table holds the plain value
        List<Map<String, String>> stored = Db.rows("select * from search_audit where id = ?", UUID.fromString(id));
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).toString()).doesNotContain(MispMembers.OVERLAP)
                .doesNotContain(ReferenceHashes.sha256(MispMembers.OVERLAP));
        assertThat(stored.get(0).get("value_hash_scheme")).isEqualTo("hmac-sha256");
        // admins still find it by the value
        assertThat(search(Map.of("value", "198.51.100.7", "user", "audra")).getList("items.id", String.class))
                .contains(id);
    }

    @Test
    void rowsHoldingABareHashAreNeverFoundByValue() throws Exception {
        UUID cleared = UUID.randomUUID();
        UUID bare = UUID.randomUUID();
        Db.update("insert into search_audit (id, at, username, organisation, source, value_count, value_hashes,"
                + " value_hash_scheme, members_json, member_count, failed_count, indicator_count, attribute_count,"
                + " removed_by_policy) values (?, now(), 'legacy-audit', 'org-a', 'api', 1, '', 'cleared', '[]', 0, 0,"
                + " 0, 0, 0)", cleared);
        // a row holding a bare SHA-256 is no match: rows are compared by HMAC only
        Db.update("insert into search_audit (id, at, username, organisation, source, value_count, value_hashes,"
                + " members_json, member_count, failed_count, indicator_count, attribute_count, removed_by_policy)"
                + " values (?, now(), 'legacy-audit', 'org-a', 'api', 1, ?, '[]', 0, 0, 0, 0, 0)", bare,
                ReferenceHashes.sha256("192.0.2.78"));
        assertThat(search(Map.of("user", "legacy-audit")).getList("items.id", String.class))
                .containsExactlyInAnyOrder(cleared.toString(), bare.toString());
        assertThat(search(Map.of("user", "legacy-audit", "value", "192.0.2.78")).getList("items.id", String.class))
                .isEmpty();
    }

    @Test
    void filtersByValueHashOrganisationTimeAndPages() {
        String first = search("vera", "org-c", "192.0.2.44");
        String second = search("vera", "org-c", "192.0.2.45");

        assertThat(search(Map.of("value", "192.0.2[.]44")).getList("items.id", String.class)).contains(first)
                .doesNotContain(second);
        assertThat(list("?organisation=org-c&user=vera").getList("items.id", String.class)).contains(first, second);
        assertThat(list("?organisation=org-a&user=vera").getList("items")).isEmpty();
        String tomorrow = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toLocalDate().toString();
        assertThat(list("?user=vera&from=" + tomorrow).getList("items")).isEmpty();
        assertThat(list("?user=vera&to=" + tomorrow).getList("items.id", String.class)).contains(first, second);

        JsonPath page1 = list("?user=vera&size=1&page=1");
        JsonPath page2 = list("?user=vera&size=1&page=2");
        assertThat(page1.getLong("total")).isEqualTo(2);
        assertThat(page1.getList("items.id", String.class)).containsExactly(second); // newest first
        assertThat(page2.getList("items.id", String.class)).containsExactly(first);
    }

    @Test
    void badFiltersAreProblemsAndMembersAreRefused() {
        given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/search-audit?from=yesterday").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo(
                        "from"));
        given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/search-audit?size=100000").then().statusCode(400);
        given().auth().oauth2(Tokens.alice()).get("/api/v1/admin/search-audit").then().statusCode(403);
        given().get("/api/v1/admin/search-audit").then().statusCode(401);
    }

    @Test
    void theFormerPathsMoveWithTheirMethodAndQuery() {
        given().auth().oauth2(Tokens.admin()).redirects().follow(false).get("/api/v1/admin/audit?user=vera&size=1")
                .then().statusCode(308).header("Location", org.hamcrest.Matchers.endsWith(
                        "/api/v1/admin/search-audit?user=vera&size=1"));
        given().auth().oauth2(Tokens.admin()).redirects().follow(false).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/admin/audit/search").then().statusCode(308).header("Location",
                        org.hamcrest.Matchers.endsWith("/api/v1/admin/search-audit/search"));
        given().auth().oauth2(Tokens.alice()).redirects().follow(false).get("/api/v1/admin/audit").then()
                .statusCode(403);
        given().auth().oauth2(Tokens.admin()).redirects().follow(false).get("/admin/audit?page=2").then()
                .statusCode(308).header("Location", org.hamcrest.Matchers.endsWith("/admin/search-audit?page=2"));
    }

    @Test
    void purgeDeletesRowsPastTheRetentionPeriodOnly() throws Exception {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        Instant now = Instant.now();
        insert(old, now.minus(366, ChronoUnit.DAYS));
        insert(recent, now.minus(364, ChronoUnit.DAYS));

        long purged = OnVertx.await(vertx, () -> audit.purge(now));

        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(Db.rows("select id from search_audit where id = ?", old)).isEmpty();
        assertThat(Db.rows("select id from search_audit where id = ?", recent)).hasSize(1);
    }

    private static void insert(UUID id, Instant at) throws Exception {
        Db.update("insert into search_audit (id, at, username, organisation, source, value_count, value_hashes,"
                + " members_json, member_count, failed_count, indicator_count, attribute_count, removed_by_policy)"
                + " values (?, ?, 'purge-test', 'org-a', 'api', 0, '', '[]', 0, 0, 0, 0, 0)", id,
                at.atOffset(ZoneOffset.UTC));
    }
}
