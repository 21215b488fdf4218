package org.alliancesearch.portal.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.alliancesearch.portal.common.PagesTest;
import org.alliancesearch.portal.search.support.MispMembers;
import org.alliancesearch.portal.search.support.SearchMembers;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * A value that a member holds only under what the policy hides (tlp:red, a dropping tag, a TLP above the alliance's
 * or the member's own ceiling) answers exactly like a value nobody holds, on every member-facing channel; only the
 * admin's search audit shows the removal, per member.
 */
@QuarkusTest
class PolicyLeakTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private Map<String, String> members;

    @BeforeEach
    void members() {
        members = SearchMembers.ensure();
    }

    /** A user of its own per case, so that the rate limit does not get in the way. */
    private static String token(String hidden, String suffix) {
        return Tokens.token("leak-" + hidden.replace('.', '-') + suffix, "org-b", List.of("member"));
    }

    private static Response api(String token, String value, String format) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"values\":[\"" + value + "\"]}")
                .post("/api/v1/search" + (format == null ? "" : "?format=" + format));
    }

    /** The answer without what differs between any two searches (search id, latencies) and with the value masked. */
    private static String normalised(String json, String value) throws Exception {
        JsonNode tree = JSON.readTree(json);
        strip(tree);
        return JSON.writeValueAsString(tree).replace(value, "VALUE");
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove("searchId");
            o.remove("latencyMs");
            o.remove("id");
        }
        for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
            strip(it.next());
        }
    }

    private static String text(String body, String value) {
        return body.replace(value, "VALUE").replaceAll("bundle--[0-9a-f-]{36}", "bundle--ID")
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "UUID")
                .replaceAll("\\d+(\\.\\d)? m?s\\b", "T")
                .replaceAll("name=\"csrf-token\" value=\"[^\"]*\"", "csrf");
    }

    @ParameterizedTest
    @ValueSource(strings = {MispMembers.HIDDEN_RED, MispMembers.HIDDEN_DROP, MispMembers.HIDDEN_STRICT,
            MispMembers.HIDDEN_OVERRIDE})
    void theApiAnswerAndEveryExportAreThoseOfAValueNobodyHolds(String hidden) throws Exception {
        String token = token(hidden, "");
        String held = api(token, hidden, null).then().statusCode(200).extract().asString();
        String nobody = api(token, MispMembers.NOBODY, null).then().statusCode(200).extract().asString();
        assertThat(normalised(held, hidden)).isEqualTo(normalised(nobody, MispMembers.NOBODY));
        assertThat(held).doesNotContain("removedByPolicy");
        for (String format : List.of("csv", "json", "txt", "stix")) {
            String heldFile = api(token, hidden, format).then().statusCode(200).extract().asString();
            String nobodyFile = api(token, MispMembers.NOBODY, format).then().statusCode(200).extract().asString();
            assertThat(text(heldFile, hidden)).as(format).isEqualTo(text(nobodyFile, MispMembers.NOBODY));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {MispMembers.HIDDEN_RED, MispMembers.HIDDEN_DROP, MispMembers.HIDDEN_STRICT,
            MispMembers.HIDDEN_OVERRIDE})
    void theLiveStreamAndThePageAreThoseOfAValueNobodyHolds(String hidden) throws Exception {
        String token = token(hidden, "-page");
        assertThat(stream(token, hidden)).isEqualTo(stream(token, MispMembers.NOBODY));
        assertThat(page(token, hidden)).isEqualTo(page(token, MispMembers.NOBODY));
    }

    @ParameterizedTest
    @ValueSource(strings = {MispMembers.HIDDEN_RED, MispMembers.HIDDEN_DROP, MispMembers.HIDDEN_STRICT,
            MispMembers.HIDDEN_OVERRIDE})
    void aSavedSearchRunIsThatOfAValueNobodyHolds(String hidden) throws Exception {
        String token = token(hidden, "-saved");
        String held = runSaved(token, hidden);
        String nobody = runSaved(token, MispMembers.NOBODY);
        assertThat(normalised(held, hidden)).isEqualTo(normalised(nobody, MispMembers.NOBODY));
        // and again: "new since last run" has nothing to tell either
        assertThat(normalised(runSaved(token, hidden), hidden))
                .isEqualTo(normalised(runSaved(token, MispMembers.NOBODY), MispMembers.NOBODY));
    }

    @ParameterizedTest
    @ValueSource(strings = {MispMembers.HIDDEN_RED, MispMembers.HIDDEN_STRICT, MispMembers.HIDDEN_OVERRIDE})
    void theAdminAuditShowsTheRemovalPerMember(String hidden) {
        String user = "leak-" + hidden.replace('.', '-') + "-audit";
        String token = Tokens.token(user, "org-b", List.of("member"));
        api(token, hidden, null).then().statusCode(200);
        api(token, MispMembers.NOBODY, null).then().statusCode(200);
        String holder = hidden.equals(MispMembers.HIDDEN_OVERRIDE) ? "org-a" : "org-c";
        JsonPath row = given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(Map.of("user", user, "value", hidden)).post("/api/v1/admin/search-audit/search").then()
                .statusCode(200)
                .extract().jsonPath();
        assertThat(row.getInt("total")).isEqualTo(1);
        assertThat(row.getInt("items[0].removedByPolicy")).isEqualTo(1);
        List<Map<String, Object>> asked = row.getList("items[0].members");
        for (Map<String, Object> m : asked) {
            boolean isHolder = members.get(holder).equals(m.get("memberId"));
            assertThat(m.get("removedByPolicy")).as(String.valueOf(m.get("member"))).isEqualTo(isHolder ? 1 : 0);
            assertThat(m.get("hits")).isEqualTo(0);
        }
        JsonPath none = given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(Map.of("user", user, "value", MispMembers.NOBODY)).post("/api/v1/admin/search-audit/search")
                .then()
                .statusCode(200).extract().jsonPath();
        assertThat(none.getInt("items[0].removedByPolicy")).isZero();
        assertThat(none.getList("items[0].members.removedByPolicy", Integer.class)).containsOnly(0);
        // the admin page says it too, per member
        org.alliancesearch.portal.common.PagesTest.Csrf csrf = org.alliancesearch.portal.common.PagesTest
                .csrf("/admin/search-audit");
        String page = given().auth().oauth2(Tokens.admin()).cookies(csrf.cookies())
                .formParam("csrf-token", csrf.token()).formParam("user", user).formParam("value", hidden)
                .post("/admin/search-audit").then().statusCode(200).extract().asString();
        assertThat(page).contains("MISP " + holder + ": OK").contains("0 shown, 1 removed by the policy");
    }

    private static String runSaved(String token, String value) {
        Map<String, Object> body = Map.of("name", "watch " + value, "visibility", "PRIVATE", "query",
                Map.of("values", List.of(value)));
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/saved-searches").then().statusCode(201).extract().path("id");
        String first = given().auth().oauth2(token).post("/api/v1/saved-searches/" + id + "/run").then()
                .statusCode(200).extract().asString();
        given().auth().oauth2(token).delete("/api/v1/saved-searches/" + id).then().statusCode(204);
        return first;
    }

    /** The stream's events: types and progress in order, member chips as a sorted list (their order varies). */
    private static List<String> stream(String token, String value) throws Exception {
        PagesTest.Csrf csrf = PagesTest.csrf("/search");
        String body = given().auth().oauth2(token).cookies(csrf.cookies()).formParam("csrf-token", csrf.token())
                .formParam("values", value).header("Accept", "application/x-ndjson").post("/search/stream").then()
                .statusCode(200).extract().asString();
        List<String> ordered = new ArrayList<>();
        List<String> chips = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode e = JSON.readTree(line);
            ordered.add(e.path("type").asText() + " " + e.path("progress").asText());
            if (e.path("type").asText().equals("member")) {
                chips.add(text(e.path("html").asText(), value));
            } else {
                ordered.add(text(e.path("html").asText(), value));
            }
        }
        chips.sort(null);
        ordered.addAll(chips);
        return ordered;
    }

    private static String page(String token, String value) {
        PagesTest.Csrf csrf = PagesTest.csrf("/search");
        String html = given().auth().oauth2(token).cookies(csrf.cookies()).formParam("csrf-token", csrf.token())
                .formParam("values", value).post("/search").then().statusCode(200).extract().asString();
        return text(html, value);
    }
}
