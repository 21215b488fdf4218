package org.alliancesearch.portal.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.alliancesearch.portal.testsupport.ClockMinute;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The test profile allows 25 searches per user and minute. */
@QuarkusTest
class RateLimitTest {
    @Test
    void theSearchAfterTheLimitGets429WithRetryAfter() throws InterruptedException {
        ClockMinute.startWithSecondsAhead(20);
        String rita = Tokens.token("rita", "org-a", List.of("member"));
        for (int i = 0; i < 25; i++) {
            given().auth().oauth2(rita).contentType(ContentType.JSON).body("{\"values\":[\"192.0.2." + i + "\"]}")
                    .post("/api/v1/search").then().statusCode(200);
        }
        given().auth().oauth2(rita).contentType(ContentType.JSON).body("{\"values\":[\"192.0.2.99\"]}")
                .post("/api/v1/search").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]?"))
                .body("status", equalTo(429)).body("detail", containsString("25"));
        // Japanese too
        given().auth().oauth2(rita).contentType(ContentType.JSON).header("Accept-Language", "ja")
                .body("{\"values\":[\"192.0.2.99\"]}").post("/api/v1/search").then().statusCode(429)
                .body("detail", containsString("1 分間に 25 回まで"));
        // the pages say it in words, and the live stream too
        var csrf = org.alliancesearch.portal.common.PagesTest.csrf("/search");
        String page = given().auth().oauth2(rita).cookies(csrf.cookies()).formParam("csrf-token", csrf.token())
                .formParam("values", "192.0.2.99").post("/search").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue()).extract().asString();
        org.assertj.core.api.Assertions.assertThat(page).contains("You started more than 25 searches in a minute");
        String stream = given().auth().oauth2(rita).cookies(csrf.cookies()).formParam("csrf-token", csrf.token())
                .formParam("values", "192.0.2.99").post("/search/stream").then().statusCode(200).extract()
                .asString();
        org.assertj.core.api.Assertions.assertThat(stream).contains("\"type\":\"error\"")
                .contains("You started more than 25 searches in a minute");
        // another user is not affected
        given().auth().oauth2(Tokens.token("rudi", "org-a", List.of("member"))).contentType(ContentType.JSON)
                .body("{\"values\":[\"192.0.2.99\"]}").post("/api/v1/search").then().statusCode(200);
        // a rejected request is not a search: nothing is audited for it
    }
}
