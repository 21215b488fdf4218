package org.alliancesearch.portal.saved;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import org.alliancesearch.portal.search.support.MispMembers;
import org.alliancesearch.portal.search.support.SearchMembers;
import org.alliancesearch.portal.testsupport.Db;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Saved searches: visibility across organisations (by id too), ownership, runs and "new since last run". */
@QuarkusTest
class SavedSearchApiTest {
    private static final String ALICE = Tokens.token("alice", "org-a", List.of("member"));
    private static final String ANNA = Tokens.token("anna", "org-a", List.of("member"));
    private static final String BOB = Tokens.token("bob", "org-b", List.of("member"));
    private static final String ADMIN = Tokens.admin();

    private static String create(String token, String name, String visibility, String value) {
        Map<String, Object> body = Map.of("name", name, "description", "about " + name, "visibility", visibility,
                "query", Map.of("values", List.of(value)));
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/saved-searches")
                .then().statusCode(201).body("name", equalTo(name)).body("visibility", equalTo(visibility))
                .body("mine", equalTo(true)).extract().path("id");
    }

    private static List<String> visibleIds(String token) {
        return given().auth().oauth2(token).get("/api/v1/saved-searches").then().statusCode(200).extract().jsonPath()
                .getList("id", String.class);
    }

    @Test
    void visibilityAcrossOrganisationsIncludingDirectAccessById() {
        String priv = create(ALICE, "alice private", "PRIVATE", "192.0.2.10");
        String org = create(ALICE, "org-a shared", "ORGANISATION", "192.0.2.11");
        String all = create(ALICE, "for everyone", "ALLIANCE", "192.0.2.12");

        assertThat(visibleIds(ALICE)).contains(priv, org, all);
        assertThat(visibleIds(ANNA)).contains(org, all).doesNotContain(priv);
        assertThat(visibleIds(BOB)).contains(all).doesNotContain(priv, org);

        // by id: the same rules, and 404 (not 403) so that existence is not revealed
        for (String id : List.of(priv, org)) {
            given().auth().oauth2(BOB).get("/api/v1/saved-searches/" + id).then().statusCode(404)
                    .contentType("application/problem+json");
            given().auth().oauth2(BOB).post("/api/v1/saved-searches/" + id + "/run").then().statusCode(404);
            given().auth().oauth2(BOB).contentType(ContentType.JSON)
                    .body(Map.of("name", "x", "query", Map.of("values", List.of("1.2.3.4"))))
                    .put("/api/v1/saved-searches/" + id).then().statusCode(404);
            given().auth().oauth2(BOB).delete("/api/v1/saved-searches/" + id).then().statusCode(404);
        }
        given().auth().oauth2(ANNA).get("/api/v1/saved-searches/" + priv).then().statusCode(404);
        given().auth().oauth2(ANNA).get("/api/v1/saved-searches/" + org).then().statusCode(200)
                .body("mine", equalTo(false)).body("owner", equalTo("alice"));
        given().auth().oauth2(BOB).get("/api/v1/saved-searches/" + all).then().statusCode(200);
        given().auth().oauth2(BOB).get("/api/v1/saved-searches/not-a-uuid").then().statusCode(404);

        // a search I may see but do not own: no change, no delete (403); the admin may delete it
        given().auth().oauth2(ANNA).contentType(ContentType.JSON)
                .body(Map.of("name", "taken over", "query", Map.of("values", List.of("1.2.3.4"))))
                .put("/api/v1/saved-searches/" + org).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(BOB).delete("/api/v1/saved-searches/" + all).then().statusCode(403);
        given().auth().oauth2(ADMIN).delete("/api/v1/saved-searches/" + priv).then().statusCode(204);
        given().auth().oauth2(ALICE).get("/api/v1/saved-searches/" + priv).then().statusCode(404);
    }

    @Test
    void ownerEditsAndDeletes() throws Exception {
        String id = create(ALICE, "to edit", "PRIVATE", "192.0.2.20");
        given().auth().oauth2(ALICE).contentType(ContentType.JSON)
                .body(Map.of("name", "edited", "visibility", "ALLIANCE", "query",
                        Map.of("values", List.of("192.0.2.21"), "types", List.of("ip-dst"))))
                .put("/api/v1/saved-searches/" + id).then().statusCode(200).body("name", equalTo("edited"))
                .body("visibility", equalTo("ALLIANCE")).body("query.values", hasItem("192.0.2.21"))
                .body("query.types", hasItem("ip-dst"));
        assertThat(Db.rows("select visibility from saved_search where id = ?::uuid", id).get(0).get("visibility"))
                .isEqualTo("ALLIANCE");
        given().auth().oauth2(ALICE).delete("/api/v1/saved-searches/" + id).then().statusCode(204);
        assertThat(Db.rows("select id from saved_search where id = ?::uuid", id)).isEmpty();
    }

    @Test
    void invalidSavedSearchesAreProblems() {
        given().auth().oauth2(ALICE).contentType(ContentType.JSON)
                .body(Map.of("name", " ", "visibility", "FRIENDS", "query", Map.of("values", List.of(""))))
                .post("/api/v1/saved-searches").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("name")).body("errors.field", hasItem("visibility"))
                .body("errors.field", hasItem("query.values[0]"));
    }

    @Test
    void runsShowLastRunAndMarkIndicatorsNewSinceTheLastRun() throws Exception {
        SearchMembers.ensure();
        String id = create(ALICE, "watch", "ORGANISATION", MispMembers.OVERLAP);
        given().auth().oauth2(ALICE).get("/api/v1/saved-searches/" + id).then().body("lastRunAt", equalTo(null));

        JsonPath first = given().auth().oauth2(ALICE).post("/api/v1/saved-searches/" + id + "/run").then()
                .statusCode(200).extract().jsonPath();
        assertThat(first.getList("indicators.value", String.class)).containsExactly(MispMembers.OVERLAP);
        assertThat(first.getInt("newSinceLastRun")).isZero();
        given().auth().oauth2(ANNA).get("/api/v1/saved-searches/" + id).then().statusCode(200)
                .body("lastIndicatorCount", equalTo(1)).body("lastRunAt", org.hamcrest.Matchers.notNullValue());

        // make alice's last run look as if it had found something else: the indicator is new again, for her only
        Db.update("update saved_search_mark set last_keys = 'feedbeef' where saved_search_id = ?::uuid"
                + " and viewer_sub = 'id-alice'", id);
        JsonPath annasFirst = given().auth().oauth2(ANNA).post("/api/v1/saved-searches/" + id + "/run").then()
                .statusCode(200).extract().jsonPath();
        // a colleague neither sees nor consumes the owner's "new" marks
        assertThat(annasFirst.getInt("newSinceLastRun")).isZero();
        assertThat(annasFirst.getBoolean("indicators[0].new")).isFalse();
        JsonPath second = given().auth().oauth2(ALICE).post("/api/v1/saved-searches/" + id + "/run").then()
                .statusCode(200).extract().jsonPath();
        assertThat(second.getInt("newSinceLastRun")).isEqualTo(1);
        assertThat(second.getBoolean("indicators[0].new")).isTrue();

        JsonPath third = given().auth().oauth2(ALICE).post("/api/v1/saved-searches/" + id + "/run").then()
                .statusCode(200).extract().jsonPath();
        assertThat(third.getInt("newSinceLastRun")).isZero();
        assertThat(third.getBoolean("indicators[0].new")).isFalse();
        // stored per viewer, as hashes, never as values
        List<Map<String, String>> marks = Db.rows(
                "select viewer_sub, last_keys from saved_search_mark where saved_search_id = ?::uuid order by 1", id);
        assertThat(marks).extracting(m -> m.get("viewer_sub")).containsExactly("id-alice", "id-anna");
        assertThat(marks).allSatisfy(m -> assertThat(m.get("last_keys")).doesNotContain(MispMembers.OVERLAP)
                .hasSize(64));
        // the run is audited as a saved-search run
        assertThat(Db.rows("select source from search_audit where saved_search_id = ?::uuid", id)).hasSize(4)
                .allSatisfy(r -> assertThat(r.get("source")).isEqualTo("saved"));
    }

    @Test
    void searchesBelongToTheTokenSubjectNotTheUserName() throws Exception {
        String rita = Tokens.token("rita", "sub-rita-1", "org-a", List.of("member"));
        // another person later given the same user name (and organisation) by the identity provider
        String newRita = Tokens.token("rita", "sub-rita-2", "org-a", List.of("member"));
        String id = create(rita, "rita's own", "PRIVATE", "192.0.2.20");

        assertThat(visibleIds(newRita)).doesNotContain(id);
        given().auth().oauth2(newRita).get("/api/v1/saved-searches/" + id).then().statusCode(404);
        given().auth().oauth2(newRita).post("/api/v1/saved-searches/" + id + "/run").then().statusCode(404);
        given().auth().oauth2(newRita).delete("/api/v1/saved-searches/" + id).then().statusCode(404);
        String shared = create(rita, "rita's shared", "ORGANISATION", "192.0.2.21");
        given().auth().oauth2(newRita).get("/api/v1/saved-searches/" + shared).then().statusCode(200)
                .body("mine", equalTo(false));
        given().auth().oauth2(newRita).contentType(ContentType.JSON)
                .body(Map.of("name", "taken", "visibility", "PRIVATE", "query",
                        Map.of("values", List.of("192.0.2.21"))))
                .put("/api/v1/saved-searches/" + shared).then().statusCode(403);

        // the owner renamed keeps her searches, shown under her new name
        String renamed = Tokens.token("rita.k", "sub-rita-1", "org-a", List.of("member"));
        assertThat(visibleIds(renamed)).contains(id, shared);
        given().auth().oauth2(renamed).get("/api/v1/saved-searches/" + id).then().statusCode(200)
                .body("mine", equalTo(true)).body("owner", equalTo("rita.k"));
    }

    @Test
    void searchesSavedBeforeSubjectsAreBoundToTheirOwnersFirstVisit() throws Exception {
        String id = java.util.UUID.randomUUID().toString();
        Db.update("insert into saved_search (id, owner, organisation, name, visibility, query_json, created_at,"
                + " updated_at) values (?::uuid, 'lex', 'org-a', 'old one', 'PRIVATE', '{\"values\":[\"192.0.2.30\"]}',"
                + " now(), now())", id);
        String lex = Tokens.token("lex", "sub-lex-1", "org-a", List.of("member"));
        assertThat(visibleIds(lex)).contains(id);
        given().auth().oauth2(lex).get("/api/v1/saved-searches/" + id).then().statusCode(200).body("mine",
                equalTo(true));
        assertThat(Db.rows("select owner_sub from saved_search where id = ?::uuid", id).get(0).get("owner_sub"))
                .isEqualTo("sub-lex-1");
        // bound: a later user with the freed name does not get it
        String otherLex = Tokens.token("lex", "sub-lex-2", "org-a", List.of("member"));
        assertThat(visibleIds(otherLex)).doesNotContain(id);
        given().auth().oauth2(otherLex).get("/api/v1/saved-searches/" + id).then().statusCode(404);
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() throws Exception {
        String id = create(ALICE, "versioned", "PRIVATE", "192.0.2.30");
        int version = given().auth().oauth2(ALICE).get("/api/v1/saved-searches/" + id).then().statusCode(200)
                .extract().path("version");
        Map<String, Object> first = Map.of("name", "first writer", "visibility", "PRIVATE", "query",
                Map.of("values", List.of("192.0.2.30")), "version", version);
        given().auth().oauth2(ALICE).contentType(ContentType.JSON).body(first).put("/api/v1/saved-searches/" + id)
                .then().statusCode(200).body("version", equalTo(version + 1));
        // a run does not make an edit stale
        given().auth().oauth2(ALICE).post("/api/v1/saved-searches/" + id + "/run").then().statusCode(200);
        Map<String, Object> second = Map.of("name", "second writer", "visibility", "PRIVATE", "query",
                Map.of("values", List.of("192.0.2.31")));
        given().auth().oauth2(ALICE).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                .body(second).put("/api/v1/saved-searches/" + id).then().statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].code", equalTo("conflict.stale-version"));
        assertThat(Db.rows("select name from saved_search where id = ?::uuid", id).get(0).get("name"))
                .isEqualTo("first writer");
        given().auth().oauth2(ALICE).contentType(ContentType.JSON).header("If-Match", "\"" + (version + 1) + "\"")
                .body(second).put("/api/v1/saved-searches/" + id).then().statusCode(200)
                .body("name", equalTo("second writer"));
    }
}
