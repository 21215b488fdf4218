package org.alliancesearch.portal.search;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.alliancesearch.portal.search.support.MispMembers;
import org.alliancesearch.portal.search.support.SearchMembers;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The per-value summary of {@code POST /api/v1/search}, pivots, and text refused before any member sees it. */
@QuarkusTest
@SuppressWarnings("unchecked")
class SearchSummaryApiTest {

    @BeforeEach
    void members() {
        SearchMembers.ensure();
    }

    private static Response search(String body, String language) {
        return given().auth().oauth2(Tokens.token("sue", "org-a", List.of("member"))).contentType(ContentType.JSON)
                .header("Accept-Language", language).body(body).post("/api/v1/search");
    }

    private static Map<String, Object> summaryOf(JsonPath json, String value) {
        List<Map<String, Object>> summary = json.getList("summary");
        return summary.stream().filter(s -> value.equals(s.get("value"))).findFirst().orElseThrow();
    }

    @Test
    void everySearchedValueGetsASummaryInTheOrderGiven() {
        JsonPath json = search("{\"values\":[\"185.220.101.77\", \"198.51.100[.]7\", \"8.8.8.8\"]}", "en").then()
                .statusCode(200).extract().jsonPath();
        assertThat(json.getList("summary.value", String.class)).containsExactly("185.220.101.77",
                MispMembers.OVERLAP, "8.8.8.8");

        Map<String, Object> nobody = summaryOf(json, "185.220.101.77");
        assertThat(nobody.get("found")).isEqualTo(false);
        assertThat(nobody.get("score")).isEqualTo(0);
        assertThat((List<Object>) nobody.get("heldBy")).isEmpty();
        assertThat(json.getString("summary[0].reasons[0].code")).isEqualTo("NOT_FOUND");
        assertThat(json.getString("summary[0].reasons[0].text")).isEqualTo("No member holds it (0)");

        // org-a and org-b hold it after the policy; org-c's red copy counts for nothing
        Map<String, Object> overlap = summaryOf(json, MispMembers.OVERLAP);
        assertThat(overlap.get("found")).isEqualTo(true);
        assertThat(overlap.get("type")).isEqualTo("ip-dst");
        assertThat((List<Object>) overlap.get("heldBy")).containsExactly("org-a", "org-b");
        assertThat(json.getList("summary[1].reasons.code", String.class)).contains("FOUND", "ORGANISATIONS");
        assertThat(json.getList("summary[1].reasons.text", String.class)).contains("Held by 2 organisations (+10)");
        // 198.51.100.0/24 is a documentation network: MISP's RFC 5735 list flags it
        assertThat((List<Object>) overlap.get("warninglists")).contains("List of RFC 5735 CIDR blocks");

        Map<String, Object> resolver = summaryOf(json, "8.8.8.8");
        assertThat((List<Object>) resolver.get("warninglists")).contains("List of known IPv4 public DNS resolvers");
        assertThat(resolver.get("found")).isEqualTo(false);
    }

    @Test
    void reasonsAreInTheReadersLanguage() {
        JsonPath json = search("{\"values\":[\"198.51.100.7\"]}", "ja,en;q=0.5").then().statusCode(200).extract()
                .jsonPath();
        assertThat(json.getList("summary[0].reasons.text", String.class)).contains("2 組織が保有（+10）");
    }

    @Test
    void exportsCarryTheSummaryInTheReadersLanguage() {
        String body = "{\"values\":[\"198.51.100.7\", \"185.220.101.77\"]}";
        JsonPath json = given().auth().oauth2(Tokens.token("sue", "org-a", List.of("member")))
                .contentType(ContentType.JSON).header("Accept-Language", "ja").body(body)
                .post("/api/v1/search?format=json").then().statusCode(200).extract().jsonPath();
        assertThat(json.getList("summary.value", String.class)).containsExactly(MispMembers.OVERLAP,
                "185.220.101.77");
        assertThat(json.getList("summary[0].reasons.text", String.class)).contains("2 組織が保有（+10）");
        assertThat(json.getList("summary[0].warninglists", String.class)).contains("List of RFC 5735 CIDR blocks");
        assertThat(json.getBoolean("summary[1].found")).isFalse();
        int score = json.getInt("summary[0].score");

        String csv = given().auth().oauth2(Tokens.token("sue", "org-a", List.of("member")))
                .contentType(ContentType.JSON).body(body).post("/api/v1/search?format=csv").then().statusCode(200)
                .extract().asString();
        String[] lines = csv.split("\r\n");
        List<String> header = List.of(lines[0].split(","));
        String row = java.util.Arrays.stream(lines).filter(l -> l.startsWith(MispMembers.OVERLAP + ",")).findFirst()
                .orElseThrow();
        assertThat(header).endsWith("score", "warninglists");
        assertThat(row).endsWith("," + score + ",List of RFC 5735 CIDR blocks");

        JsonPath stix = given().auth().oauth2(Tokens.token("sue", "org-a", List.of("member")))
                .contentType(ContentType.JSON).body(body).post("/api/v1/search?format=stix").then().statusCode(200)
                .extract().jsonPath();
        assertThat(stix.getList("objects.findAll { it.type == 'indicator' }.x_alliance_score", Integer.class))
                .containsExactly(score);
    }

    @Test
    void sightingsCountOnceFromTheCreatorsCopyAndNeverForAHiddenRecord() {
        JsonPath json = search("{\"values\":[\"" + MispMembers.SIGHTED + "\"]}", "en").then().statusCode(200)
                .extract().jsonPath();
        // org-a created the record and reports 3 distinct sightings (a false positive and a repeat do not count);
        // org-b's copy of the same record claims 500 and is not its creator's
        assertThat(json.getInt("summary[0].sightings")).isEqualTo(3);
        assertThat(json.getList("summary[0].reasons.code", String.class)).contains("SIGHTINGS");
        // a record some copy marks tlp:red is hidden, its sightings with it
        json = search("{\"values\":[\"" + MispMembers.SIGHTED_RED + "\"]}", "en").then().statusCode(200).extract()
                .jsonPath();
        assertThat(json.getBoolean("summary[0].found")).isFalse();
        assertThat(json.getInt("summary[0].sightings")).isZero();
        // the members are asked for sightings
        assertThat(MispMembers.SERVERS.get("org-a").findAll(postRequestedFor(urlPathEqualTo("/attributes/restSearch"))
                .withRequestBody(containing("\"includeSightings\":1")))).isNotEmpty();
    }

    @Test
    void aUrlIsAlsoSearchedByItsHostAndTheHostsIndicatorSaysSo() {
        String url = "https://" + MispMembers.HOSTILE + "/landing";
        JsonPath json = search("{\"values\":[\"" + url + "\"]}", "en").then().statusCode(200).extract().jsonPath();
        assertThat(json.getList("summary.value", String.class)).containsExactly(url, MispMembers.HOSTILE);
        assertThat(json.getString("summary[1].pivotOf")).isEqualTo(url);
        assertThat(json.getBoolean("summary[1].found")).isTrue();
        assertThat(json.getBoolean("summary[0].found")).isFalse();
        assertThat(json.getList("indicators.value", String.class)).containsExactly(MispMembers.HOSTILE);
        assertThat(json.getString("indicators[0].pivotOf")).isEqualTo(url);
        // the members were asked for the host too
        assertThat(MispMembers.SERVERS.get("org-b").findAll(postRequestedFor(urlPathEqualTo("/attributes/restSearch"))
                .withRequestBody(containing("\"" + MispMembers.HOSTILE + "\"")))).isNotEmpty();
    }

    @Test
    void aCompositeRecordCountsForTheHalfThatWasSearched() {
        JsonPath json = search("{\"values\":[\"" + MispMembers.COMPOSITE_IP + "\"]}", "en").then().statusCode(200)
                .extract().jsonPath();
        assertThat(json.getList("indicators.value", String.class)).containsExactly(MispMembers.COMPOSITE_IP);
        assertThat(json.getString("indicators[0].family")).isEqualTo("ip");
        assertThat(json.getList("indicators[0].organisations", String.class)).containsExactly("org-a");
        assertThat(json.getString("indicators[0].composites[0].type")).isEqualTo("domain|ip");
        assertThat(json.getString("indicators[0].composites[0].value"))
                .isEqualTo(MispMembers.COMPOSITE_DOMAIN + "|" + MispMembers.COMPOSITE_IP);
        assertThat(json.getString("indicators[0].composites[0].half")).isEqualTo("RIGHT");
        assertThat(json.getBoolean("summary[0].found")).isTrue();
        assertThat(json.getList("summary[0].heldBy", String.class)).containsExactly("org-a");
    }

    @Test
    void textInPlaceOfAValueIsRefusedWithItsIndicatorsAndNoMemberSeesIt() {
        String sentence = "we saw 198.51.100.7 calling home to bad-cdn[.]net yesterday";
        JsonPath problem = search("{\"values\":[\"" + sentence + "\"]}", "en").then().statusCode(400)
                .contentType("application/problem+json").extract().jsonPath();
        assertThat(problem.getString("errors[0].field")).isEqualTo("values[0]");
        assertThat(problem.getString("errors[0].code")).isEqualTo("values.not-an-indicator");
        assertThat(problem.getString("errors[0].message")).contains("not sent to any member");
        assertThat(problem.getList("errors[0].extracted.value", String.class)).containsExactly("198.51.100.7",
                "bad-cdn.net");
        assertThat(problem.getList("errors[0].extracted.type", String.class)).containsExactly("ip-dst", "domain");
        for (String org : List.of("org-a", "org-b", "org-c")) {
            assertThat(MispMembers.SERVERS.get(org).findAll(postRequestedFor(urlPathEqualTo("/attributes/restSearch"))
                    .withRequestBody(containing("calling home")))).isEmpty();
        }
        JsonPath japanese = search("{\"values\":[\"" + sentence + "\"]}", "ja").then().statusCode(400).extract()
                .jsonPath();
        assertThat(japanese.getString("errors[0].message")).contains("どのメンバーにも送信していません");
    }
}
