package org.alliancesearch.portal.preferences;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alliancesearch.portal.search.support.MispMembers;
import org.alliancesearch.portal.search.support.SearchMembers;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Pages show times in the reader's zone (Japanese pages in Japan's time by default); the APIs stay in UTC. */
@QuarkusTest
class TimeZonePagesTest {
    static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    static final Pattern SHOWN = Pattern.compile("<time datetime=\"([^\"]+)\"[^>]*>([^<]+)</time>");
    static String token;

    @BeforeEach
    void oneSearch() {
        if (token != null) {
            return;
        }
        SearchMembers.ensure();
        token = Tokens.token("zoe", "org-a", List.of("member"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"values\":[\"" + MispMembers.OVERLAP + "\"]}").post("/api/v1/search").then().statusCode(200);
    }

    /** The first time on the history page: its ISO value and how it is shown. */
    static String[] firstTime(String html) {
        Matcher m = SHOWN.matcher(html);
        assertThat(m.find()).as("a <time> on the page").isTrue();
        return new String[]{m.group(1), m.group(2)};
    }

    @Test
    void japanesePagesShowJapansTimeAndEnglishPagesUtc() {
        String ja = given().auth().oauth2(token).header("Accept-Language", "ja").get("/history").then()
                .statusCode(200).extract().asString();
        String[] jaTime = firstTime(ja);
        assertThat(jaTime[1]).endsWith(" JST (+09:00)");
        assertThat(ja).contains("href=\"/preferences\"").contains(">Asia/Tokyo</a>");
        String en = given().auth().oauth2(token).get("/history").then().statusCode(200).extract().asString();
        String[] enTime = firstTime(en);
        assertThat(enTime[1]).endsWith(" UTC");
        assertThat(enTime[0]).isEqualTo(jaTime[0]).endsWith("Z");
        // the same moment: nine hours apart on the clock
        int jaHour = hour(jaTime[1]);
        int enHour = hour(enTime[1]);
        assertThat((enHour + 9) % 24).isEqualTo(jaHour);
    }

    static int hour(String shown) {
        Matcher m = Pattern.compile("(\\d{1,2}):\\d{2}").matcher(shown);
        assertThat(m.find()).isTrue();
        int h = Integer.parseInt(m.group(1));
        if (shown.contains("PM") && h != 12) {
            h += 12;
        } else if (shown.contains("AM") && h == 12) {
            h = 0;
        }
        return h;
    }

    @Test
    void aChosenZoneIsKeptAndHonouredByEveryPageWhileTheApiStaysUtc() {
        Response form = given().auth().oauth2(token).get("/preferences");
        assertThat(form.statusCode()).isEqualTo(200);
        Matcher csrf = CSRF.matcher(form.asString());
        assertThat(csrf.find()).isTrue();
        assertThat(form.asString()).contains("<option value=\"Europe/Berlin\">");

        Response saved = given().auth().oauth2(token).cookies(form.cookies()).redirects().follow(false)
                .formParam("csrf-token", csrf.group(1)).formParam("zone", "Europe/Berlin").post("/preferences");
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.header("Location")).endsWith("/preferences?flash=preferences-saved");
        // sent back as the browser got it (quoted: the value holds a slash)
        String zone = saved.getCookie("alliance-tz");
        assertThat(zone.replace("\"", "")).isEqualTo("Europe/Berlin");
        assertThat(saved.getDetailedCookie("alliance-tz").isHttpOnly()).isTrue();

        for (String language : new String[]{"en", "ja"}) {
            String page = given().auth().oauth2(token).cookie("alliance-tz", zone).header("Accept-Language", language)
                    .get("/history").then().statusCode(200).extract().asString();
            assertThat(firstTime(page)[1]).matches(".* (CET \\(\\+01:00\\)|CEST \\(\\+02:00\\))");
            assertThat(page).contains(">Europe/Berlin</a>");
        }
        // the API answers in UTC whatever the page preference
        String at = given().auth().oauth2(token).cookie("alliance-tz", zone).header("Accept-Language", "ja")
                .get("/api/v1/me/history").then().statusCode(200).extract().path("entries[0].searchedAt");
        assertThat(at).endsWith("Z");

        // an empty choice goes back to the language's default
        Response reset = given().auth().oauth2(token).cookies(form.cookies()).cookie("alliance-tz", zone)
                .redirects().follow(false).formParam("csrf-token", csrf.group(1)).formParam("zone", "")
                .post("/preferences");
        assertThat(reset.statusCode()).isEqualTo(303);
        assertThat(reset.getDetailedCookie("alliance-tz").getMaxAge()).isZero();
    }

    @Test
    void anUnknownZoneIsRefusedWithAMessageAndChangesNothing() {
        Response form = given().auth().oauth2(token).get("/preferences");
        Matcher csrf = CSRF.matcher(form.asString());
        assertThat(csrf.find()).isTrue();
        Response refused = given().auth().oauth2(token).cookies(form.cookies()).header("Accept-Language", "en")
                .redirects().follow(false).formParam("csrf-token", csrf.group(1))
                .formParam("zone", "Mars/Olympus_Mons").post("/preferences");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("Not a time zone this portal knows");
        assertThat(refused.getCookie("alliance-tz")).isNull();
        // a forged cookie is ignored, not a failure
        String page = given().auth().oauth2(token).cookie("alliance-tz", "<script>").get("/history").then()
                .statusCode(200).extract().asString();
        assertThat(firstTime(page)[1]).endsWith(" UTC");
        assertThat(page).doesNotContain("<script>");
    }
}
