package org.alliancesearch.portal.digest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.alliancesearch.portal.testsupport.Db;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * {@code /api/v1/me/digest-subscription}: off until turned on, for members with an organisation only, bad input
 * answered with problem documents that name the field, and turning it on needs an address from the sign-in.
 */
@QuarkusTest
class DigestSubscriptionApiTest {
    static final String PATH = "/api/v1/me/digest-subscription";

    private static String member(String user) {
        return DigestUsers.token(user, "org-a", user + "@org-a.example", List.of("member"));
    }

    @Test
    void withoutATokenItIs401AndForOthersThanMembersWithAnOrganisation403() {
        given().accept(ContentType.JSON).get(PATH).then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("subscribed", true)).put(PATH).then().statusCode(401);
        String noRole = DigestUsers.token("dsa-norole", "org-a", "norole@org-a.example", List.of());
        given().auth().oauth2(noRole).get(PATH).then().statusCode(403);
        given().auth().oauth2(noRole).contentType(ContentType.JSON).body(Map.of("subscribed", true)).put(PATH)
                .then().statusCode(403);
        String noOrg = DigestUsers.token("dsa-noorg", null, "noorg@example.org", List.of("member"));
        given().auth().oauth2(noOrg).get(PATH).then().statusCode(403);
        given().auth().oauth2(noOrg).contentType(ContentType.JSON).body(Map.of("subscribed", true)).put(PATH)
                .then().statusCode(403);
    }

    @Test
    void itIsOffUntilTurnedOnAndKeepsLanguageZoneAndTheGivenAddress() throws Exception {
        String token = member("dsa-alice");
        given().auth().oauth2(token).get(PATH).then().statusCode(200).body("subscribed", equalTo(false))
                .body("email", nullValue());

        JsonPath on = given().auth().oauth2(token).header("Accept-Language", "ja").contentType(ContentType.JSON)
                .body(Map.of("subscribed", true)).put(PATH).then().statusCode(200).extract().jsonPath();
        assertThat(on.getBoolean("subscribed")).isTrue();
        assertThat(on.getString("email")).isEqualTo("dsa-alice@org-a.example");
        // the request's language, and that language's default zone
        assertThat(on.getString("language")).isEqualTo("ja");
        assertThat(on.getString("timeZone")).isEqualTo("Asia/Tokyo");
        assertThat(on.getString("updatedAt")).endsWith("Z");

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("subscribed", true, "language", "en", "timeZone", "Europe/Berlin")).put(PATH).then()
                .statusCode(200).body("language", equalTo("en")).body("timeZone", equalTo("Europe/Berlin"));
        given().auth().oauth2(token).get(PATH).then().statusCode(200).body("subscribed", equalTo(true))
                .body("language", equalTo("en")).body("timeZone", equalTo("Europe/Berlin"));
        assertThat(Db.rows("select subscribed, user_name, email from digest_subscription where subject = ?",
                "id-dsa-alice")).containsExactly(
                        Map.of("subscribed", "t", "user_name", "dsa-alice", "email", "dsa-alice@org-a.example"));

        // off again: the choices stay for the next time
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("subscribed", false)).put(PATH).then()
                .statusCode(200).body("subscribed", equalTo(false)).body("language", equalTo("en"));
        given().auth().oauth2(token).get(PATH).then().statusCode(200).body("subscribed", equalTo(false));
    }

    @Test
    void turningOffWithoutEverTurningOnStoresNothing() throws Exception {
        String token = member("dsa-never");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("subscribed", false)).put(PATH).then()
                .statusCode(200).body("subscribed", equalTo(false));
        assertThat(Db.rows("select * from digest_subscription where subject = ?", "id-dsa-never")).isEmpty();
    }

    private static JsonPath refused(String token, String body) {
        return given().auth().oauth2(token).header("Accept-Language", "en").contentType(ContentType.JSON).body(body)
                .put(PATH).then().statusCode(400).contentType("application/problem+json").extract().jsonPath();
    }

    @Test
    void badInputIsA400ProblemNamingTheFieldAndChangesNothing() throws Exception {
        String token = member("dsa-bad");
        JsonPath missing = refused(token, "{}");
        assertThat(missing.getInt("status")).isEqualTo(400);
        assertThat(missing.getString("detail")).isEqualTo("The digest e-mail setting was not changed.");
        assertThat(missing.getList("errors.field")).containsExactly("subscribed");
        assertThat(missing.getList("errors.code")).containsExactly("digest.subscribed-required");

        JsonPath language = refused(token, "{\"subscribed\":true,\"language\":\"fr\"}");
        assertThat(language.getList("errors.field")).containsExactly("language");
        assertThat(language.getList("errors.code")).containsExactly("digest.language");

        JsonPath zone = refused(token, "{\"subscribed\":true,\"timeZone\":\"Mars/Olympus_Mons\"}");
        assertThat(zone.getList("errors.field")).containsExactly("timeZone");
        assertThat(zone.getString("errors[0].message")).isEqualTo("Not a time zone this portal knows.");

        refused(token, "{\"subscribed\":");
        refused(token, "{\"subscribed\":\"perhaps\"}");
        // no body at all
        given().auth().oauth2(token).contentType(ContentType.JSON).put(PATH).then().statusCode(400)
                .contentType("application/problem+json");

        assertThat(Db.rows("select * from digest_subscription where subject = ?", "id-dsa-bad")).isEmpty();
    }

    @Test
    void turningItOnNeedsAnAddressFromTheSignIn() throws Exception {
        String noEmail = DigestUsers.token("dsa-noemail", "org-a", null, List.of("member"));
        JsonPath ja = given().auth().oauth2(noEmail).header("Accept-Language", "ja").contentType(ContentType.JSON)
                .body(Map.of("subscribed", true)).put(PATH).then().statusCode(400)
                .contentType("application/problem+json").extract().jsonPath();
        assertThat(ja.getList("errors.field")).containsExactly("email");
        assertThat(ja.getList("errors.code")).containsExactly("digest.no-email");
        assertThat(ja.getString("errors[0].message")).isEqualTo("サインイン情報に、ダイジェストを送れるメールアドレスがありません。");
        String badEmail = DigestUsers.token("dsa-bademail", "org-a", "not an address", List.of("member"));
        JsonPath bad = refused(badEmail, "{\"subscribed\":true}");
        assertThat(bad.getList("errors.code")).containsExactly("digest.no-email");
        assertThat(Db.rows("select * from digest_subscription where subject in (?, ?)", "id-dsa-noemail",
                "id-dsa-bademail")).isEmpty();
    }
}
