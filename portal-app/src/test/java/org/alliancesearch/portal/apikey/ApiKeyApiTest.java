package org.alliancesearch.portal.apikey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.alliancesearch.portal.testsupport.Db;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** {@code /api/v1/me/api-keys} and {@code /api/v1/admin/api-keys}: make, list, revoke, validate, audit. */
@QuarkusTest
class ApiKeyApiTest {
    @Test
    void createShowsTheKeyOnceAndStoresOnlyItsHash() throws Exception {
        ApiKeyUsers kate = ApiKeyUsers.member("kate");
        Response created = kate.create("pymisp on host-1", 90);
        created.then().statusCode(201).header("Location", containsString("/api/v1/me/api-keys/"))
                .header("Cache-Control", containsString("no-store"));
        String key = created.path("key");
        String id = created.path("id");
        assertThat(key).hasSize(40).matches("[A-Za-z0-9]{40}");
        assertThat((String) created.path("name")).isEqualTo("pymisp on host-1");
        OffsetDateTime createdAt = OffsetDateTime.parse(created.path("createdAt"));
        OffsetDateTime expiresAt = OffsetDateTime.parse(created.path("expiresAt"));
        assertThat(java.time.Duration.between(createdAt, expiresAt).toDays()).isEqualTo(90);

        // stored: the SHA-256 and the last four characters, never the key
        List<Map<String, String>> rows = Db.rows("select * from api_key where id = ?::uuid", id);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("key_hash")).isEqualTo(sha256(key));
        assertThat(rows.get(0).get("last4")).isEqualTo(key.substring(36));
        assertThat(rows.get(0).get("owner_sub")).isEqualTo(kate.subject());
        assertThat(rows.get(0).values()).noneMatch(v -> v != null && v.contains(key));

        // listed without the key
        Response list = given().auth().oauth2(kate.token()).get("/api/v1/me/api-keys");
        list.then().statusCode(200);
        assertThat(list.asString()).doesNotContain(key);
        JsonPath json = list.jsonPath();
        assertThat(json.getList("id")).containsExactly(id);
        assertThat(json.getString("[0].last4")).isEqualTo(key.substring(36));
        assertThat(json.getString("[0].name")).isEqualTo("pymisp on host-1");
        assertThat(json.getString("[0].createdAt")).isNotBlank();
        assertThat(json.getString("[0].expiresAt")).isNotBlank();
        assertThat(json.getMap("[0]")).containsKey("lastUsedAt").doesNotContainKey("key");

        // the creation is audited, without the key
        List<Map<String, String>> audit = Db.rows(
                "select * from audit_entry where action = 'api-key.create' and target_id = ?", id);
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("actor")).isEqualTo(kate.name());
        assertThat(audit.get(0).toString()).doesNotContain(key);
    }

    @Test
    void theOwnerRevokesAndOthersCannot() throws Exception {
        ApiKeyUsers liam = ApiKeyUsers.member("liam");
        ApiKeyUsers mia = ApiKeyUsers.member("mia");
        String id = liam.create("to revoke", 30).then().statusCode(201).extract().path("id");

        // another user (same organisation) cannot see or revoke it
        given().auth().oauth2(mia.token()).delete("/api/v1/me/api-keys/" + id).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        assertThat(given().auth().oauth2(mia.token()).get("/api/v1/me/api-keys").jsonPath().getList("id"))
                .doesNotContain(id);

        given().auth().oauth2(liam.token()).delete("/api/v1/me/api-keys/" + id).then().statusCode(204);
        assertThat(given().auth().oauth2(liam.token()).get("/api/v1/me/api-keys").jsonPath().getList("id"))
                .doesNotContain(id);
        // twice, or an id that is no uuid: 404
        given().auth().oauth2(liam.token()).delete("/api/v1/me/api-keys/" + id).then().statusCode(404);
        given().auth().oauth2(liam.token()).delete("/api/v1/me/api-keys/not-a-uuid").then().statusCode(404);
        assertThat(Db.rows("select revoked_by from api_key where id = ?::uuid", id).get(0).get("revoked_by"))
                .isEqualTo(liam.name());
        assertThat(Db.rows("select * from audit_entry where action = 'api-key.revoke' and target_id = ?", id))
                .hasSize(1);
    }

    @Test
    void adminsListAndRevokeAnyKeyWithItsOwner() {
        ApiKeyUsers nora = ApiKeyUsers.fresh("nora", "org-b", "member");
        String id = nora.create("nora's script", 30).then().statusCode(201).extract().path("id");

        // members may not
        given().auth().oauth2(nora.token()).get("/api/v1/admin/api-keys").then().statusCode(403);
        given().auth().oauth2(nora.token()).delete("/api/v1/admin/api-keys/" + id).then().statusCode(403);

        Response all = given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/api-keys");
        all.then().statusCode(200);
        Map<String, Object> row = all.jsonPath().<Map<String, Object>>getList("").stream()
                .filter(r -> id.equals(r.get("id"))).findFirst().orElseThrow();
        assertThat(row).containsEntry("owner", nora.name()).containsEntry("ownerOrganisation", "org-b")
                .containsEntry("ownerSubject", nora.subject()).containsEntry("name", "nora's script")
                .doesNotContainKey("key");

        given().auth().oauth2(Tokens.admin()).delete("/api/v1/admin/api-keys/" + id).then().statusCode(204);
        given().auth().oauth2(Tokens.admin()).delete("/api/v1/admin/api-keys/" + id).then().statusCode(404);
        assertThat(given().auth().oauth2(nora.token()).get("/api/v1/me/api-keys").jsonPath().getList("id"))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 366, 10_000})
    void anExpiryOutOfRangeIs400(int days) {
        ApiKeyUsers user = ApiKeyUsers.member("range");
        user.create("x", days).then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400)).body("errors[0].field", equalTo("expiresInDays"))
                .body("detail", containsString("365"));
    }

    @Test
    void badNamesAre400WithAClearMessage() {
        ApiKeyUsers user = ApiKeyUsers.member("names");
        user.create(null, 30).then().statusCode(400).body("errors[0].field", equalTo("name"))
                .body("errors[0].code", equalTo("api-key.name.required"));
        user.create("   ", 30).then().statusCode(400).body("errors[0].code", equalTo("api-key.name.required"));
        user.create("x".repeat(101), 30).then().statusCode(400).body("errors[0].code",
                equalTo("api-key.name.too-long")).body("detail", containsString("100"));
        user.create("line\nbreak", 30).then().statusCode(400).body("errors[0].code", equalTo("api-key.name.control"));
        user.create("bidi\u202Eoverride", 30).then().statusCode(400)
                .body("errors[0].code", equalTo("api-key.name.control"));
        // in Japanese too
        given().auth().oauth2(user.token()).header("Accept-Language", "ja").contentType(ContentType.JSON)
                .body(Map.of("name", "", "expiresInDays", 30)).post("/api/v1/me/api-keys").then().statusCode(400)
                .body("detail", containsString("名前"));
        // a name of exactly 100 characters, and no expiry (90 days by default), is fine
        Response ok = user.create("y".repeat(100), null);
        ok.then().statusCode(201);
        assertThat(java.time.Duration.between(OffsetDateTime.parse(ok.path("createdAt")),
                OffsetDateTime.parse(ok.path("expiresAt"))).toDays()).isEqualTo(90);
        // a body that is no JSON object is 400, not 500
        given().auth().oauth2(user.token()).contentType(ContentType.JSON).body("{\"expiresInDays\": \"soon\"}")
                .post("/api/v1/me/api-keys").then().statusCode(400);
        assertThat(given().auth().oauth2(user.token()).get("/api/v1/me/api-keys").jsonPath().getList("id"))
                .hasSize(1);
    }

    @Test
    void aUserHoldsAtMostTwentyActiveKeys() {
        ApiKeyUsers busy = ApiKeyUsers.member("busy");
        String first = null;
        for (int i = 0; i < 20; i++) {
            String id = busy.create("key " + i, 30).then().statusCode(201).extract().path("id");
            first = first == null ? id : first;
        }
        busy.create("one too many", 30).then().statusCode(409).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("20"));
        // revoking one makes room
        given().auth().oauth2(busy.token()).delete("/api/v1/me/api-keys/" + first).then().statusCode(204);
        busy.create("now it fits", 30).then().statusCode(201);
    }

    @Test
    void noTokenIs401AndTheKeyIsNoBearerToken() {
        given().contentType(ContentType.JSON).body(new HashMap<>(Map.of("name", "x")))
                .post("/api/v1/me/api-keys").then().statusCode(401);
        String key = ApiKeyUsers.member("notbearer").newKey("k");
        given().auth().oauth2(key).get("/api/v1/me/api-keys").then().statusCode(401);
        given().header("Authorization", key).get("/api/v1/me/api-keys").then().statusCode(401);
    }

    static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }
}
