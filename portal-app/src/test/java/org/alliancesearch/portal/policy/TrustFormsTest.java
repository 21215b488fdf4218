package org.alliancesearch.portal.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.alliancesearch.portal.common.PagesTest;
import org.alliancesearch.portal.common.PagesTest.Csrf;
import org.alliancesearch.portal.testsupport.Members;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The policy floor and stale versions on the admin pages, in both languages; a refused form changes nothing. */
@QuarkusTest
class TrustFormsTest {
    @Test
    void theFloorIsExplainedOnThePolicyPage() {
        for (Map.Entry<String, String> lang : Map.of("en", "TLP:RED is never shown", "ja", "TLP:RED は表示できません")
                .entrySet()) {
            Csrf csrf = PagesTest.csrf("/admin/policy");
            String html = given().auth().oauth2(Tokens.admin()).redirects().follow(false).cookies(csrf.cookies())
                    .header("Accept-Language", lang.getKey()).formParam("csrf-token", csrf.token())
                    .formParam("maxTlp", "RED").formParam("dropTags", "").formParam("version", "")
                    .post("/admin/policy").then().statusCode(400).extract().body().asString();
            assertThat(html).contains(lang.getValue());
        }
        String page = given().auth().oauth2(Tokens.admin()).get("/admin/policy").then().statusCode(200).extract()
                .body().asString();
        assertThat(page).doesNotContain("<option value=\"red\"").contains("name=\"version\"");
        given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/policy").then().body("maxTlp", equalTo("amber"));
    }

    @Test
    void aStalePolicyFormIsAConflict() {
        int version = given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/policy").then().extract()
                .path("version");
        Csrf csrf = PagesTest.csrf("/admin/policy");
        String html = given().auth().oauth2(Tokens.admin()).redirects().follow(false).cookies(csrf.cookies())
                .header("Accept-Language", "en").formParam("csrf-token", csrf.token())
                .formParam("maxTlp", "clear").formParam("dropTags", "tlp:red\nPAP:RED")
                .formParam("version", String.valueOf(version - 1)).post("/admin/policy").then().statusCode(409)
                .extract().body().asString();
        assertThat(html).contains("Someone changed this in the meantime");
        given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/policy").then().body("maxTlp", equalTo("amber"))
                .body("version", equalTo(version));
    }

    @Test
    void aStaleMemberFormIsAConflict() {
        Map<String, Object> body = Members.body("Form member", "form-key");
        String id = Members.create(body);
        String form = given().auth().oauth2(Tokens.admin()).get("/admin/members/" + id + "/edit").then()
                .statusCode(200).extract().body().asString();
        assertThat(form).contains("name=\"version\" value=\"0\"");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("name", "Changed by API"))
                .put("/api/v1/admin/members/" + id).then().statusCode(200);
        Csrf csrf = PagesTest.csrf("/admin/members/" + id + "/edit");
        String html = given().auth().oauth2(Tokens.admin()).redirects().follow(false).cookies(csrf.cookies())
                .header("Accept-Language", "ja").formParam("csrf-token", csrf.token())
                .formParam("name", "Changed by form").formParam("organisation", "org-a")
                .formParam("url", body.get("url").toString()).formParam("timeoutMs", "5000")
                .formParam("enabled", "on").formParam("verifyTls", "on").formParam("version", "0")
                .post("/admin/members/" + id).then().statusCode(409).extract().body().asString();
        assertThat(html).contains("この間に他の人が変更しました");
        given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/members/" + id).then()
                .body("name", equalTo("Changed by API"));
    }
}
