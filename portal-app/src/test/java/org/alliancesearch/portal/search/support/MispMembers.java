package org.alliancesearch.portal.search.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Three MISP-shaped members (org-a, org-b, org-c) on WireMock, for the search tests. Each answers
 * {@code /attributes/restSearch} by the value in the request body; anything else it holds nothing of.
 *
 * <ul>
 * <li>{@value #OVERLAP}: org-a holds it as ip-dst (tlp:green); org-b holds a synchronised copy of that attribute (same
 * uuid) and its own ip-src record (tlp:amber); org-c holds a tlp:red record that the policy must drop.</li>
 * <li>{@value #PARTLY_FAILING}: org-a holds it; org-b fails with HTTP 500; org-c refuses the API key.</li>
 * <li>{@value #HOSTILE}: org-a puts markup and script in the event info and a tag.</li>
 * <li>{@value #MEMBER_OVERRIDE}: org-a and org-b hold it as tlp:amber; org-a's own policy allows only tlp:green.</li>
 * </ul>
 */
public class MispMembers implements QuarkusTestResourceLifecycleManager {
    public static final String OVERLAP = "198.51.100.7";
    public static final String PARTLY_FAILING = "203.0.113.9";
    public static final String HOSTILE = "hostile.example";
    /** Only org-b holds it: once tlp:green, once tlp:red (no member override is involved). */
    public static final String ONLY_B = "198.51.100.9";
    /** org-c answers it only after {@value #SLOW_DELAY_MS} ms, beyond its 1 s timeout; the others at once. */
    public static final String SLOW = "192.0.2.250";
    public static final int SLOW_DELAY_MS = 4000;
    /** org-a (whose override allows at most tlp:green) and org-b both hold it as tlp:amber. */
    public static final String MEMBER_OVERRIDE = "198.51.100.8";
    /** org-c holds it only under tlp:red. */
    public static final String HIDDEN_RED = "198.51.100.31";
    /** org-c holds it only under PAP:RED, a dropping tag of the default policy (no TLP tag). */
    public static final String HIDDEN_DROP = "198.51.100.32";
    /** org-c holds it only under tlp:amber+strict, above the alliance's tlp:amber ceiling. */
    public static final String HIDDEN_STRICT = "198.51.100.33";
    /** org-a holds it only under tlp:amber, above org-a's own tlp:green ceiling. */
    public static final String HIDDEN_OVERRIDE = "198.51.100.34";
    /** Nobody holds it. */
    public static final String NOBODY = "198.51.100.39";
    /** org-a holds it only as the IP half of a {@code domain|ip} record, {@value #COMPOSITE_DOMAIN}|this. */
    public static final String COMPOSITE_IP = "198.51.100.44";
    public static final String COMPOSITE_DOMAIN = "c2.evil-site.net";
    /** Sighted 3 times at org-a, its creator; org-b's copy claims 500. */
    public static final String SIGHTED = "198.51.100.61";
    public static final String ATTR_SIGHTED = "5f0c7b1e-0c6a-4b8e-9d5b-1a2b3c4d5e61";
    /** Sighted at org-a, but org-c holds a tlp:red copy of the record. */
    public static final String SIGHTED_RED = "198.51.100.62";
    public static final String HOSTILE_INFO = "<script>alert('info')</script><b>bold</b>";
    public static final String HOSTILE_TAG = "<img src=x onerror=alert('tag')>";

    public static final String ATTR_A = "5f0c7b1e-0c6a-4b8e-9d5b-1a2b3c4d5e01";
    public static final String ATTR_B = "5f0c7b1e-0c6a-4b8e-9d5b-1a2b3c4d5e02";
    public static final String ATTR_RED = "5f0c7b1e-0c6a-4b8e-9d5b-1a2b3c4d5e03";
    public static final String EVENT_A = "6a1d8c2f-1d7b-4c9f-8e6c-2b3c4d5e6f01";
    public static final String EVENT_B = "6a1d8c2f-1d7b-4c9f-8e6c-2b3c4d5e6f02";
    public static final String EVENT_RED = "6a1d8c2f-1d7b-4c9f-8e6c-2b3c4d5e6f03";

    private static final String EMPTY = "{\"response\":{\"Attribute\":[]}}";

    /** The running servers by organisation; static so that tests can reach them. */
    public static final Map<String, WireMockServer> SERVERS = new HashMap<>();

    @Override
    public Map<String, String> start() {
        for (String org : List.of("org-a", "org-b", "org-c")) {
            WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
            server.start();
            server.stubFor(any(urlPathEqualTo("/attributes/restSearch")).atPriority(10)
                    .willReturn(json(EMPTY)));
            // events of nothing, unless a test stubs some (a 404 would count against the member's circuit)
            server.stubFor(any(urlPathEqualTo("/events/restSearch")).atPriority(10)
                    .willReturn(json("{\"response\":[]}")));
            SERVERS.put(org, server);
        }
        stub("org-a", OVERLAP, attributes(
                attribute(ATTR_A, "ip-dst", OVERLAP, EVENT_A, "Campaign A", "org-a", "2026-10-01", "tlp:green")));
        stub("org-b", OVERLAP, attributes(
                attribute(ATTR_A, "ip-dst", OVERLAP, EVENT_A, "Campaign A", "org-a", "2026-10-01", "tlp:green"),
                attribute(ATTR_B, "ip-src", OVERLAP, EVENT_B, "Scanning B", "org-b", "2026-11-02", "tlp:amber")));
        stub("org-c", OVERLAP, attributes(
                attribute(ATTR_RED, "ip-dst", OVERLAP, EVENT_RED, "Secret C", "org-c", "2026-11-03", "tlp:red")));

        stub("org-a", PARTLY_FAILING, attributes(attribute("7b2e9d3a-2e8c-4daf-9f7d-3c4d5e6f7a01", "ip-dst",
                PARTLY_FAILING, "7b2e9d3a-2e8c-4daf-9f7d-3c4d5e6f7a02", "Only A answers", "org-a", "2026-09-09",
                "tlp:green")));
        SERVERS.get("org-b").stubFor(post(urlPathEqualTo("/attributes/restSearch")).atPriority(1)
                .withRequestBody(containing("\"" + PARTLY_FAILING + "\"")).willReturn(aResponse().withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"name\":\"An Internal Error Has Occurred.\",\"message\":\"An Internal Error Has"
                                + " Occurred.\",\"url\":\"/attributes/restSearch\"}")));
        SERVERS.get("org-c").stubFor(post(urlPathEqualTo("/attributes/restSearch")).atPriority(1)
                .withRequestBody(containing("\"" + PARTLY_FAILING + "\"")).willReturn(aResponse().withStatus(403)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"name\":\"Authentication failed.\",\"message\":\"Authentication failed.\","
                                + "\"url\":\"/attributes/restSearch\"}")));

        stub("org-a", HOSTILE, attributes(attribute("8c3f0e4b-3f9d-4eb0-8a8e-4d5e6f7a8b01", "domain", HOSTILE,
                "8c3f0e4b-3f9d-4eb0-8a8e-4d5e6f7a8b02", HOSTILE_INFO, "org-a", "2026-08-08", HOSTILE_TAG)));
        stub("org-a", MEMBER_OVERRIDE, attributes(attribute("9d4a1f5c-4a0e-4fc1-9b9f-5e6f7a8b9c01", "ip-dst",
                MEMBER_OVERRIDE, "9d4a1f5c-4a0e-4fc1-9b9f-5e6f7a8b9c02", "Amber at A", "org-a", "2026-07-07",
                "tlp:amber")));
        stub("org-b", MEMBER_OVERRIDE, attributes(attribute("9d4a1f5c-4a0e-4fc1-9b9f-5e6f7a8b9c03", "ip-dst",
                MEMBER_OVERRIDE, "9d4a1f5c-4a0e-4fc1-9b9f-5e6f7a8b9c04", "Amber at B", "org-b", "2026-07-08",
                "tlp:amber")));
        stub("org-b", ONLY_B, attributes(
                attribute("ad5b2a6d-5b1f-4ad2-8cab-6f7a8b9cad01", "ip-src", ONLY_B,
                        "ad5b2a6d-5b1f-4ad2-8cab-6f7a8b9cad02", "Green at B", "org-b", "2026-06-06", "tlp:green"),
                attribute("ad5b2a6d-5b1f-4ad2-8cab-6f7a8b9cad03", "ip-dst", ONLY_B,
                        "ad5b2a6d-5b1f-4ad2-8cab-6f7a8b9cad04", "Red at B", "org-b", "2026-06-07", "tlp:red")));
        stub("org-c", HIDDEN_RED, attributes(attribute("be6c3b7e-6c2a-4be3-9dbc-7a8b9cadbe01", "ip-dst",
                HIDDEN_RED, "be6c3b7e-6c2a-4be3-9dbc-7a8b9cadbe02", "Hidden red", "org-c", "2026-05-05", "tlp:red")));
        stub("org-c", HIDDEN_DROP, attributes(attribute("be6c3b7e-6c2a-4be3-9dbc-7a8b9cadbe03", "ip-dst",
                HIDDEN_DROP, "be6c3b7e-6c2a-4be3-9dbc-7a8b9cadbe04", "Hidden pap", "org-c", "2026-05-05", "PAP:RED")));
        stub("org-c", HIDDEN_STRICT, attributes(attribute("be6c3b7e-6c2a-4be3-9dbc-7a8b9cadbe05", "ip-dst",
                HIDDEN_STRICT, "be6c3b7e-6c2a-4be3-9dbc-7a8b9cadbe06", "Hidden strict", "org-c", "2026-05-05",
                "tlp:amber+strict")));
        stub("org-a", HIDDEN_OVERRIDE, attributes(attribute("be6c3b7e-6c2a-4be3-9dbc-7a8b9cadbe07", "ip-dst",
                HIDDEN_OVERRIDE, "be6c3b7e-6c2a-4be3-9dbc-7a8b9cadbe08", "Hidden amber", "org-a", "2026-05-05",
                "tlp:amber")));
        stub("org-a", COMPOSITE_IP, attributes(attribute("cf7d4c8f-7d3b-4cf4-8ecd-8b9cadbecf01", "domain|ip",
                COMPOSITE_DOMAIN + "|" + COMPOSITE_IP, "cf7d4c8f-7d3b-4cf4-8ecd-8b9cadbecf02", "Resolutions at A",
                "org-a", "2026-11-20", "tlp:green")));
        String sightings = "[{\"id\":\"1\",\"uuid\":\"a1\",\"type\":\"0\",\"source\":\"ids\"},"
                + "{\"id\":\"2\",\"uuid\":\"a2\",\"type\":\"0\"},{\"id\":\"2\",\"uuid\":\"a2\",\"type\":\"0\"},"
                + "{\"id\":\"3\",\"uuid\":\"a3\",\"type\":\"0\"},{\"id\":\"4\",\"uuid\":\"a4\",\"type\":\"1\"},"
                + "\"garbage\"]";
        StringBuilder forged = new StringBuilder("[");
        for (int i = 0; i < 500; i++) {
            forged.append(i == 0 ? "" : ",").append("{\"uuid\":\"f").append(i).append("\",\"type\":\"0\"}");
        }
        forged.append(']');
        stub("org-a", SIGHTED, attributes(sighted(attribute(ATTR_SIGHTED, "ip-dst", SIGHTED,
                "6a1d8c2f-1d7b-4c9f-8e6c-2b3c4d5e6f61", "Sighted at A", "org-a", "2026-11-25", "tlp:green"),
                sightings)));
        stub("org-b", SIGHTED, attributes(sighted(attribute(ATTR_SIGHTED, "ip-dst", SIGHTED,
                "6a1d8c2f-1d7b-4c9f-8e6c-2b3c4d5e6f61", "Sighted at A", "org-a", "2026-11-25", "tlp:green"),
                forged.toString())));
        stub("org-a", SIGHTED_RED, attributes(sighted(attribute("5f0c7b1e-0c6a-4b8e-9d5b-1a2b3c4d5e62", "ip-dst",
                SIGHTED_RED, "6a1d8c2f-1d7b-4c9f-8e6c-2b3c4d5e6f62", "Sighted, red elsewhere", "org-a",
                "2026-11-25", "tlp:green"), sightings)));
        stub("org-c", SIGHTED_RED, attributes(attribute("5f0c7b1e-0c6a-4b8e-9d5b-1a2b3c4d5e62", "ip-dst",
                SIGHTED_RED, "6a1d8c2f-1d7b-4c9f-8e6c-2b3c4d5e6f62", "Sighted, red elsewhere", "org-a",
                "2026-11-25", "tlp:red")));
        SERVERS.get("org-c").stubFor(post(urlPathEqualTo("/attributes/restSearch")).atPriority(1)
                .withRequestBody(containing("\"" + SLOW + "\"")).willReturn(json(EMPTY).withFixedDelay(SLOW_DELAY_MS)));
        return Map.of();
    }

    /** Answers {@code value} at {@code org} with {@code body} (the latest stub for a value wins). */
    public static void stub(String org, String value, String body) {
        SERVERS.get(org).stubFor(post(urlPathEqualTo("/attributes/restSearch")).atPriority(1)
                .withRequestBody(containing("\"" + value + "\"")).willReturn(json(body)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** The base URL of an organisation's member MISP. */
    public static String url(String org) {
        return "http://127.0.0.1:" + SERVERS.get(org).port();
    }

    public static String attributes(String... attributes) {
        return "{\"response\":{\"Attribute\":[" + String.join(",", attributes) + "]}}";
    }

    public static String attribute(String uuid, String type, String value, String eventUuid, String info, String orgc,
            String date, String tag) {
        return """
                {"id":"%d","event_id":"17","object_id":"0","object_relation":null,"category":"Network activity",
                 "type":"%s","value":"%s","to_ids":true,"uuid":"%s","timestamp":"1764000000","distribution":"1",
                 "sharing_group_id":"0","comment":"","deleted":false,"disable_correlation":false,
                 "first_seen":null,"last_seen":null,
                 "Event":{"id":"17","org_id":"1","orgc_id":"1","info":%s,"uuid":"%s","distribution":"1",
                  "date":"%s","threat_level_id":"2","published":true,"analysis":"2","timestamp":"1764000000",
                  "Orgc":{"id":"1","name":"%s","uuid":"11111111-2222-4333-8444-555555555555"},"Tag":[]},
                 "Tag":[{"id":"3","name":%s,"colour":"#33FF00","exportable":true}]}
                """.formatted(Math.abs(uuid.hashCode() % 100000), type, value, uuid, quote(info), eventUuid, date,
                orgc, quote(tag));
    }

    /** The attribute with a {@code Sighting} array, as MISP adds it with {@code includeSightings}. */
    static String sighted(String attribute, String sightings) {
        String trimmed = attribute.strip();
        return trimmed.substring(0, trimmed.length() - 1) + ",\"Sighting\":" + sightings + "}";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void stop() {
        SERVERS.values().forEach(WireMockServer::stop);
        SERVERS.clear();
    }
}
