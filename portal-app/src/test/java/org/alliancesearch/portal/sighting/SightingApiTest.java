package org.alliancesearch.portal.sighting;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancesearch.portal.testsupport.ClockMinute;
import org.alliancesearch.portal.testsupport.Db;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * {@code POST /api/v1/sightings} and the per-member opt-in, against WireMock members: sent only to opted-in members
 * holding a record the caller may see, exact request counts, refused shown as refused, a hung member timed out
 * without holding up the others, nothing sent for a record the policy hides.
 */
@QuarkusTest
class SightingApiTest {
    @AfterAll
    static void removeMembers() {
        SightingMembers.stop();
    }

    @BeforeEach
    void optInAndReset() {
        SightingMembers.start();
        optIn("sa", true);
        optIn("sb", true);
        optIn("sc", false);
        optIn("sd", true);
        SightingMembers.stubAll();
    }

    private static void optIn(String member, boolean enabled) {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("enabled", enabled))
                .put("/api/v1/admin/members/" + SightingMembers.IDS.get(member) + "/sightings").then().statusCode(200)
                .body("enabled", org.hamcrest.Matchers.is(enabled));
    }

    /** A user of its own per test: sightings count against the search rate limit like searches. */
    private static String user() {
        return Tokens.token("sighter-" + UUID.randomUUID(), "org-sa", List.of("member"));
    }

    private static Response sight(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/sightings");
    }

    private static Map<String, Object> indicator(String family, String value) {
        return family == null
                ? Map.of("indicator", Map.of("value", value))
                : Map.of("indicator", Map.of("family", family, "value", value));
    }

    private static int sightingsAt(String member) {
        return SightingMembers.SERVERS.get(member).findAll(postRequestedFor(urlPathEqualTo("/sightings/add")))
                .size();
    }

    private static Map<String, Object> member(JsonPath json, String name) {
        return json.getMap("members.find { it.name == 'Sighting member " + name + "' }");
    }

    @Test
    void sentOnlyToOptedInHoldersEachMemberWithItsOwnResult() {
        long start = System.nanoTime();
        JsonPath json = sight(user(), indicator("ip", SightingMembers.SHARED)).then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(json.getString("family")).isEqualTo("ip");
        assertThat(json.getString("value")).isEqualTo(SightingMembers.SHARED);
        assertThat(json.getString("source")).isEqualTo("Alliance Search Portal");
        assertThat(member(json, "sa")).containsEntry("outcome", "SENT");
        assertThat(json.getList("members.find { it.name == 'Sighting member sa' }.records.attributeUuid"))
                .containsExactly(SightingMembers.ATTR_1);
        // the key lacks perm_sighting: refused, not failed, for both of its records
        assertThat(member(json, "sb")).containsEntry("outcome", "REFUSED");
        assertThat(json.getList("members.find { it.name == 'Sighting member sb' }.records.attributeUuid"))
                .containsExactlyInAnyOrder(SightingMembers.ATTR_1, SightingMembers.ATTR_2);
        assertThat(member(json, "sc")).containsEntry("outcome", "SKIPPED");
        assertThat(json.getList("members.find { it.name == 'Sighting member sc' }.records")).isEmpty();
        assertThat(member(json, "sd")).containsEntry("outcome", "FAILED");
        assertThat(json.getString("members.find { it.name == 'Sighting member sd' }.records[0].reason"))
                .startsWith("no answer within 1000 ms");
        // members that hold nothing of it are not named
        assertThat(json.getList("members.name", String.class)).allMatch(n -> n.startsWith("Sighting member"));

        assertThat(sightingsAt("sa")).isEqualTo(1);
        assertThat(sightingsAt("sb")).isEqualTo(2);
        assertThat(sightingsAt("sc")).isZero();
        assertThat(sightingsAt("sd")).isEqualTo(1);
        SightingMembers.SERVERS.get("sa").verify(exactly(1), postRequestedFor(urlPathEqualTo("/sightings/add"))
                .withHeader("Authorization", equalTo("key-of-sa-0123456789abcdef0123456789abcdef"))
                .withRequestBody(matchingJsonPath("$.uuid", equalTo(SightingMembers.ATTR_1)))
                .withRequestBody(matchingJsonPath("$.type", equalTo("0")))
                .withRequestBody(matchingJsonPath("$.source", equalTo("Alliance Search Portal"))));
        // the user's identity is not sent
        assertThat(SightingMembers.SERVERS.get("sa").findAll(postRequestedFor(urlPathEqualTo("/sightings/add")))
                .get(0).getBodyAsString()).doesNotContain("sighter-").doesNotContain("org-sa\"");
        // the hung member's 4 s delay did not hold the others: its 1 s timeout did
        assertThat(elapsedMs).isLessThan(3500);
    }

    @Test
    void theFamilyIsOptionalAndTheValueIsCanonicalised() {
        JsonPath json = sight(user(), indicator(null, " 203.0.113.151 ")).then().statusCode(200).extract()
                .jsonPath();
        assertThat(member(json, "sa")).containsEntry("outcome", "SENT");
        assertThat(sightingsAt("sa")).isEqualTo(1);
    }

    @Test
    void aRecordThePolicyHidesIsSentToNobody() {
        Response hidden = sight(user(), indicator("ip", SightingMembers.HIDDEN));
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.contentType()).startsWith("application/problem+json");
        assertThat(hidden.jsonPath().getString("detail")).contains("nothing was sent");

        // a record hidden in any member's copy is hidden in all
        assertThat(sight(user(), indicator("ip", SightingMembers.COPY_HIDDEN)).statusCode()).isEqualTo(404);

        // of a value held both ways, only the record shown is sighted, at its holder only
        JsonPath json = sight(user(), indicator("ip", SightingMembers.PARTLY_HIDDEN)).then().statusCode(200)
                .extract().jsonPath();
        assertThat(json.getList("members.name")).containsExactly("Sighting member sa");
        assertThat(json.getList("members[0].records.attributeUuid")).containsExactly(SightingMembers.ATTR_GREEN);

        assertThat(sightingsAt("sa")).isEqualTo(1);
        assertThat(sightingsAt("sb")).isZero();
        assertThat(sightingsAt("sc")).isZero();
        assertThat(sightingsAt("sd")).isZero();
    }

    @Test
    void whatTheClientNamesBeyondTheIndicatorIsIgnored() {
        // member ids and uuids in the body are not read: sc (not opted in) and a forged uuid get nothing
        Map<String, Object> body = Map.of("indicator", Map.of("family", "ip", "value", SightingMembers.SHARED),
                "members", List.of(SightingMembers.IDS.get("sc")),
                "uuids", List.of("1a2b3c4d-0000-4000-8000-00000000ffff"));
        sight(user(), body).then().statusCode(200);
        assertThat(sightingsAt("sc")).isZero();
        assertThat(SightingMembers.SERVERS.values().stream()
                .flatMap(s -> s.findAll(postRequestedFor(urlPathEqualTo("/sightings/add"))).stream())
                .map(r -> r.getBodyAsString())).noneMatch(b -> b.contains("ffff"));
    }

    @Test
    void badInputIsAProblemNeverAServerError() {
        for (Object body : List.of(Map.of(), Map.of("indicator", Map.of()), indicator("ip", " "),
                indicator("IP FAMILY!", SightingMembers.SHARED), indicator("ip", "x".repeat(10_000)))) {
            Response r = sight(user(), body);
            assertThat(r.statusCode()).as(body.toString().substring(0, Math.min(60, body.toString().length())))
                    .isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        Response notJson = given().auth().oauth2(user()).contentType(ContentType.JSON).body("{\"indicator\":")
                .post("/api/v1/sightings");
        assertThat(notJson.statusCode()).isEqualTo(400);
        given().contentType(ContentType.JSON).body(indicator("ip", SightingMembers.SHARED)).post("/api/v1/sightings")
                .then().statusCode(401);
        SightingMembers.SERVERS.values().forEach(s -> assertThat(
                s.findAll(postRequestedFor(urlPathEqualTo("/sightings/add")))).isEmpty());
    }

    @Test
    void theOptInIsOffByDefaultAdminOnlyAndAudited() throws Exception {
        String id = org.alliancesearch.portal.testsupport.Members.create();
        given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/members/" + id + "/sightings").then().statusCode(200)
                .body("enabled", org.hamcrest.Matchers.is(false))
                .body("updatedBy", org.hamcrest.Matchers.nullValue());

        // an analyst may neither change nor read it
        given().auth().oauth2(Tokens.alice()).contentType(ContentType.JSON).body(Map.of("enabled", true))
                .put("/api/v1/admin/members/" + id + "/sightings").then().statusCode(403);
        given().auth().oauth2(Tokens.alice()).get("/api/v1/admin/sightings").then().statusCode(403);
        assertThat(Db.rows("select enabled from member_sighting where member_id = ?::uuid", id)).isEmpty();

        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("enabled", true))
                .put("/api/v1/admin/members/" + id + "/sightings").then().statusCode(200)
                .body("enabled", org.hamcrest.Matchers.is(true)).body("updatedBy", org.hamcrest.Matchers.is("admin"));
        assertThat(given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/sightings").then().statusCode(200)
                .extract().jsonPath().getBoolean("find { it.memberId == '" + id + "' }.enabled")).isTrue();
        List<Map<String, String>> audit = Db.rows("select actor, action, before_json, after_json from audit_entry "
                + "where target_type = 'member' and target_id = ? and action like 'member.sightings.%' order by id",
                id);
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0)).containsEntry("actor", "admin").containsEntry("action", "member.sightings.enable")
                .containsEntry("before_json", "{\"sightings\":false}")
                .containsEntry("after_json", "{\"sightings\":true}");

        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of())
                .put("/api/v1/admin/members/" + id + "/sightings").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("enabled", true))
                .put("/api/v1/admin/members/" + UUID.randomUUID() + "/sightings").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("enabled", true))
                .put("/api/v1/admin/members/not-a-uuid/sightings").then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).delete("/api/v1/admin/members/" + id).then().statusCode(204);
    }

    @Test
    void eachSendIsInTheChangeLogAndTheSearchAuditWithoutTheValueOrAKey() throws Exception {
        String who = "auditee-" + UUID.randomUUID();
        JsonPath json = sight(Tokens.token(who, "org-sa", List.of("member")), indicator("ip", SightingMembers.SHARED))
                .then().statusCode(200).extract().jsonPath();
        String searchId = json.getString("searchId");
        List<Map<String, String>> rows = Db.rows("select actor, actor_org, action, after_json from audit_entry "
                + "where target_type = 'search' and target_id = ?", searchId);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("actor", who).containsEntry("actor_org", "org-sa")
                .containsEntry("action", "sighting.send");
        assertThat(rows.get(0).get("after_json")).contains(SightingMembers.ATTR_1).contains("\"REFUSED\"")
                .contains("\"SKIPPED\"").doesNotContain(SightingMembers.SHARED).doesNotContain("key-of-");
        List<Map<String, String>> searches = Db.rows("select source from search_audit where id = ?::uuid",
                searchId);
        assertThat(searches).containsExactly(Map.of("source", "sighting"));
    }

    @Test
    void sightingsShareTheSearchRateLimit() throws InterruptedException {
        // the 25 searches and the sighting must share one clock minute
        ClockMinute.startWithSecondsAhead(20);
        String token = user();
        // the test profile allows 25 searches per user and minute; a sighting is one search more
        for (int i = 0; i < 25; i++) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"values\":[\"192.0.2." + (100 + i)
                    + "\"]}").post("/api/v1/search").then().statusCode(200);
        }
        sight(token, indicator("ip", SightingMembers.SHARED)).then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]?"));
        SightingMembers.SERVERS.values().forEach(s -> assertThat(
                s.findAll(postRequestedFor(urlPathEqualTo("/sightings/add")))).isEmpty());
    }
}
