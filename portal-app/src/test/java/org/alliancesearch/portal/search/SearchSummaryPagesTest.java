package org.alliancesearch.portal.search;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.alliancesearch.portal.common.PagesTest;
import org.alliancesearch.portal.search.support.MispMembers;
import org.alliancesearch.portal.search.support.SearchMembers;
import org.alliancesearch.portal.testsupport.Tokens;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** The summary first on the result page, in both languages, and the extraction step for pasted text. */
@QuarkusTest
class SearchSummaryPagesTest {
    private PagesTest.Csrf csrf;

    @BeforeEach
    void setUp() {
        SearchMembers.ensure();
        csrf = PagesTest.csrf("/search");
    }

    private RequestSpecification form(String language) {
        return given().auth().oauth2(Tokens.token("sally", "org-a", List.of("member"))).cookies(csrf.cookies())
                .header("Accept-Language", language).formParam("csrf-token", csrf.token()).redirects().follow(false);
    }

    @Test
    void theSummaryComesBeforeTheTableWithAColouredScorePerValue() {
        // (the test members answer one stubbed value per request, so the pivot is searched on its own below)
        String html = form("en").formParam("values", "198.51.100.7\n185.220.101.77").formParam("action", "search")
                .post("/search").then().statusCode(200).extract().asString();
        Document page = Jsoup.parse(html);
        Element summary = page.getElementById("summary-table");
        assertThat(summary).as(html).isNotNull();
        assertThat(html.indexOf("id=\"summary-table\"")).isLessThan(html.indexOf("id=\"result-table\""));
        List<String> values = summary.select("tbody tr").eachAttr("data-value");
        assertThat(values).containsExactly("198.51.100.7", "185.220.101.77");
        Element nobody = summary.selectFirst("tr[data-value=185.220.101.77]");
        assertThat(nobody.hasClass("score-none")).isTrue();
        // other tests leave failing members registered: then "not found" is said of the members that answered
        assertThat(nobody.text()).containsAnyOf("Not found in any member", "Not found in the members that answered");
        Element documentation = summary.selectFirst("tr[data-value=198.51.100.7]");
        // a warninglisted value is shown as benign, whatever its holders
        assertThat(documentation.selectFirst("span.score").hasClass("score-benign")).isTrue();
        assertThat(documentation.text()).contains("2 organisations: org-a, org-b")
                .contains("On a warninglist (known benign): List of RFC 5735 CIDR blocks");
        String pivot = form("en").formParam("values", "https://hostile.example/x").formParam("action", "search")
                .post("/search").then().statusCode(200).extract().asString();
        Element pivotSummary = Jsoup.parse(pivot).getElementById("summary-table");
        assertThat(pivotSummary.select("tbody tr").eachAttr("data-value")).containsExactly("https://hostile.example/x",
                "hostile.example");
        Element host = pivotSummary.selectFirst("tr[data-value=hostile.example]");
        assertThat(host.text()).contains("Host of https://hostile.example/x").contains("1 organisation: org-a");
        // the member's markup in a tag is text, never markup
        assertThat(pivot).doesNotContain("<img src=x");
    }

    @Test
    void theSummaryIsInJapanese() {
        String html = form("ja").formParam("values", "185.220.101.77\n8.8.8.8").formParam("action", "search")
                .post("/search").then().statusCode(200).extract().asString();
        Element summary = Jsoup.parse(html).getElementById("summary-table");
        assertThat(summary).as(html).isNotNull();
        assertThat(summary.text()).containsAnyOf("どのメンバーにも見つかりません", "応答したメンバーには見つかりません")
                .contains("警告リスト（既知の無害な値）: List of known IPv4 public DNS resolvers");
    }

    @Test
    void pastedTextInTheValuesBoxTurnsIntoTheExtractionStepAndIsSentToNobody() {
        String sentence = "the actor used 198.51.100.7 and bad-cdn[.]net for command and control";
        String html = form("en").formParam("values", "185.220.101.77\n" + sentence).formParam("action", "search")
                .post("/search").then().statusCode(200).extract().asString();
        Document page = Jsoup.parse(html);
        assertThat(page.getElementById("extracted")).as(html).isNotNull();
        assertThat(page.select("#extracted input[name=pick][checked]").eachAttr("value"))
                .containsExactly("198.51.100.7", "bad-cdn.net");
        assertThat(page.getElementById("values").text()).isEqualTo("185.220.101.77");
        assertThat(page.text()).contains("nothing was sent to the members");
        for (String org : List.of("org-a", "org-b", "org-c")) {
            assertThat(MispMembers.SERVERS.get(org).findAll(postRequestedFor(urlPathEqualTo("/attributes/restSearch"))
                    .withRequestBody(containing("command and control")))).isEmpty();
        }
        // with the script, the stream says to show that step instead of a result
        String stream = form("en").formParam("values", sentence).post("/search/stream").then().statusCode(200)
                .extract().asString();
        assertThat(stream).contains("\"type\":\"extract\"");
    }
}
