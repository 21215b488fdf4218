package org.alliancesearch.portal.sighting;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.alliancesearch.portal.testsupport.Tokens;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.restassured.http.ContentType;

/**
 * Four MISP-shaped members on WireMock for the sighting tests, registered through the admin API and removed again:
 * <ul>
 * <li>{@code sa} saves sightings;</li>
 * <li>{@code sb} refuses them as MISP does when the key lacks {@code perm_sighting} (403);</li>
 * <li>{@code sc} would save them but has not opted in;</li>
 * <li>{@code sd} answers searches at once but never answers a sighting within its 1 s timeout.</li>
 * </ul>
 * Each answers {@code attributes/restSearch} by the value in the body, with nothing otherwise.
 */
final class SightingMembers {
    static final List<String> NAMES = List.of("sa", "sb", "sc", "sd");
    /** sa, sb, sc and sd all hold a record of it: sa and sc the same attribute, sb a copy of it and one of its own. */
    static final String SHARED = "203.0.113.151";
    static final String ATTR_1 = "1a2b3c4d-0000-4000-8000-000000000151";
    static final String ATTR_2 = "1a2b3c4d-0000-4000-8000-000000000152";
    static final String ATTR_3 = "1a2b3c4d-0000-4000-8000-000000000153";
    /** sa holds it only under tlp:red, sb only under PAP:RED: hidden from everyone by the alliance policy. */
    static final String HIDDEN = "203.0.113.152";
    static final String ATTR_HIDDEN_A = "1a2b3c4d-0000-4000-8000-000000000154";
    static final String ATTR_HIDDEN_B = "1a2b3c4d-0000-4000-8000-000000000155";
    /** sa holds a tlp:green record; sb a tlp:red one of the same value (another attribute). */
    static final String PARTLY_HIDDEN = "203.0.113.153";
    static final String ATTR_GREEN = "1a2b3c4d-0000-4000-8000-000000000156";
    static final String ATTR_RED = "1a2b3c4d-0000-4000-8000-000000000157";
    /** sa holds a tlp:green record of it; sb a copy of the same attribute marked tlp:red: the record is hidden. */
    static final String COPY_HIDDEN = "203.0.113.154";
    static final String ATTR_COPY = "1a2b3c4d-0000-4000-8000-000000000158";

    static final Map<String, WireMockServer> SERVERS = new LinkedHashMap<>();
    static final Map<String, String> IDS = new LinkedHashMap<>();

    private SightingMembers() {
    }

    /** The portal's port while the members are registered (removed after the tests, when it may be reset). */
    private static int port;

    static synchronized void start() {
        if (!SERVERS.isEmpty()) {
            return;
        }
        port = io.restassured.RestAssured.port;
        for (String name : NAMES) {
            WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
            server.start();
            SERVERS.put(name, server);
        }
        stubAll();
        for (String name : NAMES) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", "Sighting member " + name);
            body.put("organisation", "org-" + name);
            body.put("url", "http://127.0.0.1:" + SERVERS.get(name).port());
            body.put("apiKey", "key-of-" + name + "-0123456789abcdef0123456789abcdef");
            body.put("verifyTls", true);
            body.put("timeoutMs", 1000);
            body.put("enabled", true);
            String id = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/admin/members").then().statusCode(201).extract().path("id");
            IDS.put(name, id);
        }
    }

    static synchronized void stop() {
        IDS.values().forEach(id -> given().port(port).auth().oauth2(Tokens.admin())
                .delete("/api/v1/admin/members/" + id));
        IDS.clear();
        SERVERS.values().forEach(WireMockServer::stop);
        SERVERS.clear();
    }

    /** Requests kept, stubs as at the start. */
    static void stubAll() {
        SERVERS.values().forEach(s -> {
            s.resetAll();
            s.stubFor(any(urlPathEqualTo("/attributes/restSearch")).atPriority(10)
                    .willReturn(json("{\"response\":{\"Attribute\":[]}}")));
            s.stubFor(any(urlPathEqualTo("/events/restSearch")).atPriority(10).willReturn(json("{\"response\":[]}")));
        });
        stub("sa", SHARED, attribute(ATTR_1, "ip-dst", SHARED, "org-sa", "tlp:green"));
        stub("sb", SHARED, attribute(ATTR_1, "ip-dst", SHARED, "org-sa", "tlp:green"),
                attribute(ATTR_2, "ip-src", SHARED, "org-sb", "tlp:amber"));
        stub("sc", SHARED, attribute(ATTR_1, "ip-dst", SHARED, "org-sa", "tlp:green"));
        stub("sd", SHARED, attribute(ATTR_3, "ip-dst", SHARED, "org-sd", "tlp:green"));
        stub("sa", HIDDEN, attribute(ATTR_HIDDEN_A, "ip-dst", HIDDEN, "org-sa", "tlp:red"));
        stub("sb", HIDDEN, attribute(ATTR_HIDDEN_B, "ip-dst", HIDDEN, "org-sb", "PAP:RED"));
        stub("sa", PARTLY_HIDDEN, attribute(ATTR_GREEN, "ip-dst", PARTLY_HIDDEN, "org-sa", "tlp:green"));
        stub("sb", PARTLY_HIDDEN, attribute(ATTR_RED, "ip-dst", PARTLY_HIDDEN, "org-sb", "tlp:red"));
        stub("sa", COPY_HIDDEN, attribute(ATTR_COPY, "ip-dst", COPY_HIDDEN, "org-sa", "tlp:green"));
        stub("sb", COPY_HIDDEN, attribute(ATTR_COPY, "ip-dst", COPY_HIDDEN, "org-sa", "tlp:red"));

        String saved = "{\"Sighting\":{\"id\":\"7\",\"type\":\"0\"}}";
        SERVERS.get("sa").stubFor(post(urlPathEqualTo("/sightings/add")).willReturn(json(saved)));
        SERVERS.get("sc").stubFor(post(urlPathEqualTo("/sightings/add")).willReturn(json(saved)));
        SERVERS.get("sb").stubFor(post(urlPathEqualTo("/sightings/add")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"name\":\"You do not have permission to use this functionality.\",\"message\":"
                        + "\"You do not have permission to use this functionality.\",\"url\":\"/sightings/add\"}")));
        SERVERS.get("sd").stubFor(post(urlPathEqualTo("/sightings/add")).willReturn(json(saved)
                .withFixedDelay(4000)));
    }

    private static void stub(String member, String value, String... attributes) {
        SERVERS.get(member).stubFor(post(urlPathEqualTo("/attributes/restSearch")).atPriority(1)
                .withRequestBody(containing("\"" + value + "\""))
                .willReturn(json("{\"response\":{\"Attribute\":[" + String.join(",", attributes) + "]}}")));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String attribute(String uuid, String type, String value, String orgc, String tag) {
        return """
                {"id":"%d","event_id":"31","object_id":"0","category":"Network activity","type":"%s","value":"%s",
                 "to_ids":true,"uuid":"%s","timestamp":"1764000000","distribution":"1","deleted":false,
                 "Event":{"id":"31","org_id":"1","orgc_id":"1","info":"Seen by %s","uuid":"%s","distribution":"1",
                  "date":"2026-11-30","threat_level_id":"2","published":true,"analysis":"2",
                  "timestamp":"1764000000","Orgc":{"id":"1","name":"%s"},"Tag":[]},
                 "Tag":[{"id":"3","name":"%s","colour":"#33FF00","exportable":true}]}
                """.formatted(Math.abs(uuid.hashCode() % 100000), type, value, uuid, orgc,
                "9e8d7c6b-0000-4000-8000-" + uuid.substring(uuid.length() - 12), orgc, tag);
    }
}
