package org.alliancesearch.portal.mispapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.alliancesearch.model.mispapi.MispIds;
import org.alliancesearch.portal.search.support.Csv;
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
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * {@code POST /attributes/restSearch} end to end: MISP's request bodies (as PyMISP sends them) against three WireMock
 * members through the connector, answered in MISP's shape, with exactly the records the portal's own search shows.
 */
@QuarkusTest
@SuppressWarnings("unchecked")
class AttributeRestSearchApiTest {
    /** org-a holds the honest record under this uuid, org-b another value under the same uuid. */
    static final String REUSED_UUID = "c0ffee00-0000-4000-8000-00000000aa01";
    static final String HONEST = "honest-reuse.example";
    static final String HOSTILE = "hostile-reuse.example";
    private Map<String, String> members;

    @BeforeAll
    static void reusedUuid() {
        stub("org-a", HONEST, "domain", HONEST, "c0ffee00-0000-4000-8000-00000000ee01", "org-a", "2026-03-03");
        stub("org-b", HOSTILE, "domain", HOSTILE, "c0ffee00-0000-4000-8000-00000000ee02", "org-b", "2026-03-04");
    }

    private static void stub(String org, String match, String type, String value, String eventUuid, String orgc,
            String date) {
        String attribute = """
                {"id":"7","event_id":"3","object_id":"0","category":"Network activity","type":"%s","value":"%s",
                 "to_ids":true,"uuid":"%s","timestamp":"1764000000","distribution":"1","comment":"",
                 "deleted":false,"Event":{"id":"3","info":"Reuse","uuid":"%s","distribution":"1","date":"%s",
                 "threat_level_id":"2","published":true,"timestamp":"1764000000",
                 "Orgc":{"id":"1","name":"%s"},"Tag":[]},"Tag":[{"id":"3","name":"tlp:green"}]}"""
                .formatted(type, value, REUSED_UUID, eventUuid, date, orgc);
        MispMembers.SERVERS.get(org).stubFor(post(urlPathEqualTo("/attributes/restSearch")).atPriority(1)
                .withRequestBody(containing("\"" + match + "\"")).willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"response\":{\"Attribute\":[" + attribute + "]}}")));
    }

    /** org-a holds this many records of one value, each in an event of its own (less than one member page). */
    static final String BULK = "bulk-records.example";
    static final int BULK_COUNT = 999;

    @BeforeAll
    static void bulk() {
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i < BULK_COUNT; i++) {
            if (i > 0) {
                attributes.append(',');
            }
            attributes.append("""
                    {"id":"%d","event_id":"%d","object_id":"0","category":"Network activity","type":"domain",
                     "value":"%s","to_ids":true,"uuid":"b0000000-0000-4000-8000-%012d","timestamp":"1764000000",
                     "distribution":"1","comment":"a comment long enough to make the answer larger than a buffer",
                     "deleted":false,"Event":{"id":"%d","info":"Bulk event %d","uuid":"e0000000-0000-4000-8000-%012d",
                     "distribution":"1","date":"2026-02-02","threat_level_id":"2","published":true,
                     "timestamp":"1764000000","Orgc":{"id":"1","name":"org-a"},"Tag":[]},
                     "Tag":[{"id":"3","name":"tlp:green"}]}""".formatted(i, i, BULK, i, i, i, i));
        }
        MispMembers.SERVERS.get("org-a").stubFor(post(urlPathEqualTo("/attributes/restSearch")).atPriority(1)
                .withRequestBody(containing("\"" + BULK + "\"")).willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"response\":{\"Attribute\":[" + attributes + "]}}")));
    }

    @BeforeEach
    void members() {
        members = SearchMembers.ensure();
    }

    /** A user of its own per call site, so that no rate limit of another test is shared. */
    private static Response misp(String user, String body) {
        return MispKeys.as(user, "org-b").contentType(ContentType.JSON)
                .body(body).post("/attributes/restSearch");
    }

    private static List<Map<String, Object>> attributes(Response r) {
        return r.then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath()
                .getList("response.Attribute");
    }

    private static Set<String> eventUuids(List<Map<String, Object>> attributes) {
        return attributes.stream().map(a -> (String) ((Map<String, Object>) a.get("Event")).get("uuid"))
                .collect(Collectors.toSet());
    }

    /** The event uuids the portal's own search shows for a value. */
    private static Set<String> portalEvents(String user, String value) {
        JsonPath json = given().auth().oauth2(Tokens.token(user, "org-b", List.of("member")))
                .contentType(ContentType.JSON).body("{\"values\":[\"" + value + "\"]}").post("/api/v1/search").then()
                .statusCode(200).extract().jsonPath();
        return Set.copyOf(json.getList("indicators.events.flatten().uuid"));
    }

    @Test
    void pymispsBodyGetsOneAttributePerSynchronisedCopyWithEveryHolderAndNoRedRecord() {
        Response r = misp("mia", """
                {"returnFormat":"json","value":"198.51.100.7","includeEventTags":1,"includeContext":1,
                 "limit":50,"page":1}""");
        List<Map<String, Object>> attributes = attributes(r);

        assertThat(r.header("X-Result-Count")).isEqualTo("2");
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        // members of other tests may share the application; none of these three is named
        String partial = r.header("X-Alliance-Partial");
        if (partial != null) {
            members.values().forEach(id -> assertThat(partial).doesNotContain(id));
        }
        assertThat(attributes).extracting(a -> a.get("uuid")).containsExactly(MispMembers.ATTR_B,
                MispMembers.ATTR_A); // newest event first
        Map<String, Object> a = attributes.get(1);
        assertThat(a.get("id")).isEqualTo(MispIds.of(MispMembers.ATTR_A));
        assertThat(a.get("event_id")).isEqualTo(MispIds.of(MispMembers.EVENT_A));
        assertThat(a.get("object_id")).isEqualTo("0");
        assertThat(a.get("type")).isEqualTo("ip-dst");
        assertThat(a.get("value")).isEqualTo(MispMembers.OVERLAP);
        assertThat(a.get("to_ids")).isEqualTo(true);
        assertThat(a.get("timestamp")).isEqualTo("1764000000");
        assertThat(a.get("distribution")).isEqualTo("1");
        assertThat(a.get("deleted")).isEqualTo(false);
        assertThat((List<String>) a.get("alliance_holders")).containsExactly("MISP org-a", "MISP org-b");
        Map<String, Object> event = (Map<String, Object>) a.get("Event");
        assertThat(event.get("id")).isEqualTo(MispIds.of(MispMembers.EVENT_A));
        assertThat(event.get("info")).isEqualTo("Campaign A");
        assertThat(event.get("date")).isEqualTo("2026-10-01");
        assertThat(event.get("published")).isEqualTo(true);
        assertThat(((Map<String, Object>) event.get("Orgc")).get("name")).isEqualTo("org-a");
        assertThat((List<Map<String, Object>>) a.get("Tag")).extracting(t -> t.get("name"))
                .containsExactly("tlp:green");
        // the red record of org-c is absent, as on the portal
        assertThat(eventUuids(attributes)).doesNotContain(MispMembers.EVENT_RED)
                .isEqualTo(portalEvents("mia2", MispMembers.OVERLAP));
    }

    @Test
    void withoutContextTheEventHasOnlyItsIdentity() {
        Map<String, Object> event = (Map<String, Object>) attributes(misp("noa",
                "{\"value\":\"198.51.100.7\"}")).get(0).get("Event");
        assertThat(event).containsOnlyKeys("id", "org_id", "orgc_id", "info", "uuid", "distribution");
    }

    @Test
    void policyHiddenRecordsAreAbsentExactlyAsInThePortalSearch() {
        for (String value : List.of(MispMembers.HIDDEN_RED, MispMembers.HIDDEN_DROP, MispMembers.HIDDEN_STRICT,
                MispMembers.HIDDEN_OVERRIDE)) {
            Response r = misp("hana", "{\"value\":\"" + value + "\"}");
            assertThat(attributes(r)).as(value).isEmpty();
            assertThat(r.header("X-Result-Count")).isEqualTo("0");
            assertThat(portalEvents("hana2", value)).isEmpty();
        }
        // org-a's own ceiling hides its amber record; org-b's amber record of the same value is shown
        List<Map<String, Object>> override = attributes(misp("hana3", "{\"value\":\"198.51.100.8\"}"));
        assertThat(override).singleElement().satisfies(a -> assertThat((List<String>) a.get("alliance_holders"))
                .containsExactly("MISP org-b"));
        assertThat(eventUuids(override)).isEqualTo(portalEvents("hana4", MispMembers.MEMBER_OVERRIDE));
    }

    @Test
    void pagesFollowEachOtherAndThePageAfterTheEndIsEmpty() {
        Response first = misp("paul", "{\"value\":\"198.51.100.7\",\"limit\":1,\"page\":1}");
        Response second = misp("paul2", "{\"value\":\"198.51.100.7\",\"limit\":1,\"page\":2}");
        Response third = misp("paul3", "{\"value\":\"198.51.100.7\",\"limit\":1,\"page\":3}");
        Response pageWithoutLimit = misp("paul4", "{\"value\":\"198.51.100.7\",\"page\":2}");

        assertThat(attributes(first)).extracting(a -> a.get("uuid")).containsExactly(MispMembers.ATTR_B);
        assertThat(first.header("X-Result-Count")).isEqualTo("2");
        assertThat(attributes(second)).extracting(a -> a.get("uuid")).containsExactly(MispMembers.ATTR_A);
        assertThat(attributes(third)).isEmpty();
        assertThat(third.header("X-Result-Count")).isEqualTo("0");
        assertThat(attributes(pageWithoutLimit)).hasSize(2);
    }

    @Test
    void tagFiltersInEachFormNarrowTheAnswer() {
        assertThat(attributes(misp("tom", "{\"value\":\"198.51.100.7\",\"tags\":[\"tlp:amber\"]}")))
                .extracting(a -> a.get("uuid")).containsExactly(MispMembers.ATTR_B);
        assertThat(attributes(misp("tom2", "{\"value\":\"198.51.100.7\",\"tags\":{\"NOT\":[\"tlp:amber\"]}}")))
                .extracting(a -> a.get("uuid")).containsExactly(MispMembers.ATTR_A);
        assertThat(attributes(misp("tom3", "{\"value\":\"198.51.100.7\",\"tags\":\"!TLP:AMBER\"}")))
                .extracting(a -> a.get("uuid")).containsExactly(MispMembers.ATTR_A);
        assertThat(attributes(misp("tom4",
                "{\"value\":\"198.51.100.7\",\"tags\":{\"AND\":[\"tlp:%\",\"tlp:green\"]}}")))
                .extracting(a -> a.get("uuid")).containsExactly(MispMembers.ATTR_A);
    }

    @Test
    void localFiltersNarrowTheAnswer() {
        assertThat(attributes(misp("lou", "{\"value\":\"198.51.100.7\",\"eventid\":\""
                + MispIds.of(MispMembers.EVENT_A) + "\"}"))).extracting(a -> a.get("uuid"))
                .containsExactly(MispMembers.ATTR_A);
        assertThat(attributes(misp("lou2", "{\"value\":\"198.51.100.7\",\"type\":{\"NOT\":\"ip-dst\"}}")))
                .extracting(a -> a.get("uuid")).containsExactly(MispMembers.ATTR_B);
        assertThat(attributes(misp("lou3", "{\"value\":\"198.51.100.7\",\"org\":\"ORG-B\"}")))
                .extracting(a -> a.get("uuid")).containsExactly(MispMembers.ATTR_B);
        assertThat(attributes(misp("lou4", "{\"value\":\"198.51.100.7\",\"deleted\":\"only\"}"))).isEmpty();
        assertThat(attributes(misp("lou5", "{\"value\":\"198.51.100.7\",\"value\":{\"OR\":[\"198.51.100.7\"],"
                + "\"NOT\":[\"198.51.100.7\"]}}"))).isEmpty();
    }

    @Test
    void aReusedUuidWithAnotherValueStaysApartFromTheHonestRecord() {
        List<Map<String, Object>> attributes = attributes(misp("rex",
                "{\"value\":[\"" + HONEST + "\",\"" + HOSTILE + "\"],\"includeContext\":1}"));

        assertThat(attributes).hasSize(2).allSatisfy(a -> assertThat(a.get("uuid")).isEqualTo(REUSED_UUID));
        Map<Object, Object> holderByValue = attributes.stream().collect(Collectors.toMap(a -> a.get("value"),
                a -> a.get("alliance_holders")));
        assertThat(holderByValue).containsEntry(HONEST, List.of("MISP org-a")).containsEntry(HOSTILE,
                List.of("MISP org-b"));
    }

    @Test
    void csvHasMispsColumnsOrTheRequestedOnes() {
        String csv = misp("cleo", "{\"value\":\"198.51.100.7\",\"returnFormat\":\"csv\"}").then().statusCode(200)
                .contentType("text/csv").extract().asString();
        List<List<String>> rows = Csv.parse(csv);
        assertThat(rows.get(0)).containsExactly("uuid", "event_id", "category", "type", "value", "comment", "to_ids",
                "timestamp", "object_relation", "attribute_tag");
        assertThat(rows.get(2)).containsExactly(MispMembers.ATTR_A, MispIds.of(MispMembers.EVENT_A),
                "Network activity", "ip-dst", MispMembers.OVERLAP, "", "1", "1764000000", "", "tlp:green");
        assertThat(csv).contains("\"" + MispMembers.ATTR_A + "\",");

        String chosen = misp("cleo2", """
                {"value":"198.51.100.7","returnFormat":"csv","requested_attributes":["value","event_info",
                 "event_source_org"],"includeContext":1,"headerless":1}""").then().statusCode(200).extract()
                .asString();
        assertThat(Csv.parse(chosen)).containsExactly(List.of(MispMembers.OVERLAP, "Scanning B", "org-b"),
                List.of(MispMembers.OVERLAP, "Campaign A", "org-a"));
    }

    @Test
    void textHasEachValueOnce() {
        String text = misp("tess", "{\"value\":\"198.51.100.7\",\"returnFormat\":\"text\"}").then().statusCode(200)
                .contentType("text/plain").extract().asString();
        assertThat(text).isEqualTo(MispMembers.OVERLAP + "\n");
    }

    @Test
    void membersThatDidNotAnswerAreNamed() {
        Response r = misp("pat", "{\"value\":\"203.0.113.9\"}");
        assertThat(attributes(r)).hasSize(1);
        assertThat(r.header("X-Alliance-Partial")).contains(members.get("org-b") + "=ERROR")
                .contains(members.get("org-c") + "=UNAUTHORIZED").doesNotContain(members.get("org-a"));
    }

    @Test
    void eachPathAndContentTypeIsTheSameSearch() {
        for (String path : List.of("/attributes/restSearch.json", "/attributes/restSearch/json")) {
            MispKeys.as("path", "org-b").contentType(ContentType.JSON)
                    .body("{\"value\":\"198.51.100.7\"}").post(path).then().statusCode(200)
                    .body("response.Attribute.size()", org.hamcrest.Matchers.equalTo(2));
        }
        MispKeys.as("plain", "org-b").contentType(ContentType.TEXT)
                .body("{\"value\":\"198.51.100.7\"}").post("/attributes/restSearch").then().statusCode(200)
                .body("response.Attribute.size()", org.hamcrest.Matchers.equalTo(2));
        MispKeys.as("none", "org-b").noContentType()
                .body("{\"value\":\"198.51.100.7\"}".getBytes()).post("/attributes/restSearch").then()
                .statusCode(200).body("response.Attribute.size()", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void refusedFiltersAnswer400InMispsShape() {
        Map<String, String> refused = Map.of(
                "{\"value\":\"198.51.100.7\",\"searchall\":\"evil\"}", "searchall",
                "{\"value\":\"198.51.100.7\",\"returnFormat\":\"stix2\"}", "json, csv, text",
                "{\"type\":\"ip-dst\"}", "searches by value",
                "{\"value\":\"\"}", "searches by value",
                "{\"value\":\"198.51.%\"}", "LIKE",
                "{\"value\":\"198.51.100.7\",\"tags\":[\"12\"]}", "tag id",
                "{\"value\":\"198.51.100.7\",\"org\":\"4\"}", "organisation",
                "{\"value\":\"198.51.100.7\",\"enforceWarninglist\":1}", "not supported yet",
                "not json", "not JSON",
                "[\"198.51.100.7\"]", "JSON object");
        refused.forEach((body, expected) -> {
            JsonPath json = misp("rhea", body).then().statusCode(400).contentType(ContentType.JSON).extract()
                    .jsonPath();
            assertThat(json.getString("message")).as(body).contains(expected);
            assertThat(json.getString("name")).isNotBlank();
            assertThat(json.getString("url")).isEqualTo("/attributes/restSearch");
        });
        MispKeys.as("rhea", "org-b").get("/attributes/restSearch").then()
                .statusCode(400).body("url", org.hamcrest.Matchers.equalTo("/attributes/restSearch"));
    }

    /** Larger than the server's write buffer: written as a stream from a worker thread, whole and in order. */
    @Test
    void aLargeAnswerComesWhole() {
        Response r = misp("bea", "{\"value\":\"" + BULK + "\",\"includeContext\":1,\"includeEventTags\":1}");
        List<Map<String, Object>> attributes = attributes(r);
        assertThat(attributes).hasSize(BULK_COUNT);
        assertThat(r.header("X-Result-Count")).isEqualTo(String.valueOf(BULK_COUNT));
        assertThat(r.asByteArray().length).isGreaterThan(500_000);
        assertThat(attributes).extracting(a -> a.get("uuid")).doesNotHaveDuplicates();
    }

    @Test
    void theSearchAfterTheRateLimitGets429InMispsShape() throws Exception {
        misp("rory", "{\"value\":\"" + MispMembers.NOBODY + "\"}").then().statusCode(200);
        // the key's searches count under its owner; the rest of this minute's allowance (and of the next, should the
        // minute turn now) is used up, as 25 searches would
        assertThat(Db.rows("select started from search_rate where subject = 'id-rory'")).isNotEmpty();
        Db.update("insert into search_rate (subject, window_start, started) values"
                + " ('id-rory', date_trunc('minute', now()), 25),"
                + " ('id-rory', date_trunc('minute', now()) + interval '1 minute', 25)"
                + " on conflict (subject, window_start) do update set started = 25");
        JsonPath json = misp("rory", "{\"value\":\"" + MispMembers.NOBODY + "\"}").then().statusCode(429)
                .contentType(ContentType.JSON).header("Retry-After", org.hamcrest.Matchers.matchesPattern("\\d+"))
                .extract().jsonPath();
        assertThat(json.getString("message")).contains("25");
        assertThat(json.getString("url")).isEqualTo("/attributes/restSearch");
    }

    @Test
    void eachSearchIsAuditedAsMispApi() throws Exception {
        misp("audrey-misp", "{\"value\":\"198.51.100.7\"}").then().statusCode(200);
        List<Map<String, String>> rows = Db.rows("select source from search_audit where username = ?",
                "audrey-misp");
        assertThat(rows).extracting(r -> r.get("source")).containsExactly("misp-api");
    }
}
