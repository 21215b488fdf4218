package org.alliancesearch.portal.search;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.alliancesearch.portal.common.PagesTest;
import org.alliancesearch.portal.search.support.SearchMembers;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A member speaks only for itself, end to end: a hostile member claiming that another member's organisation created
 * its records makes nobody look like a holder; it is shown as an unconfirmed claim, in the API and on the page.
 */
@QuarkusTest
@SuppressWarnings("unchecked")
class MemberClaimsApiTest {
    private static final String OWNER_ORG = "Claims Owner CSIRT";
    private static final String OWNER_MISP_ORG = "Owner CSIRT (MISP)";
    private static final String OWNER_ORG_UUID = "0a0b0c0d-1111-4222-8333-444455556666";
    /** Only the liar holds it, claiming the owner created it. */
    private static final String FORGED = "forged-claim.example";
    /** Both hold it under the same uuid: the owner's record and the liar's synchronised copy. */
    private static final String SHARED = "shared-claim.example";
    /** Only the liar holds it, a copy of an organisation outside the alliance. */
    private static final String OUTSIDE = "outside-claim.example";
    /** Only the liar holds it, claiming the owner's MISP organisation by its own name and uuid. */
    private static final String BY_MISP_NAME = "misp-name-claim.example";
    private static final String SHARED_UUID = "7e570000-0000-4000-8000-000000000001";

    private static WireMockServer owner;
    private static WireMockServer liar;
    private static final List<String> CREATED = new ArrayList<>();

    @BeforeAll
    static void startMembers() {
        owner = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        liar = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        owner.start();
        liar.start();
        for (WireMockServer s : List.of(owner, liar)) {
            s.stubFor(any(urlPathEqualTo("/attributes/restSearch")).atPriority(10).willReturn(json(
                    "{\"response\":{\"Attribute\":[]}}")));
        }
        owner.stubFor(get(urlPathEqualTo("/servers/getVersion")).willReturn(json("{\"version\":\"2.5.2\"}")));
        owner.stubFor(get(urlPathEqualTo("/users/view/me")).willReturn(json("""
                {"User":{"id":"3","org_id":"4"},"Role":{"id":"6","name":"Read Only","perm_auth":true},
                 "Organisation":{"id":"4","name":"%s","uuid":"%s"}}""".formatted(OWNER_MISP_ORG, OWNER_ORG_UUID))));
        stub(owner, SHARED, attribute(SHARED_UUID, SHARED, "7e570000-0000-4000-8000-0000000000e1", OWNER_ORG, null));
        stub(liar, SHARED, attribute(SHARED_UUID, SHARED, "7e570000-0000-4000-8000-0000000000e1", OWNER_ORG, null));
        stub(liar, FORGED, attribute("7e570000-0000-4000-8000-000000000002", FORGED,
                "7e570000-0000-4000-8000-0000000000e2", OWNER_ORG, null));
        stub(liar, OUTSIDE, attribute("7e570000-0000-4000-8000-000000000003", OUTSIDE,
                "7e570000-0000-4000-8000-0000000000e3", "Outside CERT", null));
        stub(liar, BY_MISP_NAME, attribute("7e570000-0000-4000-8000-000000000004", BY_MISP_NAME,
                "7e570000-0000-4000-8000-0000000000e4", "  owner csirt (misp) ", OWNER_ORG_UUID));
    }

    /** The members, registered through the admin API for each test. */
    @BeforeEach
    void registerMembers() {
        SearchMembers.ensure();
        CREATED.add(create("Owner MISP", OWNER_ORG, owner));
        CREATED.add(create("Liar MISP", "Liar Org", liar));
        // the owner's own MISP organisation, learned by testing its connection
        given().auth().oauth2(Tokens.admin()).post("/api/v1/admin/members/" + CREATED.get(0) + "/test").then()
                .statusCode(200);
    }

    @AfterAll
    static void stopMembers() {
        owner.stop();
        liar.stop();
    }

    /** The members are removed after each test, so that no other test's search asks them. */
    @AfterEach
    void removeMembers() {
        CREATED.forEach(id -> given().auth().oauth2(Tokens.admin()).delete("/api/v1/admin/members/" + id).then()
                .statusCode(204));
        CREATED.clear();
    }

    private static String create(String name, String organisation, WireMockServer server) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("organisation", organisation);
        body.put("url", "http://127.0.0.1:" + server.port());
        body.put("apiKey", "key-of-" + name.replace(' ', '-') + "-0123456789abcdef");
        body.put("verifyTls", true);
        body.put("timeoutMs", 5000);
        body.put("enabled", true);
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/admin/members").then().statusCode(201).extract().path("id");
    }

    private static void stub(WireMockServer server, String value, String attribute) {
        server.stubFor(post(urlPathEqualTo("/attributes/restSearch")).atPriority(1)
                .withRequestBody(containing("\"" + value + "\"")).willReturn(json(
                        "{\"response\":{\"Attribute\":[" + attribute + "]}}")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String attribute(String uuid, String value, String eventUuid, String orgc, String orgcUuid) {
        return """
                {"id":"51","event_id":"9","object_id":"0","category":"Network activity","type":"domain",
                 "value":"%s","to_ids":true,"uuid":"%s","timestamp":"1764000000","distribution":"1","comment":"",
                 "deleted":false,
                 "Event":{"id":"9","info":"Claimed event","uuid":"%s","distribution":"1","date":"2026-10-10",
                  "threat_level_id":"2","published":true,"timestamp":"1764000000",
                  "Orgc":{"id":"4","name":"%s"%s},"Tag":[]},
                 "Tag":[{"id":"3","name":"tlp:green"}]}""".formatted(value, uuid, eventUuid, orgc,
                orgcUuid == null ? "" : ",\"uuid\":\"" + orgcUuid + "\"");
    }

    private static Map<String, Object> indicator(String value) {
        JsonPath json = given().auth().oauth2(Tokens.token("clara", "org-b", List.of("member")))
                .contentType(ContentType.JSON).body("{\"values\":[\"" + value + "\"]}").post("/api/v1/search").then()
                .statusCode(200).extract().jsonPath();
        List<Map<String, Object>> indicators = json.getList("indicators");
        assertThat(indicators).hasSize(1);
        return indicators.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(Map<String, Object> indicator) {
        return (List<Map<String, Object>>) indicator.get("events");
    }

    @Test
    void aForgedClaimForAnotherMembersOrganisationIsUnconfirmedAndNotCounted() {
        Map<String, Object> i = indicator(FORGED);

        assertThat((List<String>) i.get("organisations")).doesNotContain(OWNER_ORG).isEmpty();
        assertThat((List<String>) i.get("unconfirmedOrganisations")).containsExactly(OWNER_ORG);
        assertThat((List<String>) i.get("members")).containsExactly("Liar MISP");
        assertThat(events(i)).singleElement().satisfies(e -> {
            assertThat(e.get("organisation")).isNull();
            assertThat(e.get("unconfirmedOrganisation")).isEqualTo(OWNER_ORG);
        });
    }

    @Test
    void theOwnersOwnMemberReturningTheRecordConfirmsIt() {
        Map<String, Object> i = indicator(SHARED);

        assertThat((List<String>) i.get("organisations")).containsExactly(OWNER_ORG);
        assertThat((List<String>) i.get("unconfirmedOrganisations")).isEmpty();
        assertThat(events(i)).allSatisfy(e -> assertThat(e.get("organisation")).isEqualTo(OWNER_ORG));
    }

    @Test
    void anOrganisationOutsideTheAllianceIsCounted() {
        Map<String, Object> i = indicator(OUTSIDE);

        assertThat((List<String>) i.get("organisations")).containsExactly("Outside CERT");
        assertThat((List<String>) i.get("unconfirmedOrganisations")).isEmpty();
    }

    @Test
    void theOwnersLearnedMispOrganisationIsProtectedToo() {
        Map<String, Object> i = indicator(BY_MISP_NAME);

        assertThat((List<String>) i.get("organisations")).isEmpty();
        assertThat((List<String>) i.get("unconfirmedOrganisations")).containsExactly("  owner csirt (misp) ");
    }

    @Test
    void thePageShowsTheClaimAsUnconfirmed() {
        PagesTest.Csrf csrf = PagesTest.csrf("/search");
        String html = given().auth().oauth2(Tokens.token("clara", "org-b", List.of("member")))
                .cookies(csrf.cookies()).formParam("csrf-token", csrf.token()).formParam("values", FORGED)
                .redirects().follow(false).post("/search").then().statusCode(200).extract().asString();
        assertThat(html).contains("Seen by 0 organisations")
                .contains("<span class=\"badge org unconfirmed\"")
                .contains("<bdi>" + OWNER_ORG + "</bdi> · unconfirmed")
                .doesNotContain("<span class=\"badge org\"><bdi>" + OWNER_ORG + "</bdi></span>");
        String ja = given().auth().oauth2(Tokens.token("clara", "org-b", List.of("member")))
                .cookies(csrf.cookies()).header("Accept-Language", "ja").formParam("csrf-token", csrf.token())
                .formParam("values", FORGED).redirects().follow(false).post("/search").then().statusCode(200).extract()
                .asString();
        assertThat(ja).contains("<bdi>" + OWNER_ORG + "</bdi> · 未確認");
    }
}
