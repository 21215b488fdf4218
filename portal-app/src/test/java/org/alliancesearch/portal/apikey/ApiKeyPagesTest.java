package org.alliancesearch.portal.apikey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The API keys page: make a key (shown once), list (last four only), revoke with the form's CSRF token; JP/EN. */
@QuarkusTest
class ApiKeyPagesTest {
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private static final Pattern NEW_KEY = Pattern.compile("id=\"new-key\">([A-Za-z0-9]{40})<");

    private record Form(Map<String, String> cookies, String token) {
    }

    private static Form form(ApiKeyUsers user, String lang) {
        Response page = given().auth().oauth2(user.token()).header("Accept-Language", lang).get("/api-keys");
        page.then().statusCode(200);
        Matcher m = CSRF_FIELD.matcher(page.asString());
        assertThat(m.find()).isTrue();
        return new Form(page.cookies(), m.group(1));
    }

    @Test
    void makeSeeOnceListAndRevoke() {
        ApiKeyUsers yan = ApiKeyUsers.member("yan");
        Form form = form(yan, "en");
        Response made = given().auth().oauth2(yan.token()).cookies(form.cookies()).formParam("csrf-token", form.token())
                .formParam("name", "laptop <script>").formParam("expiresInDays", "30").post("/api-keys");
        made.then().statusCode(200);
        String html = made.asString();
        Matcher key = NEW_KEY.matcher(html);
        assertThat(key.find()).as("the new key is on the page").isTrue();
        String value = key.group(1);
        assertThat(html).contains("This is the only time the key is shown").contains("Authorization")
                .contains("laptop &lt;script&gt;").doesNotContain("laptop <script>");
        assertThat(made.header("Cache-Control")).contains("no-store");
        // the key works
        given().header("Authorization", value).get("/users/view/me").then().statusCode(200);

        // later: listed by its last four characters only
        String list = given().auth().oauth2(yan.token()).get("/api-keys").asString();
        assertThat(list).doesNotContain(value).contains("…" + value.substring(36)).contains("laptop &lt;script&gt;")
                .doesNotContain("id=\"new-key\"");

        String id = given().auth().oauth2(yan.token()).get("/api/v1/me/api-keys").jsonPath().getString("[0].id");
        // revoking without the form's token is refused
        given().auth().oauth2(yan.token()).cookies(form.cookies()).formParam("x", "y").redirects().follow(false)
                .post("/api-keys/" + id + "/revoke").then().statusCode(400);
        given().header("Authorization", value).get("/users/view/me").then().statusCode(200);
        // with it: revoked, and the key refused at once
        Response revoked = given().auth().oauth2(yan.token()).cookies(form.cookies())
                .formParam("csrf-token", form.token()).redirects().follow(false).post("/api-keys/" + id + "/revoke");
        revoked.then().statusCode(303);
        assertThat(revoked.header("Location")).endsWith("/api-keys?flash=api-key-revoked");
        given().header("Authorization", value).get("/users/view/me").then().statusCode(403);
        assertThat(given().auth().oauth2(yan.token()).get("/api-keys?flash=api-key-revoked").asString())
                .contains("The key was revoked.").doesNotContain("…" + value.substring(36));
    }

    @Test
    void aBadFormIsShownAgainWithTheReasonInTheUsersLanguage() {
        ApiKeyUsers zoe = ApiKeyUsers.member("zoe");
        Form form = form(zoe, "ja");
        Response bad = given().auth().oauth2(zoe.token()).header("Accept-Language", "ja").cookies(form.cookies())
                .formParam("csrf-token", form.token()).formParam("name", "").formParam("expiresInDays", "400")
                .post("/api-keys");
        bad.then().statusCode(400);
        assertThat(bad.asString()).contains("lang=\"ja\"").contains("キーに名前を付けてください。")
                .contains("有効期間は 1 日から 365 日までです。").doesNotContain("id=\"new-key\"");
        Response english = given().auth().oauth2(zoe.token()).cookies(form.cookies())
                .formParam("csrf-token", form.token()).formParam("name", "ok").formParam("expiresInDays", "soon")
                .post("/api-keys");
        english.then().statusCode(400);
        assertThat(english.asString()).contains("A key expires after 1 to 365 days.");
        assertThat(given().auth().oauth2(zoe.token()).get("/api/v1/me/api-keys").jsonPath().getList("id")).isEmpty();
    }

    @Test
    void thePageIsInTheNavigationInBothLanguages() {
        ApiKeyUsers amy = ApiKeyUsers.member("amy");
        assertThat(given().auth().oauth2(amy.token()).get("/").asString()).contains("href=\"/api-keys\">API keys<");
        assertThat(given().auth().oauth2(amy.token()).header("Accept-Language", "ja").get("/api-keys").asString())
                .contains("href=\"/api-keys\">API キー<").contains("新しいキー").contains("キーを作成")
                .contains("API キーはありません。");
    }
}
