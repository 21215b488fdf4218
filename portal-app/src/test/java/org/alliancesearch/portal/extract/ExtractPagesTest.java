package org.alliancesearch.portal.extract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.alliancesearch.portal.common.PagesTest;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The search page's "Report URL" and the API, fetching from a WireMock server on loopback (allowed by
 * {@link LoopbackFetchProfile} only): indicators ticked with the page's title and URL, refusals with their reason, in
 * English and Japanese.
 */
@QuarkusTest
@TestProfile(LoopbackFetchProfile.class)
class ExtractPagesTest {
    static WireMockServer web;
    private PagesTest.Csrf csrf;

    @BeforeAll
    static void start() throws Exception {
        web = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        web.start();
        web.stubFor(get("/report.html").willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody(ReportFetcherTest.HTML.replace("Campaign &lt;Shadow&gt; report",
                        "Campaign &lt;script&gt;alert(1)&lt;/script&gt; report"))));
        web.stubFor(get("/advisory.pdf").willReturn(aResponse().withHeader("Content-Type", "application/pdf")
                .withBody(ReportFetcherTest.pdf())));
        web.stubFor(get("/empty.txt").willReturn(aResponse().withHeader("Content-Type", "text/plain")
                .withBody("nothing to see")));
        web.stubFor(get("/big").willReturn(aResponse().withHeader("Content-Type", "text/plain")
                .withBody(new byte[6 * 1024 * 1024])));
        web.stubFor(get("/image.png").willReturn(aResponse().withHeader("Content-Type", "image/png")
                .withBody(new byte[]{1, 2, 3})));
        web.stubFor(get("/to-private").willReturn(aResponse().withStatus(302).withHeader("Location",
                "http://10.0.0.1/")));
        web.stubFor(get("/to-metadata").willReturn(aResponse().withStatus(301).withHeader("Location",
                "http://169.254.169.254/latest/meta-data/iam/")));
        for (int i = 1; i <= 4; i++) {
            web.stubFor(get("/c" + i).willReturn(aResponse().withStatus(302).withHeader("Location",
                    i == 4 ? "/report.html" : "/c" + (i + 1))));
        }
        web.stubFor(get("/gone").willReturn(aResponse().withStatus(410)));
    }

    @AfterAll
    static void stop() {
        web.stop();
    }

    @BeforeEach
    void setUp() {
        csrf = PagesTest.csrf("/search");
    }

    private RequestSpecification form(String language) {
        return given().auth().oauth2(Tokens.token("fiona", "fiona-" + System.nanoTime(), "org-a",
                List.of("member"))).cookies(csrf.cookies()).header("Accept-Language", language)
                .formParam("csrf-token", csrf.token()).redirects().follow(false);
    }

    private String url(String path) {
        return web.baseUrl() + path;
    }

    @Test
    void theSearchPageOffersAReportUrlField() {
        String en = given().auth().oauth2(Tokens.alice()).get("/search").then().statusCode(200).extract().asString();
        assertThat(en).contains("<label for=\"url\">Or give a report&#39;s URL</label>")
                .contains("name=\"action\" value=\"fetch\"").contains("Fetch and extract");
        String ja = given().auth().oauth2(Tokens.alice()).header("Accept-Language", "ja").get("/search").then()
                .statusCode(200).extract().asString();
        assertThat(ja).contains("またはレポートの URL を指定").contains("取得して抽出");
    }

    @Test
    void aFetchedReportShowsItsIndicatorsTickedWithTitleAndUrl() {
        String html = form("en").formParam("url", url("/report.html")).formParam("action", "fetch").post("/search")
                .then().statusCode(200).extract().asString();
        assertThat(html).contains("Indicators found in the text")
                .contains("name=\"pick\" value=\"https://cdn-update.example-bad.com/gate.php\" checked")
                .contains("name=\"pick\" value=\"185.220.101.77\" checked")
                .contains("name=\"pick\" value=\"3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea\"")
                .contains("Read from " + url("/report.html"))
                // the page's title is the page author's text: escaped
                .contains("Title: Campaign &lt;script&gt;alert(1)&lt;/script&gt; report")
                .doesNotContain("<script>alert(1)").doesNotContain("9.9.9.9")
                // the URL stays in its field
                .contains("value=\"" + url("/report.html") + "\"");

        String ja = form("ja").formParam("url", url("/advisory.pdf")).formParam("action", "fetch").post("/search")
                .then().statusCode(200).extract().asString();
        assertThat(ja).contains("テキストから見つかった指標").contains(url("/advisory.pdf") + " から読み取りました")
                .contains("タイトル: Advisory ASP-2026-12")
                .contains("name=\"pick\" value=\"45.33.32.156\" checked")
                .contains("name=\"pick\" value=\"http://update-check.net/gate.php\" checked");
    }

    @Test
    void enterInTheUrlFieldFetches() {
        // the first button of the form (search) is what Enter sends
        String html = form("en").formParam("url", url("/report.html")).formParam("action", "search")
                .post("/search").then().statusCode(200).extract().asString();
        assertThat(html).contains("name=\"pick\" value=\"185.220.101.77\" checked");
    }

    @Test
    void refusalsAreShownWithTheirReasonInEnglish() {
        Map<String, String> expected = Map.of(
                "/to-private", "The host 10.0.0.1 is not on a public address (private)",
                "/to-metadata", "The host 169.254.169.254 is not on a public address (metadata)",
                "/big", "is larger than 5 MB",
                "/image.png", "is image/png: only HTML, plain text and PDF can be read",
                "/c1", "redirected more than 3 times",
                "/gone", "answered with HTTP status 410");
        expected.forEach((path, text) -> {
            Response r = form("en").formParam("url", url(path)).formParam("action", "fetch").post("/search");
            assertThat(r.statusCode()).as(path).isEqualTo(422);
            assertThat(r.asString()).as(path).contains(text).doesNotContain("name=\"pick\"");
        });
        Response scheme = form("en").formParam("url", "file:///etc/passwd").formParam("action", "fetch")
                .post("/search");
        assertThat(scheme.statusCode()).isEqualTo(400);
        assertThat(scheme.asString()).contains("Only http and https URLs can be fetched.");
    }

    @Test
    void refusalsAreShownWithTheirReasonInJapanese() {
        Map<String, String> expected = Map.of(
                "/to-private", "ホスト 10.0.0.1 は公開アドレスではありません（private）",
                "/big", "5 MB を超えています",
                "/image.png", "image/png です。読み取れるのは HTML・テキスト・PDF だけです",
                "/c1", "リダイレクトが 3 回を超えました",
                "/gone", "HTTP ステータス 410 を返しました");
        expected.forEach((path, text) -> {
            Response r = form("ja").formParam("url", url(path)).formParam("action", "fetch").post("/search");
            assertThat(r.statusCode()).as(path).isEqualTo(422);
            assertThat(r.asString()).as(path).contains(text);
        });
    }

    @Test
    void aReportWithoutIndicatorsSaysSo() {
        String html = form("en").formParam("url", url("/empty.txt")).formParam("action", "fetch").post("/search")
                .then().statusCode(200).extract().asString();
        assertThat(html).contains("No indicator was found in the report.");
    }

    @Test
    void theApiReadsTheReportAndNamesItsSource() {
        Response r = given().auth().oauth2(Tokens.alice()).contentType(ContentType.JSON)
                .body(Map.of("url", url("/c2"))).post("/api/v1/extract");
        r.then().statusCode(200);
        assertThat(r.jsonPath().getList("indicators.value")).contains("185.220.101.77",
                "https://cdn-update.example-bad.com/gate.php");
        assertThat(r.jsonPath().getString("source.type")).isEqualTo("url");
        assertThat(r.jsonPath().getString("source.url")).isEqualTo(url("/c2"));
        assertThat(r.jsonPath().getString("source.finalUrl")).isEqualTo(url("/report.html"));
        assertThat(r.jsonPath().getInt("source.redirects")).isEqualTo(3);
        assertThat(r.jsonPath().getString("source.host")).isEqualTo("localhost");
        assertThat(r.jsonPath().getString("source.contentType")).isEqualTo("text/html");
        assertThat(r.jsonPath().getString("source.title")).isEqualTo("Campaign <script>alert(1)</script> report");

        Response big = given().auth().oauth2(Tokens.alice()).contentType(ContentType.JSON)
                .body(Map.of("url", url("/big"))).post("/api/v1/extract");
        big.then().statusCode(422).contentType("application/problem+json");
        assertThat(big.jsonPath().getString("errors[0].code")).isEqualTo("url.too-large");
        Response metadata = given().auth().oauth2(Tokens.alice()).contentType(ContentType.JSON)
                .body(Map.of("url", url("/to-metadata"))).post("/api/v1/extract");
        assertThat(metadata.jsonPath().getString("errors[0].code")).isEqualTo("url.private-address");
        Response png = given().auth().oauth2(Tokens.alice()).contentType(ContentType.JSON)
                .body(Map.of("url", url("/image.png"))).post("/api/v1/extract");
        assertThat(png.jsonPath().getString("errors[0].code")).isEqualTo("url.unsupported-type");
        Response redirects = given().auth().oauth2(Tokens.alice()).contentType(ContentType.JSON)
                .body(Map.of("url", url("/c1"))).post("/api/v1/extract");
        assertThat(redirects.jsonPath().getString("errors[0].code")).isEqualTo("url.redirects");
        Response gone = given().auth().oauth2(Tokens.alice()).contentType(ContentType.JSON)
                .body(Map.of("url", url("/gone"))).post("/api/v1/extract");
        assertThat(gone.jsonPath().getString("errors[0].code")).isEqualTo("url.http-error");
    }
}
