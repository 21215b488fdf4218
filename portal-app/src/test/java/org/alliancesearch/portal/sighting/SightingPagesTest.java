package org.alliancesearch.portal.sighting;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.alliancesearch.portal.common.PagesTest;
import org.alliancesearch.portal.search.support.MispMembers;
import org.alliancesearch.portal.search.support.SearchMembers;
import org.alliancesearch.portal.sighting.i18n.SightingMessages;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The admin page of the opt-in, the button on a result row and the page of each member's result, JP and EN. */
@QuarkusTest
class SightingPagesTest {
    @AfterAll
    static void removeMembers() {
        SightingMembers.stop();
    }

    @BeforeEach
    void reset() {
        SightingMembers.start();
        for (String m : SightingMembers.NAMES) {
            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                    .body(Map.of("enabled", !m.equals("sc")))
                    .put("/api/v1/admin/members/" + SightingMembers.IDS.get(m) + "/sightings").then().statusCode(200);
        }
        SightingMembers.stubAll();
    }

    private static String user() {
        return Tokens.token("pager-" + UUID.randomUUID(), "org-sa", List.of("member"));
    }

    @Test
    void theAdminPageInBothLanguagesSwitchesAMemberThroughItsForm() {
        String en = given().auth().oauth2(Tokens.admin()).get("/admin/sightings").then().statusCode(200).extract()
                .asString();
        assertThat(en).contains("<h1>Sightings to members</h1>").contains("perm_sighting")
                .contains("href=\"/admin/sightings\"").contains("Sighting member sc")
                .contains("name=\"csrf-token\"");
        String sc = SightingMembers.IDS.get("sc");
        int row = en.indexOf("data-member=\"" + sc + "\"");
        assertThat(en.substring(row, en.indexOf("</tr>", row))).contains(">Not sent<")
                .contains(">Send sightings</button>").contains("name=\"enabled\" value=\"true\"");
        String ja = given().auth().oauth2(Tokens.admin()).header("Accept-Language", "ja").get("/admin/sightings")
                .then().statusCode(200).extract().asString();
        assertThat(ja).contains("<h1>メンバーへのサイティング送信</h1>").contains("サイティングを送信する")
                .contains("送信を停止する");

        PagesTest.Csrf csrf = PagesTest.csrf("/admin/sightings");
        Response sent = given().auth().oauth2(Tokens.admin()).cookies(csrf.cookies()).redirects().follow(false)
                .formParam("csrf-token", csrf.token()).formParam("member", sc).formParam("enabled", "true")
                .post("/admin/sightings/enabled");
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.header("Location")).endsWith("/admin/sightings?done=enabled");
        String after = given().auth().oauth2(Tokens.admin()).get("/admin/sightings?done=enabled").then()
                .statusCode(200).extract().asString();
        assertThat(after).contains("The member now receives sightings.");
        row = after.indexOf("data-member=\"" + sc + "\"");
        assertThat(after.substring(row, after.indexOf("</tr>", row))).contains("data-enabled=\"true\"")
                .contains(">Stop sending</button>").contains("admin");

        // without the CSRF token nothing changes
        assertThat(given().auth().oauth2(Tokens.admin()).redirects().follow(false).formParam("member", sc)
                .formParam("enabled", "false").post("/admin/sightings/enabled").statusCode()).isIn(400, 403);
        assertThat(given().auth().oauth2(Tokens.admin()).get("/api/v1/admin/members/" + sc + "/sightings").then()
                .extract().jsonPath().getBoolean("enabled")).isTrue();
        Response bad = given().auth().oauth2(Tokens.admin()).cookies(csrf.cookies()).redirects().follow(false)
                .formParam("csrf-token", csrf.token()).formParam("member", "nope").formParam("enabled", "false")
                .post("/admin/sightings/enabled");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.asString()).contains("id=\"sightings-error\"");
    }

    @Test
    void anAnalystCannotSeeOrUseTheAdminPage() {
        String analyst = user();
        given().auth().oauth2(analyst).get("/admin/sightings").then().statusCode(403);
        PagesTest.Csrf csrf = PagesTest.csrf("/admin/sightings");
        given().auth().oauth2(analyst).cookies(csrf.cookies()).redirects().follow(false)
                .formParam("csrf-token", csrf.token()).formParam("member", SightingMembers.IDS.get("sc"))
                .formParam("enabled", "true").post("/admin/sightings/enabled").then().statusCode(403);
        assertThat(given().auth().oauth2(analyst).get("/search").then().extract().asString())
                .doesNotContain("/admin/sightings");
    }

    @Test
    void aResultRowCarriesTheButtonAndItsAnswerNamesEachMember() {
        String analyst = user();
        PagesTest.Csrf csrf = PagesTest.csrf("/search");
        String results = given().auth().oauth2(analyst).cookies(csrf.cookies()).formParam("csrf-token", csrf.token())
                .formParam("values", SightingMembers.SHARED).post("/search").then().statusCode(200).extract()
                .asString();
        assertThat(results).contains("action=\"/sightings\"").contains("name=\"family\" value=\"ip\"")
                .contains("name=\"value\" value=\"" + SightingMembers.SHARED + "\"")
                .contains(">We saw this too</button>");

        String en = given().auth().oauth2(analyst).cookies(csrf.cookies()).formParam("csrf-token", csrf.token())
                .formParam("family", "ip").formParam("value", SightingMembers.SHARED).post("/sightings").then()
                .statusCode(200).extract().asString();
        assertThat(en).contains("<h1>Sighting sent</h1>").contains("as &quot;Alliance Search Portal&quot;")
                .contains("1 sent, 1 refused, 1 failed, 1 skipped")
                .contains("refused: the member&#39;s key may not add sightings")
                .contains("skipped: the member does not accept sightings").contains("failed: no answer within")
                .contains(SightingMembers.ATTR_2);
        assertThat(SightingMembers.SERVERS.get("sc").findAll(postRequestedFor(urlPathEqualTo("/sightings/add"))))
                .isEmpty();

        String ja = given().auth().oauth2(analyst).header("Accept-Language", "ja").cookies(csrf.cookies())
                .formParam("csrf-token", csrf.token()).formParam("family", "ip")
                .formParam("value", SightingMembers.SHARED).post("/sightings").then().statusCode(200).extract()
                .asString();
        assertThat(ja).contains("<h1>サイティングの送信結果</h1>").contains("送信済み").contains("拒否")
                .contains("対象外");

        // a hidden record: nothing sent, said on the page with 404
        Response hidden = given().auth().oauth2(analyst).cookies(csrf.cookies()).formParam("csrf-token", csrf.token())
                .formParam("family", "ip").formParam("value", SightingMembers.HIDDEN).post("/sightings");
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.asString()).contains("id=\"sighting-error\"").contains("nothing was sent");
        // without the CSRF token: refused before any search
        assertThat(given().auth().oauth2(analyst).formParam("family", "ip")
                .formParam("value", SightingMembers.SHARED).post("/sightings").statusCode()).isIn(400, 403);
        assertThat(SightingMembers.SERVERS.get("sa").findAll(postRequestedFor(urlPathEqualTo("/sightings/add"))))
                .hasSize(2);
    }

    @Test
    void sightingsFromMembersStillCountInTheSummaryShown() {
        SearchMembers.ensure();
        PagesTest.Csrf csrf = PagesTest.csrf("/search");
        String page = given().auth().oauth2(user()).cookies(csrf.cookies()).formParam("csrf-token", csrf.token())
                .formParam("values", MispMembers.SIGHTED).post("/search").then().statusCode(200).extract().asString();
        // org-a, the creator, reports 3 type-0 sightings; org-b's forged 500 do not inflate it
        assertThat(page).contains("3 sightings (+").doesNotContain("500 sightings");
    }

    @Test
    void bothLanguagesHaveEveryText() throws IOException {
        Set<String> methods = Arrays.stream(SightingMessages.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toSet());
        Properties en = load("sighting_en.properties");
        Properties ja = load("sighting_ja.properties");
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(methods);
        assertThat(ja.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(methods);
        for (String key : methods) {
            assertThat(ja.getProperty(key)).as(key).isNotBlank();
            assertThat(params(ja.getProperty(key))).as(key).isEqualTo(params(en.getProperty(key)));
        }
    }

    private static Properties load(String name) throws IOException {
        Properties props = new Properties();
        try (InputStream in = SightingPagesTest.class.getResourceAsStream("/messages/" + name)) {
            props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return props;
    }

    private static Set<String> params(String message) {
        return java.util.regex.Pattern.compile("\\{(\\w+)\\}").matcher(message).results().map(m -> m.group(1))
                .collect(Collectors.toSet());
    }
}
