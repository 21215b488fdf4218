package org.alliancesearch.portal.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.alliancesearch.portal.common.PagesTest;
import org.alliancesearch.portal.search.support.MispMembers;
import org.alliancesearch.portal.search.support.SearchMembers;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The search page: without JavaScript (whole answer), the live stream, escaping, languages and exports. */
@QuarkusTest
class SearchPagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private PagesTest.Csrf csrf;

    @BeforeEach
    void setUp() {
        SearchMembers.ensure();
        csrf = PagesTest.csrf("/search");
    }

    private RequestSpecification form(String user) {
        return given().auth().oauth2(Tokens.token(user, "org-a", List.of("member"))).cookies(csrf.cookies())
                .formParam("csrf-token", csrf.token()).redirects().follow(false);
    }

    @Test
    void theSearchPageRendersWithoutInlineScript() {
        Response page = given().auth().oauth2(Tokens.alice()).get("/search");
        page.then().statusCode(200);
        String html = page.asString();
        assertThat(html).contains("Search the alliance").contains("name=\"csrf-token\"")
                .contains("<script src=\"/js/search.js\" defer></script>").doesNotContain("style=")
                .doesNotContain("onclick").contains("/css/search.css");
        assertThat(html.split("<script", -1)).hasSize(2); // the one external script, nothing inline
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");
        given().auth().oauth2(Tokens.alice()).get("/js/search.js").then().statusCode(200);
    }

    @Test
    void withoutJavaScriptTheWholeMergedResultIsRendered() {
        String html = form("paula").formParam("values", "198.51.100[.]7").formParam("action", "search")
                .post("/search").then().statusCode(200).extract().asString();
        assertThat(html).contains("Seen by 2 organisations")
                .contains("<span class=\"badge org\"><bdi>org-a</bdi></span>")
                .contains("<span class=\"badge org\"><bdi>org-b</bdi></span>").contains("chip tlp tlp-amber")
                .contains(MispMembers.url("org-b") + "/events/view/" + MispMembers.EVENT_B).contains("via MISP org-b")
                .contains("MISP org-c: 0 records in").doesNotContain("Secret C")
                .contains("action=\"/search/export\"").contains("value=\"stix\"")
                .contains(
                        "1 indicators from 3 records (1 synchronised copies merged)")
                .doesNotContain("removed by");
    }

    @Test
    void membersThatDidNotAnswerAreNamedWithTheReason() {
        String html = form("paula").formParam("values", MispMembers.PARTLY_FAILING).post("/search").then()
                .statusCode(200).extract().asString();
        assertThat(html).contains("members did not answer:").contains("MISP org-c refused the portal&#39;s API key")
                .contains("MISP org-b failed:").contains(MispMembers.PARTLY_FAILING);
        // the heading counts the members that answered, not the replies
        java.util.regex.Matcher heading = java.util.regex.Pattern
                .compile("<p class=\"progress\">(\\d+) of (\\d+) members answered</p>").matcher(html);
        assertThat(heading.find()).as(html).isTrue();
        int answered = html.split("<li class=\"chip status-ok\"", -1).length - 1
                + html.split("<li class=\"chip status-partial\"", -1).length - 1;
        assertThat(Integer.parseInt(heading.group(1))).isEqualTo(answered);
        assertThat(Integer.parseInt(heading.group(2))).isGreaterThanOrEqualTo(answered + 2);
    }

    @Test
    void aTimeoutIsSaidInWords() {
        String html = form("paula").formParam("values", MispMembers.SLOW).post("/search").then().statusCode(200)
                .extract().asString();
        assertThat(html).containsPattern("did not answer: (.*; )?MISP org-c timed out after \\d+(\\.\\d)? s");
    }

    @Test
    void noMatchIsAClearEmptyState() {
        String html = form("paula").formParam("values", "192.0.2.200").post("/search").then().statusCode(200)
                .extract().asString();
        assertThat(html).contains("No member has this.");
    }

    @Test
    void hostileMemberContentIsEscaped() {
        String html = form("paula").formParam("values", MispMembers.HOSTILE).post("/search").then().statusCode(200)
                .extract().asString();
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<b>bold</b>").doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(&#39;info&#39;)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;")
                .contains("&lt;img src=x onerror=alert(&#39;tag&#39;)&gt;")
                // member text is isolated, so a right-to-left override in it cannot reorder what follows
                .contains("<bdi>&lt;script&gt;alert(&#39;info&#39;)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;</bdi>")
                .contains("<span class=\"tag\"><bdi>&lt;img src=x onerror=alert(&#39;tag&#39;)&gt;</bdi></span>");

        List<JsonNode> events = stream(form("paula").formParam("values", MispMembers.HOSTILE));
        String last = events.get(events.size() - 1).path("html").asText();
        assertThat(last).doesNotContain("<script>alert").doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(");
    }

    @Test
    void pastedTextIsExtractedForConfirmationFirst() {
        String html = form("paula")
                .formParam("text", "Beacon to hxxp://evil[.]example/a from 1.2.3[.]4, hash "
                        + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
                .formParam("action", "extract").post("/search").then().statusCode(200).extract().asString();
        assertThat(html).contains("Indicators found in the text").contains("3 indicators found.")
                .contains("name=\"pick\" value=\"http://evil.example/a\" checked")
                .contains("name=\"pick\" value=\"1.2.3.4\" checked")
                .contains("value=\"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"")
                .doesNotContain("id=\"search-results\"");
        // the ticked values are then searched
        String result = form("paula").formParam("pick", MispMembers.OVERLAP).formParam("action", "search")
                .post("/search").then().statusCode(200).extract().asString();
        assertThat(result).contains("Seen by 2 organisations");
    }

    @Test
    void aLongPastedReportIsRead() {
        String report = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(2000)
                + " Last seen beaconing to 203.0.113[.]77 over TLS.";
        String html = form("paula").formParam("text", report).formParam("action", "extract").post("/search").then()
                .statusCode(200).extract().asString();
        assertThat(html).contains("name=\"pick\" value=\"203.0.113.77\" checked");
    }

    @Test
    void invalidInputIsShownOnThePage() {
        String html = form("paula").formParam("values", "999.1.1.1").formParam("from", "2026-13-45")
                .post("/search").then().statusCode(200).extract().asString();
        assertThat(html).contains("The search could not be started").contains("“999.1.1.1” is not a valid value")
                .contains("is not a date");
    }

    private static List<JsonNode> stream(RequestSpecification request) {
        Response response = request.header("Accept", "application/x-ndjson").post("/search/stream");
        response.then().statusCode(200);
        assertThat(response.contentType()).startsWith("application/x-ndjson");
        List<JsonNode> events = new ArrayList<>();
        for (String line : response.asString().split("\n")) {
            if (!line.isBlank()) {
                try {
                    events.add(JSON.readTree(line));
                } catch (Exception e) {
                    throw new IllegalStateException(line, e);
                }
            }
        }
        return events;
    }

    @Test
    void theStreamSendsEachMemberThenTheResult() {
        List<JsonNode> events = stream(form("stella").formParam("values", MispMembers.OVERLAP));
        assertThat(events.get(0).path("type").asText()).isEqualTo("start");
        assertThat(events.get(0).path("progress").asText()).matches("0 of \\d+ members replied");
        List<JsonNode> members = events.stream().filter(e -> e.path("type").asText().equals("member")).toList();
        assertThat(members.size()).isGreaterThanOrEqualTo(3);
        int total = members.size();
        for (int i = 0; i < members.size(); i++) {
            assertThat(members.get(i).path("progress").asText()).isEqualTo((i + 1) + " of " + total
                    + " members replied");
        }
        // while running, statuses without counts; the counts (after the policy) come with the result
        assertThat(members.stream().map(m -> m.path("html").asText()).toList())
                .anySatisfy(h -> assertThat(h).contains("MISP org-b").contains("answered in"))
                .allSatisfy(h -> assertThat(h).doesNotContain("record"));
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.path("type").asText()).isEqualTo("result");
        assertThat(last.path("html").asText()).contains("Seen by 2 organisations").contains("id=\"result-table\"")
                .contains("MISP org-b: 2 records").contains("MISP org-c: 0 records");

        List<JsonNode> invalid = stream(form("stella").formParam("values", ""));
        assertThat(invalid).hasSize(1);
        assertThat(invalid.get(0).path("type").asText()).isEqualTo("error");
        assertThat(invalid.get(0).path("html").asText()).contains("Enter at least one value");
    }

    @Test
    void theStreamDeliversFastMembersBeforeTheSlowOneTimesOut() throws Exception {
        String cookies = csrf.cookies().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        String form = "csrf-token=" + java.net.URLEncoder.encode(csrf.token(), java.nio.charset.StandardCharsets.UTF_8)
                + "&values=" + MispMembers.SLOW;
        java.net.http.HttpRequest request = java.net.http.HttpRequest
                .newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + io.restassured.RestAssured.port + "/search/stream"))
                .header("Authorization", "Bearer " + Tokens.token("stella", "org-a", List.of("member")))
                .header("Cookie", cookies).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build();
        long start = System.nanoTime();
        List<Long> memberAt = new ArrayList<>();
        long[] resultAt = {0};
        java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofLines())
                .body().forEach(line -> {
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    if (line.contains("\"type\":\"member\"")) {
                        memberAt.add(ms);
                    } else if (line.contains("\"type\":\"result\"")) {
                        resultAt[0] = ms;
                    }
                });
        assertThat(memberAt).hasSizeGreaterThanOrEqualTo(3);
        assertThat(resultAt[0]).isPositive();
        // the quick members arrive while org-c is still being waited for (its timeout is 1 s)
        assertThat(memberAt.get(0)).isLessThan(resultAt[0] - 500);
    }

    @Test
    void aSearchIsAuditedEvenWhenTheBrowserLeavesEarly() throws Exception {
        String cookies = csrf.cookies().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        String form = "csrf-token=" + java.net.URLEncoder.encode(csrf.token(), java.nio.charset.StandardCharsets.UTF_8)
                + "&values=" + MispMembers.SLOW;
        java.net.http.HttpRequest request = java.net.http.HttpRequest
                .newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + io.restassured.RestAssured.port + "/search/stream"))
                .header("Authorization", "Bearer " + Tokens.token("tessa", "org-a", List.of("member")))
                .header("Cookie", cookies).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build();
        try (java.io.InputStream body = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofInputStream()).body()) {
            assertThat(new java.io.BufferedReader(new java.io.InputStreamReader(body)).readLine()).contains("start");
        } // closed before org-c times out
        long deadline = System.currentTimeMillis() + 10_000;
        List<?> rows = List.of();
        while (rows.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            rows = org.alliancesearch.portal.testsupport.Db
                    .rows("select id from search_audit where username = 'tessa'");
        }
        assertThat(rows).hasSize(1);
    }

    @Test
    void theStreamNeedsTheCsrfToken() {
        given().auth().oauth2(Tokens.alice()).formParam("values", MispMembers.OVERLAP).post("/search/stream").then()
                .statusCode(400);
    }

    @Test
    void exportFromThePage() {
        Response csv = form("paula").formParam("values", MispMembers.OVERLAP).formParam("format", "csv")
                .post("/search/export");
        csv.then().statusCode(200).header("Content-Disposition", org.hamcrest.Matchers.containsString(".csv\""));
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.asString()).contains(MispMembers.OVERLAP);

        String invalid = form("paula").formParam("values", "").formParam("format", "xls").post("/search/export")
                .then().statusCode(400).contentType(org.hamcrest.Matchers.startsWith("text/html")).extract()
                .asString();
        assertThat(invalid).contains("Unknown export format");
    }

    @Test
    void japaneseFromAcceptLanguageAndFromTheRememberedChoice() {
        String ja = given().auth().oauth2(Tokens.alice()).header("Accept-Language", "ja-JP,ja;q=0.9").get("/search")
                .then().statusCode(200).extract().asString();
        assertThat(ja).contains("lang=\"ja\"").contains("アライアンス全体を検索").contains("値（1 行に 1 つ）")
                .contains("指標を抽出");

        Response choose = given().auth().oauth2(Tokens.alice()).redirects().follow(false)
                .get("/lang?to=ja&back=/saved");
        choose.then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/saved"));
        assertThat(choose.getCookie("alliance-lang")).isEqualTo("ja");
        String remembered = given().auth().oauth2(Tokens.alice()).header("Accept-Language", "en")
                .cookie("alliance-lang", "ja").get("/search").then().statusCode(200).extract().asString();
        assertThat(remembered).contains("アライアンス全体を検索");

        String jaResult = form("paula").header("Accept-Language", "ja").formParam("values", MispMembers.OVERLAP)
                .post("/search").then().statusCode(200).extract().asString();
        assertThat(jaResult).contains("2 組織が保有").contains("メンバー中");

        // never an open redirect
        given().auth().oauth2(Tokens.alice()).redirects().follow(false).get("/lang?to=en&back=//evil.example/")
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/search"));
    }
}
