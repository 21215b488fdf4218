package org.alliancesearch.portal.digest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancesearch.portal.testsupport.Db;
import org.alliancesearch.portal.testsupport.Members;
import org.alliancesearch.portal.testsupport.Tokens;
import org.alliancesearch.simulator.SimulatedMisp;
import org.alliancesearch.simulator.SimulatorCluster;
import org.alliancesearch.simulator.SimulatorOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The weekly digest end to end: three simulated members with dated records (inside and outside the window, one
 * organisation or two, tags and galaxy clusters, records the policy hides) and one member that is down, built through
 * the connector's window search, stored once per week, shown by the API and the page (English and Japanese) to
 * members only.
 */
@QuarkusTest
class DigestTest {
    static final long DAY = 86_400L;
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    /** North and south report it this week: listed. */
    static final String SHARED = "dg-" + RUN + "-shared.example";
    /** North, south and east: listed first. */
    static final String WIDE = "198.18." + (int) (Math.random() * 200) + ".7";
    /** North only: one organisation. */
    static final String ONLY_NORTH = "dg-" + RUN + "-north.example";
    /** North reported it a month ago (in an event changed this week), south this week: not new. */
    static final String KNOWN = "dg-" + RUN + "-known.example";
    /** North and south, a month ago, in events not changed since: outside the window. */
    static final String OLD = "dg-" + RUN + "-old.example";
    /** North and south this week, tlp:red on the record: hidden, counted nowhere. */
    static final String RED = "dg-" + RUN + "-red.example";
    /** North and south this week, in events tagged tlp:red: hidden, counted nowhere. */
    static final String RED_EVENT = "dg-" + RUN + "-red-event.example";
    /**
     * North (whose own policy allows at most tlp:green) in a tlp:amber event, south in a green one: north's copy is
     * hidden by north's policy, so one organisation holds it.
     */
    static final String AMBER = "dg-" + RUN + "-amber.example";
    static final String TAG = "dg-" + RUN + ":ransomware";
    static final String EMOTET = "misp-galaxy:malpedia=\\\"Emotet " + RUN + "\\\"";

    static SimulatorCluster cluster;
    static long now;
    static String down;
    private final List<String> created = new java.util.ArrayList<>();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void members() throws Exception {
        cluster = SimulatorCluster.start(SimulatorOptions.builder().instances(3).events(0).adminPort(-1).build());
        now = Instant.now().getEpochSecond();
        long recent = now - 2 * DAY;
        long month = now - 30 * DAY;
        SimulatedMisp north = cluster.instance("org-a");
        SimulatedMisp south = cluster.instance("org-b");
        SimulatedMisp east = cluster.instance("org-c");
        // north: three events this week, each with the tag and the cluster (rows, not organisations)
        add(north, event(recent, "[{\"name\":\"tlp:green\"},{\"name\":\"" + TAG + "\"}]",
                "[{\"name\":\"Malware\",\"GalaxyCluster\":[{\"type\":\"malpedia\",\"value\":\"Emotet " + RUN
                        + "\",\"tag_name\":\"" + EMOTET + "\"}]}]",
                attr(SHARED, recent, null), attr(WIDE, recent, null), attr(ONLY_NORTH, recent, null),
                attr(KNOWN, month, null), attr(RED, recent, "tlp:red"), attr("x1-" + SHARED, recent, null)));
        add(north, event(recent, "[{\"name\":\"" + TAG + "\"},{\"name\":\"" + EMOTET + "\"}]", "[]",
                attr("x2-" + SHARED, recent, null)));
        add(north, event(recent, "[{\"name\":\"" + TAG + "\"}]", "[]", attr("x3-" + SHARED, recent, null)));
        add(north, event(month, "[]", "[]", attr(OLD, month, null)));
        add(north, event(recent, "[{\"name\":\"tlp:red\"}]", "[]", attr(RED_EVENT, recent, null)));
        add(north, event(recent, "[{\"name\":\"tlp:amber\"}]", "[]", attr(AMBER, recent, null)));
        // south: one event this week with the tag in another case and the cluster as a tag only
        add(south, event(recent, "[{\"name\":\"" + TAG.toUpperCase() + "\"},{\"name\":\"" + EMOTET + "\"}]", "[]",
                attr(SHARED, recent, null), attr(WIDE, recent, null), attr(KNOWN, recent, null),
                attr(RED, recent, "tlp:red"), attr(AMBER, recent, null)));
        add(south, event(month, "[]", "[]", attr(OLD, month, null)));
        add(south, event(recent, "[{\"name\":\"TLP:RED\"}]", "[]", attr(RED_EVENT, recent, null)));
        add(east, event(recent, "[]", "[]", attr(WIDE, recent, null)));
    }

    /**
     * Registered through the admin API for each test (RestAssured knows the test port only around each test) and
     * removed after it: the simulators' MISP organisations (org-a …) must not stay in the alliance and speak for the
     * other tests' members of those names.
     */
    void registerMembers() {
        register("Digest North " + RUN, "dg-north-" + RUN, "org-a",
                Map.of("maxTlp", "GREEN", "dropTags", List.of()));
        register("Digest South " + RUN, "dg-south-" + RUN, "org-b", null);
        register("Digest East " + RUN, "dg-east-" + RUN, "org-c", null);
        Map<String, Object> body = Members.body("Digest Down " + RUN, "key-" + UUID.randomUUID());
        body.put("organisation", "dg-down-" + RUN);
        body.put("timeoutMs", 1000);
        down = Members.create(body);
        created.add(down);
    }

    @AfterEach
    void removeMembers() {
        created.forEach(id -> given().auth().oauth2(Tokens.admin()).delete("/api/v1/admin/members/" + id).then()
                .statusCode(204));
        created.clear();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    void register(String name, String org, String instance, Map<String, Object> policy) {
        SimulatedMisp misp = cluster.instance(instance);
        Map<String, Object> body = Members.body(name, misp.apiKey());
        if (policy != null) {
            body.put("policy", policy);
        }
        body.put("organisation", org);
        body.put("url", misp.url());
        created.add(Members.create(body));
    }

    static void add(SimulatedMisp misp, String event) throws Exception {
        misp.addEvents(JSON.readTree(event));
    }

    static String event(long ts, String tags, String galaxies, String... attributes) {
        return event(UUID.randomUUID().toString(), ts, tags, galaxies, attributes);
    }

    static String event(String uuid, long ts, String tags, String galaxies, String... attributes) {
        return "{\"Event\":{\"uuid\":\"" + uuid + "\",\"info\":\"digest " + RUN + "\",\"date\":\"2026-01-01\","
                + "\"published\":true,\"timestamp\":\"" + ts + "\",\"publish_timestamp\":\"" + ts + "\",\"Tag\":"
                + tags + ",\"Galaxy\":" + galaxies + ",\"Attribute\":[" + String.join(",", attributes) + "]}}";
    }

    static String attr(String value, long ts, String tag) {
        String type = value.matches("[0-9.]+") ? "ip-dst" : "domain";
        return "{\"uuid\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"category\":\"Network activity\","
                + "\"to_ids\":true,\"value\":\"" + value + "\",\"timestamp\":\"" + ts + "\",\"Tag\":["
                + (tag == null ? "" : "{\"name\":\"" + tag + "\"}") + "]}";
    }

    static JsonPath rebuild() {
        return given().auth().oauth2(Tokens.admin()).post("/api/v1/admin/digest/rebuild").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
    }

    @BeforeEach
    void fresh() throws Exception {
        registerMembers();
        Db.update("delete from weekly_digest");
    }

    @Test
    void theDigestCountsOrganisationsInTheWindowUnderThePolicyAndNamesTheFailedMember() {
        rebuild();
        JsonPath d = given().auth().oauth2(Tokens.alice()).get("/api/v1/digest").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();

        List<String> values = d.getList("indicators.value");
        assertThat(values).contains(SHARED, WIDE)
                .doesNotContain(ONLY_NORTH, KNOWN, OLD, RED, RED_EVENT, AMBER, "x1-" + SHARED);
        // most organisations first
        assertThat(values.indexOf(WIDE)).isLessThan(values.indexOf(SHARED));
        Map<String, Object> shared = d.getMap("indicators.find { it.value == '" + SHARED + "' }");
        assertThat((List<String>) shared.get("organisations")).containsExactly("dg-north-" + RUN, "dg-south-" + RUN);
        assertThat(Instant.parse((String) shared.get("firstReported")).getEpochSecond()).isEqualTo(now - 2 * DAY);
        Map<String, Object> wide = d.getMap("indicators.find { it.value == '" + WIDE + "' }");
        assertThat(wide.get("family")).isEqualTo("ip");
        assertThat((List<String>) wide.get("organisations")).hasSize(3);

        // the tag on three of north's events and one of south's: two organisations; the cluster likewise
        assertThat(d.getInt("tags.find { it.name.equalsIgnoreCase('" + TAG + "') }.organisations")).isEqualTo(2);
        Map<String, Object> emotet = d.getMap("clusters.find { it.value == 'Emotet " + RUN + "' }");
        assertThat(emotet.get("organisations")).isEqualTo(2);
        assertThat(emotet.get("type")).isEqualTo("malpedia");

        // north: three events this week with a kept record (not the red one, nor the amber one its own policy hides);
        // its attributes this week: shared, wide, only-north and three x- (not the red, amber or month-old ones)
        Map<String, Object> north = d.getMap("members.find { it.organisation == 'dg-north-" + RUN + "' }");
        assertThat(north.get("status")).isEqualTo("OK");
        assertThat(north.get("events")).isEqualTo(3);
        assertThat(north.get("attributes")).isEqualTo(6);
        Map<String, Object> south = d.getMap("members.find { it.organisation == 'dg-south-" + RUN + "' }");
        assertThat(south.get("events")).isEqualTo(1);
        // shared, wide, known, amber; not the red one
        assertThat(south.get("attributes")).isEqualTo(4);

        Map<String, Object> failed = d.getMap("failedMembers.find { it.organisation == 'dg-down-" + RUN + "' }");
        assertThat(failed.get("name")).isEqualTo("Digest Down " + RUN);
        assertThat(failed.get("failed")).isEqualTo(true);
        assertThat((String) failed.get("message")).isNotBlank();
        assertThat(d.getList("failedMembers.organisation")).doesNotContain("dg-north-" + RUN);
        // UTC, ISO 8601
        assertThat(d.getString("builtAt")).endsWith("Z");
        assertThat(Instant.parse(d.getString("windowTo")).getEpochSecond()
                - Instant.parse(d.getString("windowFrom")).getEpochSecond()).isEqualTo(7 * DAY);
        // no member's key anywhere
        String raw = given().auth().oauth2(Tokens.alice()).get("/api/v1/digest").asString();
        assertThat(raw).doesNotContain(cluster.instance("org-a").apiKey());
    }

    @Test
    void buildingTwiceInAWeekLeavesOneRowTheLatest() throws Exception {
        String first = rebuild().getString("builtAt");
        JsonPath second = rebuild();

        List<Map<String, String>> rows = Db.rows("select week_start, built_at, members_failed, failed_members"
                + " from weekly_digest");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("week_start")).isEqualTo(second.getString("weekStart"));
        assertThat(Instant.parse(second.getString("builtAt"))).isAfterOrEqualTo(Instant.parse(first));
        assertThat(rows.get(0).get("failed_members")).contains("Digest Down " + RUN);
        assertThat(Integer.parseInt(rows.get(0).get("members_failed"))).isPositive();
        assertThat(given().auth().oauth2(Tokens.alice()).get("/api/v1/digest").then().statusCode(200).extract()
                .jsonPath().getString("builtAt")).isEqualTo(second.getString("builtAt"));
        // each rebuild is audited
        assertThat(Db.rows("select action from audit_entry where action = 'digest.rebuild'")).hasSizeGreaterThan(1);
    }

    @Test
    void onlyMembersSeeItAndOnlyAdminsRebuildIt() {
        rebuild();
        given().get("/api/v1/digest").then().statusCode(401);
        String noRole = Tokens.token("nora", "org-a", List.of());
        given().auth().oauth2(noRole).get("/api/v1/digest").then().statusCode(403);
        given().auth().oauth2(noRole).redirects().follow(false).get("/digest").then().statusCode(403);
        given().auth().oauth2(Tokens.alice()).post("/api/v1/admin/digest/rebuild").then().statusCode(403);
        given().auth().oauth2(Tokens.bob()).get("/api/v1/digest").then().statusCode(200);
    }

    @Test
    void beforeAnyBuildTheApiSaysNotFoundAndThePageSaysSo() {
        given().auth().oauth2(Tokens.alice()).get("/api/v1/digest").then().statusCode(404)
                .contentType("application/problem+json");
        String en = given().auth().oauth2(Tokens.alice()).get("/digest").then().statusCode(200).extract().asString();
        assertThat(en).contains("id=\"digest-empty\"").contains("No digest has been built yet");
        String ja = given().auth().oauth2(Tokens.alice()).header("Accept-Language", "ja").get("/digest").then()
                .statusCode(200).extract().asString();
        assertThat(ja).contains("ダイジェストはまだ作成されていません");
    }

    @Test
    void thePageInEnglishAndJapaneseInTheReadersZone() {
        rebuild();
        String en = given().auth().oauth2(Tokens.alice()).get("/digest").then().statusCode(200).extract().asString();
        assertThat(en).contains("<h1>Weekly digest</h1>").contains("<a href=\"/digest\">Weekly digest</a>")
                .contains("Members that failed").contains("Digest Down " + RUN)
                .contains("<code><bdi>" + SHARED + "</bdi></code>").contains("Emotet " + RUN)
                .contains("Built ").contains(" UTC").doesNotContain(RED);
        String ja = given().auth().oauth2(Tokens.alice()).header("Accept-Language", "ja").get("/digest").then()
                .statusCode(200).extract().asString();
        assertThat(ja).contains("<h1>週次ダイジェスト</h1>").contains("応答できなかったメンバー")
                .contains("作成日時").contains("JST").contains("Digest Down " + RUN).contains(SHARED);
        // another page links it
        assertThat(given().auth().oauth2(Tokens.alice()).get("/history").then().statusCode(200).extract().asString())
                .contains("<a href=\"/digest\">Weekly digest</a>");
    }
}
