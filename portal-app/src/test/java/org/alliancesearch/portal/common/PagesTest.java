package org.alliancesearch.portal.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alliancesearch.portal.testsupport.Db;
import org.alliancesearch.portal.testsupport.Members;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The admin pages: rendering, escaping of hostile member data, CSRF tokens, security headers, languages. */
@QuarkusTest
public class PagesTest {
    private static final Pattern CSRF_FIELD = Pattern
            .compile("<input type=\"hidden\" name=\"csrf-token\" value=\"([^\"]+)\">");

    @Test
    void adminPagesRenderWithSecurityHeaders() {
        Members.create();
        for (String path : List.of("/", "/admin/members", "/admin/members/new", "/admin/health", "/admin/policy")) {
            Response page = given().auth().oauth2(Tokens.admin()).get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.header("Content-Security-Policy")).as(path)
                    .contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
                            "frame-ancestors 'none'", "form-action 'self'");
            assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
            String html = page.body().asString();
            // no inline script or style anywhere
            assertThat(html).doesNotContain("<script").doesNotContain("style=").doesNotContain("onclick");
            assertThat(html).contains("/css/portal.css").contains("Sign out");
        }
    }

    @Test
    void everyFormCarriesACsrfToken() {
        Members.create();
        for (String path : List.of("/admin/members", "/admin/members/new", "/admin/policy")) {
            String html = given().auth().oauth2(Tokens.admin()).get(path).body().asString();
            int forms = html.split("<form", -1).length - 1;
            assertThat(forms).as(path).isPositive();
            assertThat(CSRF_FIELD.matcher(html).results().count()).as(path).isEqualTo(forms);
        }
    }

    @Test
    void hostileMemberNamesAreEscaped() {
        String hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        Map<String, Object> body = Members.body(hostile, "k");
        body.put("organisation", "\"><b>org</b>");
        String id = Members.create(body);
        for (String path : List.of("/admin/members", "/admin/members/" + id + "/edit", "/admin/health")) {
            String html = given().auth().oauth2(Tokens.admin()).get(path).then().statusCode(200).extract().body()
                    .asString();
            assertThat(html).as(path).doesNotContain("<script>alert").doesNotContain("<img src=x")
                    .contains("&lt;script&gt;alert(");
        }
        String members = given().auth().oauth2(Tokens.admin()).get("/admin/members").body().asString();
        assertThat(members).doesNotContain("<b>org</b>").contains("&quot;&gt;&lt;b&gt;org&lt;/b&gt;");
        Csrf csrf = csrf("/admin/members");
        String test = given().auth().oauth2(Tokens.admin()).cookies(csrf.cookies)
                .formParam("csrf-token", csrf.token)
                .post("/admin/members/" + id + "/test").then().extract().body().asString();
        assertThat(test).doesNotContain("<script>alert").contains("&lt;script&gt;");
    }

    @Test
    void createThroughTheFormWithCsrfTokenAndFlash() throws Exception {
        Csrf csrf = csrf("/admin/members/new");
        String name = "Form member " + System.nanoTime();
        Response created = given().auth().oauth2(Tokens.admin()).redirects().follow(false).cookies(csrf.cookies)
                .formParam("csrf-token", csrf.token)
                .formParam("name", name)
                .formParam("organisation", "org-c")
                .formParam("url", "http://127.0.0.1:9/form-" + System.nanoTime())
                .formParam("apiKey", "form-api-key-value")
                .formParam("timeoutMs", "4000")
                .formParam("enabled", "true")
                .formParam("verifyTls", "true")
                .post("/admin/members");
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(created.header("Location")).endsWith("/admin/members?flash=member-created");
        assertThat(Db.rows("select name from member_instance where name = ?", name)).hasSize(1);
        String list = given().auth().oauth2(Tokens.admin()).get("/admin/members?flash=member-created").body()
                .asString();
        assertThat(list).contains("The member was added.").contains(name);
        // unknown flash names show nothing
        assertThat(given().auth().oauth2(Tokens.admin()).get("/admin/members?flash=<b>x</b>").body().asString())
                .doesNotContain("class=\"flash\"").doesNotContain("<b>x</b>");
    }

    @Test
    void invalidFormIsShownAgainWithMessagesAndWithoutTheKey() {
        Csrf csrf = csrf("/admin/members/new");
        Response page = given().auth().oauth2(Tokens.admin()).cookies(csrf.cookies)
                .formParam("csrf-token", csrf.token)
                .formParam("name", "Bad")
                .formParam("organisation", "org-c")
                .formParam("url", "http://169.254.169.254/")
                .formParam("apiKey", "do-not-echo-this-key")
                .formParam("timeoutMs", "5")
                .post("/admin/members");
        assertThat(page.statusCode()).isEqualTo(400);
        String html = page.body().asString();
        assertThat(html).contains("Cloud metadata addresses are not allowed.")
                .contains("The timeout must be between 100 and 120000 milliseconds.")
                .contains("value=\"Bad\"")
                .doesNotContain("do-not-echo-this-key");
    }

    @Test
    void formsWithoutCsrfTokenAreRejected() {
        given().auth().oauth2(Tokens.admin()).redirects().follow(false)
                .formParam("name", "No token").formParam("organisation", "o")
                .formParam("url", "http://127.0.0.1:9/none").formParam("apiKey", "k")
                .post("/admin/members").then().statusCode(400);
        Csrf csrf = csrf("/admin/policy");
        given().auth().oauth2(Tokens.admin()).redirects().follow(false).cookies(csrf.cookies)
                .formParam("csrf-token", "forged" + csrf.token.substring(6))
                .formParam("maxTlp", "RED").formParam("dropTags", "")
                .post("/admin/policy").then().statusCode(400);
        // the policy did not change
        given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/policy").then()
                .body("maxTlp", org.hamcrest.Matchers.not("red"));
    }

    @Test
    void policyFormSavesAndAudits() throws Exception {
        Csrf csrf = csrf("/admin/policy");
        given().auth().oauth2(Tokens.admin()).redirects().follow(false).cookies(csrf.cookies)
                .formParam("csrf-token", csrf.token)
                .formParam("maxTlp", "AMBER").formParam("dropTags", "tlp:red\nPAP:RED\n\nfalse-positive")
                .post("/admin/policy").then().statusCode(303);
        given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/policy").then()
                .body("maxTlp", org.hamcrest.Matchers.equalTo("amber"))
                .body("dropTags", org.hamcrest.Matchers.contains("tlp:red", "PAP:RED", "false-positive"));
        assertThat(Db.rows("select after_json from audit_entry where action = 'policy.update'").toString())
                .contains("false-positive");
    }

    @Test
    void deleteThroughTheForm() throws Exception {
        String id = Members.create();
        Csrf csrf = csrf("/admin/members");
        given().auth().oauth2(Tokens.admin()).redirects().follow(false).cookies(csrf.cookies)
                .formParam("csrf-token", csrf.token)
                .post("/admin/members/" + id + "/delete").then().statusCode(303);
        assertThat(Db.rows("select deleted_at from member_instance where id = ?::uuid", id).get(0)
                .get("deleted_at")).isNotNull();
    }

    @Test
    void nonAdminsGetARealForbiddenPage() {
        Response page = given().auth().oauth2(Tokens.alice()).redirects().follow(false).get("/admin/members");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body().asString()).contains("Not allowed").contains("administrators only")
                .doesNotContain("href=\"/admin/members\"");
    }

    @Test
    void userWithoutOrganisationSeesTheExplanation() {
        String html = given().auth().oauth2(Tokens.erin()).get("/no-organisation").then().statusCode(200).extract()
                .body().asString();
        assertThat(html).contains("Your account has no organisation").contains("secretariat");
        given().auth().oauth2(Tokens.erin()).redirects().follow(false).get("/").then().statusCode(303);
    }

    @Test
    void homePageHasTheSearchPlaceholder() {
        String html = given().auth().oauth2(Tokens.alice()).get("/").then().statusCode(200).extract().body()
                .asString();
        assertThat(html).contains("id=\"search\"").contains("Welcome, alice.").contains("org-a")
                .doesNotContain("/admin/members");
    }

    @Test
    void pagesInJapanese() {
        String html = given().auth().oauth2(Tokens.admin()).header("Accept-Language", "ja,en;q=0.8")
                .get("/admin/members").then().statusCode(200).extract().body().asString();
        assertThat(html).contains("lang=\"ja\"").contains("メンバーインスタンス").contains("ログアウト");
        String home = given().auth().oauth2(Tokens.alice()).header("Accept-Language", "ja-JP").get("/").body()
                .asString();
        assertThat(home).contains("ようこそ、alice さん。");
        String english = given().auth().oauth2(Tokens.alice()).header("Accept-Language", "fr, en;q=0.5").get("/")
                .body().asString();
        assertThat(english).contains("lang=\"en\"").contains("Welcome, alice.");
    }

    public record Csrf(Map<String, String> cookies, String token) {
    }

    public static Csrf csrf(String formPage) {
        Response page = given().auth().oauth2(Tokens.admin()).get(formPage);
        Matcher m = CSRF_FIELD.matcher(page.body().asString());
        assertThat(m.find()).as("CSRF field on " + formPage).isTrue();
        assertThat(page.cookies()).containsKey("alliance-csrf");
        return new Csrf(page.cookies(), m.group(1));
    }
}
