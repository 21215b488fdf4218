package org.alliancesearch.portal.preferences;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alliancesearch.portal.digest.DigestUsers;
import org.alliancesearch.portal.testsupport.Db;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The weekly digest e-mail on the preferences page: off until ticked, turned on and off with the CSRF form (the page's
 * language and zone are kept for the e-mail), refused with a message without an address, and not offered to users who
 * may not read the digest.
 */
@QuarkusTest
class DigestMailPreferencesTest {
    static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    record Form(Map<String, String> cookies, String csrf, String html) {
    }

    private static Form form(String token, String language) {
        Response page = given().auth().oauth2(token).header("Accept-Language", language).get("/preferences");
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher m = CSRF.matcher(page.asString());
        assertThat(m.find()).isTrue();
        return new Form(page.cookies(), m.group(1), page.asString());
    }

    private static Response post(String token, Form form, String language, String zoneCookie, Boolean ticked) {
        var request = given().auth().oauth2(token).cookies(form.cookies()).header("Accept-Language", language)
                .redirects().follow(false).formParam("csrf-token", form.csrf());
        if (zoneCookie != null) {
            request = request.cookie("alliance-tz", zoneCookie);
        }
        if (ticked != null) {
            request = request.formParam("subscribed", ticked.toString());
        }
        return request.post("/preferences/digest");
    }

    private static JsonPath api(String token) {
        return given().auth().oauth2(token).get("/api/v1/me/digest-subscription").then().statusCode(200).extract()
                .jsonPath();
    }

    @Test
    void aMemberTurnsTheEmailOnInThePagesLanguageAndZoneAndOffAgain() {
        String token = DigestUsers.token("dmp-kenji", "org-a", "kenji@org-a.example", List.of("member"));
        Form ja = form(token, "ja");
        assertThat(ja.html()).contains("週次ダイジェストのメール配信").contains("id=\"digest-subscribed\"")
                .contains("action=\"/preferences/digest\"").contains("配信していません。")
                .doesNotContain("id=\"digest-subscribed\" name=\"subscribed\" value=\"true\" checked");

        Response on = post(token, ja, "ja", "Europe/Berlin", true);
        assertThat(on.statusCode()).isEqualTo(303);
        assertThat(on.header("Location")).endsWith("/preferences?flash=digest-subscribed");
        JsonPath stored = api(token);
        assertThat(stored.getBoolean("subscribed")).isTrue();
        assertThat(stored.getString("language")).isEqualTo("ja");
        assertThat(stored.getString("timeZone")).isEqualTo("Europe/Berlin");
        assertThat(stored.getString("email")).isEqualTo("kenji@org-a.example");

        String shown = given().auth().oauth2(token).header("Accept-Language", "ja")
                .get("/preferences?flash=digest-subscribed").then().statusCode(200).extract().asString();
        assertThat(shown).contains("週次ダイジェストをメールでお送りします。")
                .contains("id=\"digest-subscribed\" name=\"subscribed\" value=\"true\" checked")
                .contains("配信中: 言語 ja、時刻は Europe/Berlin。登録時のアドレス: kenji@org-a.example");

        // unticked: the browser sends no field
        Form en = form(token, "en");
        Response off = post(token, en, "en", null, null);
        assertThat(off.statusCode()).isEqualTo(303);
        assertThat(off.header("Location")).endsWith("/preferences?flash=digest-unsubscribed");
        assertThat(api(token).getBoolean("subscribed")).isFalse();
        String after = given().auth().oauth2(token).get("/preferences?flash=digest-unsubscribed").then()
                .statusCode(200).extract().asString();
        assertThat(after).contains("The weekly digest e-mail is off.").contains(">Off.<");
    }

    @Test
    void withoutAnAddressItIsRefusedWithAMessageAndNothingIsStored() throws Exception {
        String token = DigestUsers.token("dmp-noaddress", "org-a", null, List.of("member"));
        Form page = form(token, "en");
        assertThat(page.html()).contains("Your sign-in gives no e-mail address");
        Response refused = post(token, page, "en", null, true);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("id=\"digest-mail-error\"")
                .contains("Your sign-in gives no e-mail address the digest could be sent to.");
        assertThat(Db.rows("select * from digest_subscription where subject = ?", "id-dmp-noaddress")).isEmpty();
    }

    @Test
    void itIsNotOfferedToThoseWhoMayNotReadTheDigestAndTheirPostsAreRefused() throws Exception {
        String noOrg = DigestUsers.token("dmp-noorg", null, "noorg@example.org", List.of("member"));
        Form page = form(noOrg, "en");
        assertThat(page.html()).doesNotContain("digest-mail").contains("name=\"zone\"");
        assertThat(post(noOrg, page, "en", null, true).statusCode()).isEqualTo(403);

        String noRole = DigestUsers.token("dmp-norole", "org-a", "norole@org-a.example", List.of());
        Form other = form(noRole, "en");
        assertThat(other.html()).doesNotContain("digest-mail");
        assertThat(post(noRole, other, "en", null, true).statusCode()).isEqualTo(403);
        assertThat(Db.rows("select * from digest_subscription where subject in (?, ?)", "id-dmp-noorg",
                "id-dmp-norole")).isEmpty();
    }

    @Test
    void aPostWithoutTheCsrfTokenChangesNothing() throws Exception {
        String token = DigestUsers.token("dmp-nocsrf", "org-a", "nocsrf@org-a.example", List.of("member"));
        Form page = form(token, "en");
        Response forged = given().auth().oauth2(token).cookies(page.cookies()).redirects().follow(false)
                .formParam("subscribed", "true").post("/preferences/digest");
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(Db.rows("select * from digest_subscription where subject = ?", "id-dmp-nocsrf")).isEmpty();
    }
}
