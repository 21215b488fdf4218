package org.alliancesearch.portal.extract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.alliancesearch.portal.testsupport.ClockMinute;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** {@code POST /api/v1/extract} with the production address rule: loopback is refused, text is read. */
@QuarkusTest
class ExtractApiTest {
    static WireMockServer web;

    @BeforeAll
    static void start() {
        web = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        web.start();
        web.stubFor(get(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody("<p>185.220.101[.]77</p>")));
    }

    @AfterAll
    static void stop() {
        web.stop();
    }

    private static Response post(String token, String language, Map<String, Object> body) {
        return given().auth().oauth2(token).header("Accept-Language", language).contentType(ContentType.JSON)
                .body(body).post("/api/v1/extract");
    }

    private static String member(String name) {
        return Tokens.token(name, name + "-subject-" + System.nanoTime(), "org-a", List.of("member"));
    }

    @Test
    void textIsReadWithDefangedIndicators() {
        Response r = post(Tokens.alice(), "en",
                Map.of("text", "Beacon to hxxp://evil[.]example/a from 1.2.3[.]4; CVE-2026-1234 again 1.2.3.4"));
        r.then().statusCode(200).contentType(ContentType.JSON);
        assertThat(r.jsonPath().getList("indicators.value")).containsExactly("http://evil.example/a", "1.2.3.4",
                "CVE-2026-1234");
        assertThat(r.jsonPath().getString("indicators[1].type")).isEqualTo("ip-dst");
        assertThat(r.jsonPath().getString("source.type")).isEqualTo("text");
        assertThat(r.jsonPath().getInt("source.chars")).isPositive();
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void theProductionRuleRefusesLoopbackInBothLanguages() {
        int before = web.getAllServeEvents().size();
        Response en = post(member("lena"), "en", Map.of("url", web.baseUrl() + "/report.html?token=secret"));
        en.then().statusCode(422).contentType("application/problem+json");
        assertThat(en.jsonPath().getString("type")).endsWith("/url-refused");
        assertThat(en.jsonPath().getString("errors[0].field")).isEqualTo("url");
        assertThat(en.jsonPath().getString("errors[0].code")).isEqualTo("url.private-address");
        assertThat(en.jsonPath().getString("detail")).contains("localhost").contains("not on a public address")
                .contains("loopback").doesNotContain("secret");
        Response ja = post(member("lena"), "ja", Map.of("url", "http://localhost:" + web.port() + "/"));
        ja.then().statusCode(422);
        assertThat(ja.jsonPath().getString("errors[0].code")).isEqualTo("url.private-address");
        assertThat(ja.jsonPath().getString("detail")).contains("公開アドレスではありません");
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/",
                "http://[::ffff:127.0.0.1]:" + web.port() + "/", "http://[::1]:" + web.port() + "/")) {
            Response r = post(member("lena"), "en", Map.of("url", url));
            assertThat(r.statusCode()).as(url).isEqualTo(422);
            assertThat(r.jsonPath().getString("errors[0].code")).as(url).isEqualTo("url.private-address");
        }
        // nothing reached the server
        assertThat(web.getAllServeEvents()).hasSize(before);
        web.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void badRequestsAre400WithAStableCode() {
        Map<String, String> cases = Map.of("ftp://example.org/r.txt", "url.scheme", "file:///etc/passwd",
                "url.scheme", "http://user:pw@example.org/", "url.userinfo", "not a url", "url.invalid");
        cases.forEach((url, code) -> {
            Response r = post(Tokens.alice(), "en", Map.of("url", url));
            assertThat(r.statusCode()).as(url).isEqualTo(400);
            assertThat(r.jsonPath().getString("errors[0].code")).as(url).isEqualTo(code);
        });
        Response both = post(Tokens.alice(), "en", Map.of("url", "https://example.org/", "text", "1.2.3.4"));
        both.then().statusCode(400);
        assertThat(both.jsonPath().getString("errors[0].code")).isEqualTo("extract.url-or-text");
        post(Tokens.alice(), "en", Map.of()).then().statusCode(400);
    }

    @Test
    void fetchesHaveTheirOwnRateLimit() throws InterruptedException {
        // the eleven calls must share one clock minute
        ClockMinute.startWithSecondsAhead(15);
        String token = member("rita");
        for (int i = 0; i < 10; i++) {
            post(token, "en", Map.of("url", "http://10.0.0.1/")).then().statusCode(422);
        }
        Response limited = post(token, "en", Map.of("url", "http://10.0.0.1/"));
        limited.then().statusCode(429);
        assertThat(limited.jsonPath().getString("errors[0].code")).isEqualTo("url.rate-limited");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
        // text is not counted, nor is another user
        post(token, "en", Map.of("text", "1.2.3.4")).then().statusCode(200);
        post(member("rita"), "en", Map.of("url", "http://10.0.0.1/")).then().statusCode(422);
    }

    @Test
    void signInIsRequired() {
        given().contentType(ContentType.JSON).body(Map.of("text", "1.2.3.4")).post("/api/v1/extract").then()
                .statusCode(401);
    }
}
