package org.alliancesearch.portal.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.alliancesearch.model.export.CsvExport;
import org.alliancesearch.portal.search.support.Csv;
import org.alliancesearch.portal.search.support.MispMembers;
import org.alliancesearch.portal.search.support.SearchMembers;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** {@code POST /api/v1/search} against three WireMock members through the connector. */
@QuarkusTest
class SearchApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private Map<String, String> members;

    @BeforeEach
    void members() {
        members = SearchMembers.ensure();
    }

    private static String token() {
        // a user of its own, so that other tests' searches do not count against its rate limit
        return Tokens.token("sam", "org-a", List.of("member"));
    }

    private static Response search(String body, String query) {
        return given().auth().oauth2(token()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/search" + query);
    }

    private static JsonPath memberOf(JsonPath json, String id) {
        List<Map<String, Object>> rows = json.getList("members");
        Map<String, Object> row = rows.stream().filter(r -> id.equals(r.get("memberId"))).findFirst().orElseThrow();
        return new JsonPath(toJson(row));
    }

    private static String toJson(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void overlappingMembersAreMergedOnceAndTheRedRecordIsDropped() {
        JsonPath json = search("{\"values\":[\"198.51.100[.]7\"]}", "").then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();

        assertThat(json.getString("searchId")).hasSize(36);
        for (String org : List.of("org-a", "org-b", "org-c")) {
            JsonPath member = memberOf(json, members.get(org));
            assertThat(member.getString("status")).isEqualTo("OK");
            assertThat(member.getString("organisation")).isEqualTo(org);
            assertThat(member.getString("member")).isEqualTo("MISP " + org);
        }
        assertThat(memberOf(json, members.get("org-b")).getInt("hits")).isEqualTo(2);

        List<Map<String, Object>> indicators = json.getList("indicators");
        List<Map<String, Object>> mine = indicators.stream().filter(i -> MispMembers.OVERLAP.equals(i.get("value")))
                .toList();
        assertThat(mine).hasSize(1);
        JsonPath row = new JsonPath(toJson(mine.get(0)));
        // ip-src and ip-dst are one indicator; the synchronised copy is counted once; org-c's red record is gone
        assertThat(row.getList("types", String.class)).containsExactly("ip-dst", "ip-src");
        assertThat(row.getList("organisations", String.class)).containsExactly("org-a", "org-b");
        assertThat(row.getList("members", String.class)).containsExactlyInAnyOrder("MISP org-a", "MISP org-b");
        assertThat(row.getString("tlp")).isEqualTo("tlp:amber");
        assertThat(row.getList("tags", String.class)).doesNotContain("tlp:red");
        assertThat(row.getList("events.uuid", String.class)).containsExactlyInAnyOrder(MispMembers.EVENT_A,
                MispMembers.EVENT_B).doesNotContain(MispMembers.EVENT_RED);
        String urlOfB = row.getList("events", Map.class).stream()
                .filter(e -> MispMembers.EVENT_B.equals(e.get("uuid"))).map(e -> (String) e.get("url")).findFirst()
                .orElseThrow();
        assertThat(urlOfB).isEqualTo(MispMembers.url("org-b") + "/events/view/" + MispMembers.EVENT_B);
        assertThat(json.getInt("totals.indicators")).isEqualTo(1);
        // only what is shown is counted: org-c's red record is in no count
        assertThat(json.getInt("totals.attributes")).isEqualTo(3);
        assertThat(json.getInt("totals.duplicates")).isEqualTo(1);
        assertThat(json.getMap("totals")).doesNotContainKey("removedByPolicy");
        assertThat(memberOf(json, members.get("org-c")).getInt("hits")).isZero();
        assertThat(json.prettify()).doesNotContain("Secret C");
    }

    @Test
    void theAlliancePolicyDropsRedRecordsWithoutMemberOverrides() {
        JsonPath json = search("{\"values\":[\"" + MispMembers.ONLY_B + "\"]}", "").then().statusCode(200)
                .extract().jsonPath();
        assertThat(json.getList("indicators.value", String.class)).containsExactly(MispMembers.ONLY_B);
        assertThat(json.getList("indicators[0].types", String.class)).containsExactly("ip-src");
        assertThat(json.getList("indicators[0].events.info", String.class)).containsExactly("Green at B");
        assertThat(json.getInt("totals.attributes")).isEqualTo(1);
        assertThat(memberOf(json, members.get("org-b")).getInt("hits")).isEqualTo(1);
        assertThat(json.prettify()).doesNotContain("Red at B").doesNotContain("removedByPolicy");
    }

    @Test
    void aMembersStricterPolicyAppliesToItsOwnRecordsOnly() {
        JsonPath json = search("{\"values\":[\"" + MispMembers.MEMBER_OVERRIDE + "\"]}", "").then().statusCode(200)
                .extract().jsonPath();
        assertThat(json.getList("indicators.value", String.class)).containsExactly(MispMembers.MEMBER_OVERRIDE);
        assertThat(json.getList("indicators[0].organisations", String.class)).containsExactly("org-b");
        assertThat(json.getList("indicators[0].events.info", String.class)).containsExactly("Amber at B");
        assertThat(json.getInt("totals.attributes")).isEqualTo(1);
        assertThat(memberOf(json, members.get("org-a")).getInt("hits")).isZero();
        assertThat(memberOf(json, members.get("org-b")).getInt("hits")).isEqualTo(1);
    }

    @Test
    void aFailingMemberIsReportedAndTheOthersStillAnswer() {
        JsonPath json = search("{\"values\":[\"" + MispMembers.PARTLY_FAILING + "\"]}", "").then().statusCode(200)
                .extract().jsonPath();
        assertThat(memberOf(json, members.get("org-a")).getString("status")).isEqualTo("OK");
        JsonPath b = memberOf(json, members.get("org-b"));
        assertThat(b.getString("status")).isEqualTo("ERROR");
        assertThat(b.getString("message")).isNotBlank();
        JsonPath c = memberOf(json, members.get("org-c"));
        assertThat(c.getString("status")).isEqualTo("UNAUTHORIZED");
        assertThat(c.getString("message")).isNotBlank();
        assertThat(json.getList("indicators.value", String.class)).contains(MispMembers.PARTLY_FAILING);
        // the member's key never shows
        assertThat(json.prettify()).doesNotContain("key-of-org-");
    }

    @Test
    void aHungMemberTimesOutWithoutHoldingUpTheOthers() {
        long start = System.nanoTime();
        JsonPath json = search("{\"values\":[\"" + MispMembers.SLOW + "\"]}", "").then().statusCode(200).extract()
                .jsonPath();
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(memberOf(json, members.get("org-c")).getString("status")).isEqualTo("TIMEOUT");
        assertThat(memberOf(json, members.get("org-a")).getString("status")).isEqualTo("OK");
        // generous: the answer does not wait for the member's delay
        assertThat(tookMs).isLessThan(MispMembers.SLOW_DELAY_MS - 500);
    }

    @Test
    void freeTextIsExtractedAndSearched() {
        String text = "Seen in the report: hxxp://evil[.]example/a and beacons to 198.51.100[.]7 every hour.";
        JsonPath json = search(toJson(Map.of("text", text)), "").then().statusCode(200).extract().jsonPath();
        assertThat(json.getList("indicators.value", String.class)).contains(MispMembers.OVERLAP);
    }

    @Test
    void validationErrorsAreProblemDocumentsWithFieldErrors() {
        search("{\"values\":[\"\", \"999.1.1.1\"], \"types\":[\"no-such-type\"], \"from\":\"2026-13-01\","
                + "\"tags\":{\"include\":[\"*\"]}}", "")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("values[0]"))
                .body("errors.code", hasItem("values.blank"))
                .body("errors.field", hasItem("values[1]"))
                .body("errors.code", hasItem("value.invalid"))
                .body("errors.code", hasItem("types.unknown"))
                .body("errors.field", hasItem("from"))
                .body("errors.code", hasItem("date.invalid"))
                .body("errors.field", hasItem("tags.include[0]"))
                .body("errors.code", hasItem("includeTags.wildcardOnly"));
        search("{}", "").then().statusCode(400).contentType("application/problem+json")
                .body("errors.code", hasItem("values.empty"));
        search("{\"text\":\"nothing to see here\"}", "").then().statusCode(400)
                .body("errors.code", hasItem("text.noIndicators"));
        search("{\"values\":[\"198.51.100.7\"]}", "?format=xls").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("format"));
        search("{\"values\":", "").then().statusCode(400).contentType("application/problem+json");
        search("{\"values\":[\"198.51.100.7\"], \"limit\": 0}", "").then().statusCode(400)
                .body("errors.field", hasItem("limit"));
    }

    @Test
    void validationMessagesFollowTheLanguage() {
        given().auth().oauth2(token()).contentType(ContentType.JSON).header("Accept-Language", "ja,en;q=0.5")
                .body("{\"values\":[]}").post("/api/v1/search")
                .then().statusCode(400).body("errors[0].message", containsString("値を 1 つ以上"));
        given().auth().oauth2(token()).contentType(ContentType.JSON).header("Accept-Language", "en")
                .body("{\"values\":[]}").post("/api/v1/search")
                .then().statusCode(400).body("errors[0].message", startsWith("Enter at least one value"));
    }

    @Test
    void csvExportParsesBackToTheMergedRow() {
        Response response = search("{\"values\":[\"" + MispMembers.OVERLAP + "\"]}", "?format=csv");
        response.then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("attachment; filename=\"alliance-search-"))
                .header("Content-Disposition", containsString(".csv\""));
        List<List<String>> rows = Csv.parse(response.asString());
        assertThat(rows.get(0)).isEqualTo(CsvExport.HEADER);
        assertThat(rows).hasSize(2);
        List<String> row = rows.get(1);
        assertThat(row.get(CsvExport.HEADER.indexOf("value"))).isEqualTo(MispMembers.OVERLAP);
        assertThat(row.get(CsvExport.HEADER.indexOf("organisation_count"))).isEqualTo("2");
        assertThat(row.get(CsvExport.HEADER.indexOf("tlp"))).contains("amber");
        assertThat(row.get(CsvExport.HEADER.indexOf("event_urls")))
                .contains(MispMembers.url("org-b") + "/events/view/" + MispMembers.EVENT_B);
        assertThat(response.asString()).doesNotContain(MispMembers.EVENT_RED);

        // the same through Accept
        given().auth().oauth2(token()).contentType(ContentType.JSON).accept("text/csv")
                .body("{\"values\":[\"" + MispMembers.OVERLAP + "\"]}").post("/api/v1/search")
                .then().statusCode(200).contentType(startsWith("text/csv"));
    }

    @Test
    void stixExportIsABundleWithOneIndicator() throws Exception {
        Response response = search("{\"values\":[\"" + MispMembers.OVERLAP + "\"]}", "?format=stix");
        response.then().statusCode(200).contentType(startsWith("application/stix+json"))
                .header("Content-Disposition", containsString(".stix.json\""));
        JsonNode bundle = JSON.readTree(response.asByteArray());
        assertThat(bundle.path("type").asText()).isEqualTo("bundle");
        List<JsonNode> indicators = new java.util.ArrayList<>();
        bundle.path("objects").forEach(o -> {
            if ("indicator".equals(o.path("type").asText())) {
                indicators.add(o);
            }
        });
        assertThat(indicators).hasSize(1);
        assertThat(indicators.get(0).path("pattern").asText()).contains("'" + MispMembers.OVERLAP + "'");
        assertThat(indicators.get(0).path("spec_version").asText()).isEqualTo("2.1");

        given().auth().oauth2(token()).contentType(ContentType.JSON).accept("application/stix+json")
                .body("{\"values\":[\"" + MispMembers.OVERLAP + "\"]}").post("/api/v1/search")
                .then().statusCode(200).contentType(startsWith("application/stix+json"));
    }

    @Test
    void textAndJsonExports() throws Exception {
        Response txt = search("{\"values\":[\"" + MispMembers.OVERLAP + "\"]}", "?format=txt");
        txt.then().statusCode(200).contentType(startsWith("text/plain"))
                .header("Content-Disposition", containsString(".txt\""));
        assertThat(txt.asString().lines().toList()).containsExactly(MispMembers.OVERLAP);

        Response json = search("{\"values\":[\"" + MispMembers.OVERLAP + "\"]}", "?format=json");
        json.then().statusCode(200).contentType(startsWith("application/json"))
                .header("Content-Disposition", containsString(".json\""));
        assertThat(JSON.readTree(json.asByteArray()).toString()).contains(MispMembers.OVERLAP)
                .doesNotContain("Secret C");
    }

    @Test
    void anonymousAndMembersWithoutOrganisationAreRefused() {
        given().contentType(ContentType.JSON).body("{\"values\":[\"1.2.3.4\"]}").post("/api/v1/search").then()
                .statusCode(401);
        given().auth().oauth2(Tokens.erin()).contentType(ContentType.JSON).body("{\"values\":[\"1.2.3.4\"]}")
                .post("/api/v1/search").then().statusCode(403);
    }
}
