package org.alliancesearch.portal.warninglist;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.inject.Inject;

import org.alliancesearch.portal.common.PagesTest;
import org.alliancesearch.portal.testsupport.Db;
import org.alliancesearch.portal.testsupport.Tokens;
import org.alliancesearch.portal.warninglist.service.ActiveWarninglists;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;

/** The warninglist admin page: both languages, a switch through the form, an upload refused with its reason. */
@QuarkusTest
class WarninglistPagesTest {
    static final String RESOLVERS = "List of known IPv4 public DNS resolvers";

    @Inject
    ActiveWarninglists active;

    @AfterEach
    void bundledAgain() throws Throwable {
        Db.update("delete from warninglist_setting");
        VertxContextSupport.subscribeAndAwait(() -> active.refresh());
    }

    @Test
    void theTableInBothLanguagesAndTheNavigationLink() {
        String en = given().auth().oauth2(Tokens.admin()).get("/admin/warninglists").then().statusCode(200).extract()
                .asString();
        assertThat(en).contains("<h1>Warninglists</h1>").contains(RESOLVERS).contains("href=\"/admin/warninglists\"")
                .contains("enctype=\"multipart/form-data\"").contains(">Disable</button>");
        String ja = given().auth().oauth2(Tokens.admin()).header("Accept-Language", "ja").get("/admin/warninglists")
                .then().statusCode(200).extract().asString();
        assertThat(ja).contains("<h1>ワーニングリスト</h1>").contains("無効にする").contains("同梱");
        given().auth().oauth2(Tokens.token("wanda", "org-a", List.of("member"))).get("/admin/warninglists").then()
                .statusCode(403);
        assertThat(given().auth().oauth2(Tokens.token("wanda", "org-a", List.of("member"))).get("/search").then()
                .extract().asString()).doesNotContain("/admin/warninglists");
    }

    @Test
    void aListIsSwitchedOffThroughTheForm() {
        PagesTest.Csrf csrf = PagesTest.csrf("/admin/warninglists");
        Response sent = given().auth().oauth2(Tokens.admin()).cookies(csrf.cookies()).redirects().follow(false)
                .formParam("csrf-token", csrf.token()).formParam("name", RESOLVERS).formParam("enabled", "false")
                .post("/admin/warninglists/enabled");
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.header("Location")).endsWith("/admin/warninglists?flash=warninglist-disabled");
        String page = given().auth().oauth2(Tokens.admin()).get("/admin/warninglists?flash=warninglist-disabled").then()
                .statusCode(200).extract().asString();
        assertThat(page).contains("The list is disabled.");
        int row = page.indexOf(RESOLVERS);
        assertThat(page.substring(row, page.indexOf("</tr>", row))).contains(">disabled<").contains(">Enable</button>");
    }

    @Test
    void aBadUploadIsRefusedOnThePageAndChangesNothing() {
        PagesTest.Csrf csrf = PagesTest.csrf("/admin/warninglists");
        Response refused = given().auth().oauth2(Tokens.admin()).cookies(csrf.cookies()).redirects().follow(false)
                .multiPart("csrf-token", csrf.token())
                .multiPart("file", "list.json", "{\"name\":\"x\"".getBytes(StandardCharsets.UTF_8), "application/json")
                .post("/admin/warninglists/upload");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("id=\"wl-error\"").contains("Not a usable MISP warninglist")
                .contains("Nothing was changed.");

        String good = "{\"name\":\"Page upload list\",\"description\":\"d\",\"version\":3,\"type\":\"string\","
                + "\"category\":\"known\",\"list\":[\"a\",\"b\"]}";
        Response uploaded = given().auth().oauth2(Tokens.admin()).cookies(csrf.cookies()).redirects().follow(false)
                .multiPart("csrf-token", csrf.token())
                .multiPart("file", "list.json", good.getBytes(StandardCharsets.UTF_8), "application/json")
                .post("/admin/warninglists/upload");
        assertThat(uploaded.statusCode()).isEqualTo(303);
        assertThat(given().auth().oauth2(Tokens.admin()).get("/admin/warninglists").then().extract().asString())
                .contains("Page upload list").contains(">Back to bundled</button>");
    }
}
