package org.alliancesearch.portal.mispapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.alliancesearch.model.mispapi.MispIds;
import org.alliancesearch.portal.search.support.MispMembers;
import org.alliancesearch.portal.search.support.SearchMembers;
import org.alliancesearch.portal.testsupport.Db;
import org.alliancesearch.portal.testsupport.MispKeys;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * {@code POST /events/restSearch} end to end: whole events from three WireMock members through the connector, one
 * event per uuid, one attribute per synchronised copy, minus what the alliance policy and each member's own stricter
 * policy hide, in MISP's shape.
 */
@QuarkusTest
@SuppressWarnings("unchecked")
class EventRestSearchApiTest {
    static final String VALUE = "events-shared.example";
    /** org-a holds an event of it; org-c fails with HTTP 500 (only this value: failures count toward its circuit). */
    static final String PARTIAL_VALUE = "events-partial.example";
    static final String EVENT = "e7e00000-0000-4000-8000-000000000001";
    static final String RED_EVENT = "e7e00000-0000-4000-8000-000000000002";
    /** The searched value: org-a's and org-b's synchronised copy. */
    static final String SHARED = "a7e00000-0000-4000-8000-000000000001";
    /** Untagged, org-a only. */
    static final String PLAIN = "a7e00000-0000-4000-8000-000000000002";
    /** tlp:red inside a kept event. */
    static final String RED = "a7e00000-0000-4000-8000-000000000003";
    /** tlp:amber at org-a, whose own policy allows at most tlp:green. */
    static final String AMBER_AT_A = "a7e00000-0000-4000-8000-000000000004";
    /** tlp:amber at org-b, within the alliance's ceiling. */
    static final String AMBER_AT_B = "a7e00000-0000-4000-8000-000000000005";

    private Map<String, String> members;

    @BeforeAll
    static void events() {
        String orgA = event(EVENT, "Shared campaign", "tlp:green", String.join(",",
                attribute(SHARED, "domain", VALUE, "tlp:green"),
                attribute(PLAIN, "ip-dst", "192.0.2.77", null),
                attribute(RED, "url", "http://red.example/x", "tlp:red"),
                attribute(AMBER_AT_A, "ip-dst", "192.0.2.78", "tlp:amber")));
        String orgB = event(EVENT, "Shared campaign", "tlp:green", String.join(",",
                attribute(SHARED, "domain", VALUE, "tlp:green"),
                attribute(AMBER_AT_B, "sha256", "a".repeat(64), "tlp:amber")))
                + "," + event(RED_EVENT, "Red campaign", "tlp:red", attribute(
                        "a7e00000-0000-4000-8000-000000000006", "domain", VALUE, null));
        stub("org-a", orgA);
        stub("org-b", orgB);
        MispMembers.SERVERS.get("org-a").stubFor(post(urlPathEqualTo("/events/restSearch")).atPriority(1)
                .withRequestBody(containing("\"" + PARTIAL_VALUE + "\"")).willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"response\":[" + event("e7e00000-0000-4000-8000-000000000003", "Partial",
                                "tlp:green", attribute("a7e00000-0000-4000-8000-000000000007", "domain",
                                        PARTIAL_VALUE, null))
                                + "]}")));
        MispMembers.SERVERS.get("org-c").stubFor(post(urlPathEqualTo("/events/restSearch")).atPriority(1)
                .withRequestBody(containing("\"" + PARTIAL_VALUE + "\"")).willReturn(aResponse().withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"name\":\"An Internal Error Has Occurred.\",\"message\":\"An Internal Error"
                                + " Has Occurred.\",\"url\":\"/events/restSearch\"}")));
    }

    private static void stub(String org, String events) {
        MispMembers.SERVERS.get(org).stubFor(post(urlPathEqualTo("/events/restSearch")).atPriority(1)
                .withRequestBody(containing("\"" + VALUE + "\"")).willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"response\":[" + events + "]}")));
    }

    private static String event(String uuid, String info, String tag, String attributes) {
        return """
                {"Event":{"id":"12","orgc_id":"1","org_id":"1","date":"2026-10-10","threat_level_id":"2",
                 "info":"%s","published":true,"uuid":"%s","analysis":"2","timestamp":"1764000000",
                 "distribution":"1","publish_timestamp":"1764000000","sharing_group_id":"0",
                 "Orgc":{"id":"1","name":"org-a","uuid":"0a000000-0000-4000-8000-0000000000a1"},
                 "Org":{"id":"1","name":"org-a"},
                 "Tag":[{"id":"1","name":"%s"}],"Attribute":[%s],"Object":[]}}""".formatted(info, uuid, tag,
                attributes);
    }

    private static String attribute(String uuid, String type, String value, String tag) {
        return """
                {"id":"40","event_id":"12","object_id":"0","category":"Network activity","type":"%s",
                 "value":"%s","to_ids":true,"uuid":"%s","timestamp":"1764000000","distribution":"5",
                 "comment":"","deleted":false,"Tag":[%s]}""".formatted(type, value, uuid,
                tag == null ? "" : "{\"id\":\"2\",\"name\":\"" + tag + "\"}");
    }

    @BeforeEach
    void members() {
        members = SearchMembers.ensure();
    }

    private static Response misp(String user, String body) {
        return MispKeys.as(user, "org-b").contentType(ContentType.JSON)
                .body(body).post("/events/restSearch");
    }

    private static List<Map<String, Object>> events(Response r) {
        return r.then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath().getList("response");
    }

    @Test
    void synchronisedCopiesAreOneEventWithoutWhatAnyPolicyHides() {
        Response r = misp("eve", """
                {"returnFormat":"json","value":"%s","includeEventTags":1,"limit":50,"page":1}""".formatted(VALUE));
        List<Map<String, Object>> events = events(r);

        assertThat(events).hasSize(1);
        Map<String, Object> event = (Map<String, Object>) events.get(0).get("Event");
        assertThat(event.get("uuid")).isEqualTo(EVENT);
        assertThat(event.get("id")).isEqualTo(MispIds.of(EVENT));
        List<Map<String, Object>> attributes = (List<Map<String, Object>>) event.get("Attribute");
        // the red attribute is hidden by the alliance policy, org-a's amber one by org-a's own policy; org-b's
        // amber one is within the alliance's ceiling
        assertThat(attributes).extracting(a -> a.get("uuid")).containsExactlyInAnyOrder(SHARED, PLAIN, AMBER_AT_B);
        Map<String, Object> shared = attributes.stream().filter(a -> SHARED.equals(a.get("uuid"))).findFirst()
                .orElseThrow();
        assertThat(shared.get("id")).isEqualTo(MispIds.of(SHARED));
        assertThat(shared.get("event_id")).isEqualTo(MispIds.of(EVENT));
        assertThat((List<String>) shared.get("alliance_holders")).containsExactlyInAnyOrder("MISP org-a",
                "MISP org-b");
        assertThat(r.asString()).doesNotContain("tlp:red").doesNotContain(RED_EVENT).doesNotContain(RED);
        assertThat(r.header("X-Result-Count")).isEqualTo("1");
        String partial = r.header("X-Alliance-Partial");
        if (partial != null) {
            assertThat(partial).doesNotContain(members.get("org-a")).doesNotContain(members.get("org-b"));
        }
    }

    @Test
    void aFailingMemberIsNamedWhileTheOthersAnswer() {
        Response r = misp("enzo", "{\"value\":\"" + PARTIAL_VALUE + "\"}");
        assertThat(events(r)).hasSize(1);
        // ERROR, or CIRCUIT_OPEN if earlier tests' failures of org-c opened its circuit
        assertThat(r.header("X-Alliance-Partial")).contains(members.get("org-c") + "=")
                .doesNotContain(members.get("org-a"));
    }

    @Test
    void membersAreAskedForEventsWithTheValueAndNotForRedOnes() {
        misp("eden", "{\"value\":\"" + VALUE + "\"}").then().statusCode(200);
        MispMembers.SERVERS.get("org-b").verify(postRequestedFor(urlPathEqualTo("/events/restSearch"))
                .withRequestBody(containing(VALUE)).withRequestBody(containing("tlp:red")));
    }

    @Test
    void pagesAreOverEventsAndTheEventIdFilterTakesThePortalsIds() {
        assertThat(events(misp("elia", "{\"value\":\"" + VALUE + "\",\"limit\":1,\"page\":2}"))).isEmpty();
        assertThat(events(misp("elia", "{\"value\":\"" + VALUE + "\",\"eventid\":\"" + MispIds.of(EVENT) + "\"}")))
                .hasSize(1);
        assertThat(events(misp("elia", "{\"value\":\"" + VALUE + "\",\"eventid\":\"" + MispIds.of(RED_EVENT)
                + "\"}"))).isEmpty();
    }

    @Test
    void onlyJsonIsAnsweredAndRefusalsComeInMispsShape() {
        misp("ezra", "{\"value\":\"" + VALUE + "\",\"returnFormat\":\"csv\"}").then().statusCode(400)
                .contentType(ContentType.JSON).body("url", org.hamcrest.Matchers.equalTo("/events/restSearch"))
                .body("name", org.hamcrest.Matchers.notNullValue())
                .body("message", org.hamcrest.Matchers.containsString("json"));
        misp("ezra", "{\"returnFormat\":\"json\"}").then().statusCode(400).contentType(ContentType.JSON);
        MispKeys.as("ezra", "org-b").get("/events/restSearch").then()
                .statusCode(400).contentType(ContentType.JSON);
    }

    @Test
    void eachEventSearchIsAuditedAsMispApi() throws Exception {
        misp("esme", "{\"value\":\"" + VALUE + "\"}").then().statusCode(200);
        List<Map<String, String>> rows = Db.rows("select source from search_audit where username = ?", "esme");
        assertThat(rows).extracting(r -> r.get("source")).containsExactly("misp-api");
    }
}
