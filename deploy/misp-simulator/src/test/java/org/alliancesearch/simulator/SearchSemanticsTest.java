package org.alliancesearch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.alliancesearch.simulator.http.MispApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * restSearch semantics over a small hand-made data set whose answers are known: three events, eleven live attributes
 * and one deleted one.
 */
class SearchSemanticsTest {
    static final long NOW = Instant.now().getEpochSecond();
    static final long DAY = 86400;
    static final UUID PARTNER = UUID.fromString("11111111-2222-4333-8444-555555555555");
    static final String E1 = "e1e1e1e1-0000-4000-8000-000000000001";
    static final String E2 = "e2e2e2e2-0000-4000-8000-000000000002";
    static final String A2 = "a2a2a2a2-0000-4000-8000-0000000000a2";

    @TempDir
    static Path dir;
    static SimulatorCluster cluster;
    static SimulatedMisp misp;

    @BeforeAll
    static void start() throws IOException {
        ArrayNode events = Http.MAPPER.createArrayNode();
        ObjectNode e1 = event(events, E1, "Phishing wave", "2026-01-10", true, NOW - 2 * DAY, "tlp:green");
        e1.putObject("Orgc").put("id", "7").put("name", "Partner CERT").put("uuid", PARTNER.toString());
        attr(e1, null, "ip-dst", "Network activity", "10.0.0.1", true, false, NOW - 2 * DAY);
        attr(e1, A2, "domain", "Network activity", "evil.example", true, false, NOW - 2 * DAY, "kill-chain:Delivery");
        attr(e1, null, "domain|ip", "Network activity", "mixed.example|192.0.2.5", false, false, NOW - 2 * DAY);
        attr(e1, null, "url", "Network activity", "http://evil.example/path", false, false, NOW - 2 * DAY);
        attr(e1, null, "ip-dst", "Network activity", "2001:0db8:0000:0000:0000:0000:0000:0001", true, false,
                NOW - 2 * DAY);
        attr(e1, null, "md5", "Payload delivery", "d41d8cd98f00b204e9800998ecf8427e", true, true, NOW - 2 * DAY);
        ObjectNode e2 = event(events, E2, "Ransomware", "2025-06-01", false, 0, "TLP:RED", "PAP:RED");
        attr(e2, null, "ip-src", "Network activity", "10.0.0.1", false, false, NOW - 30 * DAY, "tlp:amber");
        attr(e2, null, "sha256", "Payload delivery", "a".repeat(64), true, false, NOW - 30 * DAY);
        attr(e2, null, "domain", "Network activity", "Evil.Example", false, false, NOW - 30 * DAY);
        ObjectNode e3 = event(events, "e3e3e3e3-0000-4000-8000-000000000003", "Untagged", "2026-02-01", true,
                NOW - 20 * DAY);
        attr(e3, null, "filename", "Artifacts dropped", "invoice.exe", false, false, NOW - 20 * DAY, "tlp:clear");
        attr(e3, null, "hostname", "Network activity", "www.evil.example", true, false, NOW - 20 * DAY);
        Path file = dir.resolve("events.json");
        Files.writeString(file, events.toString());
        cluster = SimulatorCluster.start(SimulatorOptions.builder().instances(1).events(0).load(file).build());
        misp = cluster.instance("org-a");
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    static ObjectNode event(ArrayNode events, String uuid, String info, String date, boolean published,
            long publishTimestamp, String... tags) {
        ObjectNode e = events.addObject().putObject("Event");
        e.put("uuid", uuid).put("info", info).put("date", date).put("published", published)
                .put("publish_timestamp", Long.toString(publishTimestamp))
                .put("timestamp", Long.toString(publishTimestamp == 0 ? NOW - 30 * DAY : publishTimestamp))
                .put("distribution", "1");
        ArrayNode t = e.putArray("Tag");
        for (String tag : tags) {
            t.addObject().put("name", tag);
        }
        e.putArray("Attribute");
        return e;
    }

    static void attr(ObjectNode event, String uuid, String type, String category, String value, boolean toIds,
            boolean deleted, long timestamp, String... tags) {
        ObjectNode a = ((ArrayNode) event.get("Attribute")).addObject();
        a.put("uuid", uuid != null ? uuid : UUID.nameUUIDFromBytes(value.getBytes()).toString());
        a.put("type", type).put("category", category).put("value", value).put("to_ids", toIds)
                .put("deleted", deleted).put("timestamp", Long.toString(timestamp));
        ArrayNode t = a.putArray("Tag");
        for (String tag : tags) {
            t.addObject().put("name", tag);
        }
    }

    static Http.Reply attributes(String json) {
        Http.Reply r = Http.post(misp, "/attributes/restSearch", json);
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        return r;
    }

    static List<String> values(String json) {
        return attributes(json).values();
    }

    static List<String> eventInfos(String json) {
        Http.Reply r = Http.post(misp, "/events/restSearch", json);
        assertThat(r.status()).isEqualTo(200);
        return r.events().stream().map(e -> e.get("info").asText()).toList();
    }

    static final List<String> ALL_LIVE = List.of("10.0.0.1", "evil.example", "mixed.example|192.0.2.5",
            "http://evil.example/path", "2001:db8::1", "10.0.0.1", "a".repeat(64), "Evil.Example", "invoice.exe",
            "www.evil.example");

    @Test
    void exactValueMatchesEveryHolderIgnoringCase() {
        assertThat(values("{\"value\":\"10.0.0.1\"}")).containsExactly("10.0.0.1", "10.0.0.1");
        assertThat(values("{\"value\":\"EVIL.example\"}")).containsExactly("evil.example", "Evil.Example");
        assertThat(values("{\"value\":\"evil\"}")).isEmpty();
    }

    @Test
    void compositeValueMatchesOnEitherHalf() {
        assertThat(values("{\"value\":\"192.0.2.5\"}")).containsExactly("mixed.example|192.0.2.5");
        assertThat(values("{\"value\":\"mixed.example\"}")).containsExactly("mixed.example|192.0.2.5");
        assertThat(values("{\"value\":\"mixed.example|192.0.2.5\"}")).isEmpty();
    }

    @Test
    void percentTurnsValueIntoLike() {
        assertThat(values("{\"value\":\"%.example\"}")).containsExactly("evil.example", "mixed.example|192.0.2.5",
                "Evil.Example", "www.evil.example");
        assertThat(values("{\"value\":\"evil%\"}")).containsExactly("evil.example", "Evil.Example");
        assertThat(values("{\"value\":\"%evil%\"}")).hasSize(4);
    }

    @Test
    void ipv6IsCompressedBeforeMatching() {
        assertThat(values("{\"value\":\"2001:db8::1\"}")).containsExactly("2001:db8::1");
        assertThat(values("{\"value\":\"2001:0DB8:0:0:0:0:0:1\"}")).containsExactly("2001:db8::1");
    }

    @Test
    void valueListIsOrAndBangNegates() {
        assertThat(values("{\"value\":[\"invoice.exe\",\"www.evil.example\"]}")).containsExactly("invoice.exe",
                "www.evil.example");
        assertThat(values("{\"value\":[\"!10.0.0.1\"]}")).hasSize(ALL_LIVE.size() - 2).doesNotContain("10.0.0.1");
        assertThat(values("{\"value\":{\"OR\":[\"%.example\"],\"NOT\":[\"evil.example\"]}}"))
                .containsExactly("mixed.example|192.0.2.5", "www.evil.example");
        assertThat(values("{\"value\":\"invoice.exe&&www.evil.example\"}")).hasSize(2);
    }

    @Test
    void typeAndCategory() {
        assertThat(values("{\"type\":\"domain\"}")).containsExactly("evil.example", "Evil.Example");
        assertThat(values("{\"type\":[\"md5\",\"sha256\"]}")).containsExactly("a".repeat(64));
        assertThat(values("{\"category\":\"Artifacts dropped\"}")).containsExactly("invoice.exe");
        assertThat(values("{\"type\":\"ip-%\",\"value\":\"10.0.0.1\"}")).hasSize(2);
    }

    @Test
    void orgMatchesTheCreatorByNameIdOrUuid() {
        assertThat(values("{\"org\":\"Partner CERT\"}")).hasSize(5);
        assertThat(values("{\"org\":\"" + PARTNER + "\"}")).hasSize(5);
        assertThat(values("{\"org\":\"org-a\"}")).hasSize(5).contains("invoice.exe", "Evil.Example");
        assertThat(values("{\"org\":\"!Partner CERT\"}")).hasSize(5).doesNotContain("evil.example");
        assertThat(values("{\"org\":\"1\"}")).hasSize(5).contains("invoice.exe");
    }

    @Test
    void eventTagMatchesItsAttributes() {
        assertThat(values("{\"tags\":\"tlp:green\"}")).containsExactly("10.0.0.1", "evil.example",
                "mixed.example|192.0.2.5", "http://evil.example/path", "2001:db8::1");
    }

    @Test
    void attributeTagMatchesOnlyThatAttribute() {
        assertThat(values("{\"tags\":[\"tlp:amber\"]}")).containsExactly("10.0.0.1");
        assertThat(values("{\"tags\":[\"kill-chain:Delivery\"]}")).containsExactly("evil.example");
    }

    @Test
    void tagsMatchByLikeIgnoringCase() {
        assertThat(values("{\"tags\":\"TLP:%\"}")).hasSize(ALL_LIVE.size() - 1).doesNotContain("www.evil.example");
        assertThat(values("{\"tags\":\"tlp:red\"}")).containsExactly("10.0.0.1", "a".repeat(64), "Evil.Example");
        assertThat(values("{\"tags\":\"1\"}")).hasSize(5); // tag id 1 is tlp:green, the first tag loaded
    }

    @Test
    void negatedTagsExcludeByEventOrAttributeTag() {
        assertThat(values("{\"tags\":[\"!tlp:red\"]}")).hasSize(7).doesNotContain("Evil.Example");
        assertThat(values("{\"tags\":{\"NOT\":[\"tlp:clear\"]}}")).hasSize(ALL_LIVE.size() - 1)
                .doesNotContain("invoice.exe");
        assertThat(values("{\"tags\":\"tlp:green&&!kill-chain:Delivery\"}")).hasSize(4)
                .doesNotContain("evil.example");
    }

    @Test
    void andTagsNeedEveryTagOnAttributeOrEvent() {
        assertThat(values("{\"tags\":{\"AND\":[\"tlp:red\",\"tlp:amber\"]}}")).containsExactly("10.0.0.1");
        assertThat(values("{\"tags\":{\"AND\":[\"tlp:red\",\"PAP:RED\"]}}")).hasSize(3);
    }

    @Test
    void unknownAndTagOrUnknownOnlyTagGivesNothing() {
        assertThat(values("{\"tags\":{\"AND\":[\"tlp:green\",\"no-such-tag\"]}}")).isEmpty();
        assertThat(values("{\"tags\":[\"no-such-tag\"]}")).isEmpty();
        assertThat(values("{\"tags\":[\"!no-such-tag\"]}")).hasSize(ALL_LIVE.size());
    }

    @Test
    void eventIdAndUuid() {
        assertThat(values("{\"eventid\":\"2\"}")).containsExactly("10.0.0.1", "a".repeat(64), "Evil.Example");
        assertThat(values("{\"uuid\":\"" + A2 + "\"}")).containsExactly("evil.example");
        assertThat(values("{\"uuid\":\"" + E2 + "\"}")).hasSize(3);
    }

    @Test
    void eventDateFromAndTo() {
        assertThat(values("{\"from\":\"2026-01-01\"}")).hasSize(7).doesNotContain("Evil.Example");
        assertThat(values("{\"to\":\"2025-12-31\"}")).hasSize(3);
        assertThat(values("{\"from\":\"2026-01-10\",\"to\":\"2026-01-10\"}")).hasSize(5);
    }

    @Test
    void relativeAndAbsoluteTimes() {
        assertThat(values("{\"last\":\"7d\"}")).hasSize(5);
        assertThat(values("{\"last\":\"25d\"}")).hasSize(7);
        assertThat(values("{\"publish_timestamp\":\"" + (NOW - 7 * DAY) + "\"}")).hasSize(5);
        assertThat(values("{\"publish_timestamp\":[\"25d\",\"10d\"]}")).containsExactly("invoice.exe",
                "www.evil.example");
        assertThat(values("{\"timestamp\":\"72h\"}")).hasSize(5);
        assertThat(values("{\"timestamp\":[\"" + (NOW - 40 * DAY) + "\",\"" + (NOW - 25 * DAY) + "\"]}"))
                .hasSize(3);
    }

    @Test
    void toIdsPublishedAndDeleted() {
        assertThat(values("{\"to_ids\":1}")).containsExactly("10.0.0.1", "evil.example", "2001:db8::1",
                "a".repeat(64), "www.evil.example");
        assertThat(values("{\"to_ids\":false}")).hasSize(5);
        assertThat(values("{\"published\":0}")).hasSize(3);
        assertThat(values("{\"published\":true}")).hasSize(7);
        assertThat(values("{}")).doesNotContain("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(values("{\"deleted\":1}")).containsExactly("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(values("{\"deleted\":[0,1]}")).hasSize(ALL_LIVE.size() + 1);
    }

    @Test
    void pagingAndResultCount() {
        Http.Reply first = attributes("{\"limit\":4,\"page\":1}");
        assertThat(first.values()).containsExactlyElementsOf(ALL_LIVE.subList(0, 4));
        assertThat(first.header("X-Result-Count")).isEqualTo("5");
        Http.Reply third = attributes("{\"limit\":4,\"page\":3}");
        assertThat(third.values()).containsExactlyElementsOf(ALL_LIVE.subList(8, 10));
        assertThat(third.header("X-Result-Count")).isEqualTo("2");
        Http.Reply past = attributes("{\"limit\":4,\"page\":4}");
        assertThat(past.values()).isEmpty();
        assertThat(past.header("X-Result-Count")).isEqualTo("0");
        Http.Reply exact = attributes("{\"limit\":10}");
        assertThat(exact.values()).hasSize(10);
        assertThat(exact.header("X-Result-Count")).as("a full limited page says more may follow").isEqualTo("11");
        assertThat(attributes("{}").header("X-Result-Count")).isEqualTo("10");
    }

    @Test
    void emptyOrBlankFilterMatchesEverything() {
        assertThat(values("{}")).containsExactlyElementsOf(ALL_LIVE);
        assertThat(values("{\"value\":\"\"}")).containsExactlyElementsOf(ALL_LIVE);
        assertThat(values("{\"value\":[\"\", \" \"]}")).containsExactlyElementsOf(ALL_LIVE);
        assertThat(values("{\"tags\":[],\"type\":null}")).containsExactlyElementsOf(ALL_LIVE);
    }

    @Test
    void unknownKeysAreDroppedSilently() {
        assertThat(values("{\"value\":\"10.0.0.1\",\"nonsense\":{\"x\":1},\"enforceWarninglist\":1}")).hasSize(2);
    }

    @Test
    void includeEventTagsMarksInheritedTags() {
        JsonNode plain = attributes("{\"value\":\"10.0.0.1\"}").attributes().get(0);
        assertThat(plain.has("Tag")).isFalse();
        List<JsonNode> withTags = attributes("{\"value\":\"10.0.0.1\",\"includeEventTags\":1}").attributes();
        JsonNode tag = withTags.get(0).get("Tag").get(0);
        assertThat(tag.get("name").asText()).isEqualTo("tlp:green");
        assertThat(tag.get("inherited").asInt()).isEqualTo(1);
        JsonNode b1 = withTags.get(1);
        assertThat(b1.get("Tag")).hasSize(3);
        assertThat(b1.get("Tag").get(0).get("name").asText()).isEqualTo("tlp:amber");
        assertThat(b1.get("Tag").get(0).has("inherited")).isFalse();
        assertThat(b1.get("Tag").get(1).get("name").asText()).isEqualTo("TLP:RED");
        assertThat(b1.get("Tag").get(1).get("inherited").asInt()).isEqualTo(1);
    }

    @Test
    void includeContextAddsEventContextWithOrgc() {
        JsonNode plain = attributes("{\"value\":\"evil.example\"}").attributes().get(0).get("Event");
        assertThat(plain.has("Orgc")).isFalse();
        assertThat(plain.get("info").asText()).isEqualTo("Phishing wave");
        assertThat(plain.get("uuid").asText()).isEqualTo(E1);
        JsonNode ctx = attributes("{\"value\":\"evil.example\",\"includeContext\":1}").attributes().get(0)
                .get("Event");
        assertThat(ctx.get("Orgc").get("name").asText()).isEqualTo("Partner CERT");
        assertThat(ctx.get("Orgc").get("uuid").asText()).isEqualTo(PARTNER.toString());
        assertThat(ctx.get("date").asText()).isEqualTo("2026-01-10");
        assertThat(ctx.get("Tag").get(0).get("name").asText()).isEqualTo("tlp:green");
        assertThat(ctx.get("published").asBoolean()).isTrue();
    }

    @Test
    void fieldsHaveMispTypes() {
        JsonNode a = attributes("{\"value\":\"evil.example\"}").attributes().get(0);
        for (String f : List.of("id", "event_id", "object_id", "timestamp", "distribution", "sharing_group_id")) {
            assertThat(a.get(f).isTextual()).as(f).isTrue();
            assertThat(a.get(f).asText()).as(f).matches("\\d+");
        }
        assertThat(a.get("to_ids").isBoolean()).isTrue();
        assertThat(a.get("uuid").asText()).isEqualTo(A2);
        assertThat(a.get("Event").get("orgc_id").asText()).matches("\\d+");
        assertThat(a.get("Tag").get(0).get("id").asText()).matches("\\d+");
    }

    @Test
    void eventSearchReturnsWholeEventsInMispEnvelope() {
        Http.Reply r = Http.post(misp, "/events/restSearch", "{\"value\":\"10.0.0.1\"}");
        assertThat(r.json().get("response").isArray()).isTrue();
        List<JsonNode> events = r.events();
        assertThat(events).extracting(e -> e.get("uuid").asText()).containsExactly(E1, E2);
        assertThat(events.get(0).get("Attribute")).hasSize(5); // the deleted attribute stays hidden
        assertThat(events.get(0).get("Orgc").get("name").asText()).isEqualTo("Partner CERT");
        assertThat(events.get(0).get("Tag").get(0).get("name").asText()).isEqualTo("tlp:green");
        assertThat(r.header("X-Result-Count")).isEqualTo("2");
    }

    @Test
    void eventSearchTagsMatchEventOrAttributeTags() {
        assertThat(eventInfos("{\"tags\":\"tlp:red\"}")).containsExactly("Ransomware");
        assertThat(eventInfos("{\"tags\":\"kill-chain:Delivery\"}")).containsExactly("Phishing wave");
        assertThat(eventInfos("{\"tags\":\"!tlp:red\"}")).containsExactly("Phishing wave", "Untagged");
        assertThat(eventInfos("{\"tags\":{\"AND\":[\"tlp:red\",\"nope\"]}}")).isEmpty();
        assertThat(eventInfos("{\"published\":1,\"limit\":1,\"page\":2}")).containsExactly("Untagged");
        assertThat(eventInfos("{\"type\":\"filename\"}")).containsExactly("Untagged");
        assertThat(eventInfos("{\"org\":\"Partner CERT\"}")).containsExactly("Phishing wave");
    }

    @Test
    void badOrMissingKeyGets403WithMispMessage() {
        Http.Reply none = Http.send(HttpRequest.newBuilder(URI.create(misp.url() + "/attributes/restSearch"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"value\":\"10.0.0.1\"}")));
        assertThat(none.status()).isEqualTo(403);
        assertThat(none.json().get("message").asText()).isEqualTo(MispApi.AUTH_FAILED).startsWith(
                "Authentication failed. Please make sure you pass the API key of an API enabled user");
        assertThat(none.json().get("url").asText()).isEqualTo("/attributes/restSearch");
        assertThat(none.json().has("name")).isTrue();
        Http.Reply wrong = Http.send(HttpRequest.newBuilder(URI.create(misp.url() + "/events/restSearch"))
                .header("Authorization", "x" + misp.apiKey()).POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.json().get("url").asText()).isEqualTo("/events/restSearch");
        assertThat(wrong.raw().body()).doesNotContain("10.0.0.1");
    }

    @Test
    void mispAuthHeaderAndSecondKeyAreAccepted() {
        Http.Reply r = Http.send(HttpRequest.newBuilder(URI.create(misp.url() + "/attributes/restSearch"))
                .header("X-MISP-AUTH", misp.apiKeys().get(1))
                .POST(HttpRequest.BodyPublishers.ofString("{\"value\":\"invoice.exe\"}")));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.values()).containsExactly("invoice.exe");
    }

    @Test
    void getWithoutParametersIs400AndWithParametersSearches() {
        Http.Reply bare = Http.send(HttpRequest.newBuilder(URI.create(misp.url() + "/attributes/restSearch"))
                .header("Authorization", misp.apiKey()).GET());
        assertThat(bare.status()).isEqualTo(400);
        assertThat(bare.json().has("name")).isTrue();
        assertThat(bare.json().get("url").asText()).isEqualTo("/attributes/restSearch");
        Http.Reply withParams = Http.send(HttpRequest
                .newBuilder(URI.create(misp.url() + "/attributes/restSearch?value=invoice.exe"))
                .header("Authorization", misp.apiKey()).GET());
        assertThat(withParams.values()).containsExactly("invoice.exe");
    }

    @Test
    void malformedBodyIs400NotA500() {
        Http.Reply r = Http.post(misp, "/attributes/restSearch", "{\"value\": ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().has("message")).isTrue();
    }

    @Test
    void versionAndCurrentUser() {
        Http.Reply v = Http.send(HttpRequest.newBuilder(URI.create(misp.url() + "/servers/getVersion"))
                .header("Authorization", misp.apiKey()).GET());
        assertThat(v.json().get("version").asText()).isEqualTo("2.5.1");
        assertThat(v.json().get("perm_sync").asBoolean()).isFalse();
        assertThat(v.json().get("perm_sighting").asBoolean()).isTrue();
        assertThat(v.json().get("request_encoding")).hasSize(1);
        assertThat(v.json().get("uuid").asText()).isEqualTo("-");
        for (String method : List.of("GET", "POST")) {
            Http.Reply me = Http.send(HttpRequest.newBuilder(URI.create(misp.url() + "/users/view/me"))
                    .header("Authorization", misp.apiKey())
                    .method(method, HttpRequest.BodyPublishers.noBody()));
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.json().get("Organisation").get("name").asText()).isEqualTo("org-a");
            assertThat(me.json().get("Organisation").get("uuid").asText())
                    .isEqualTo(misp.organisation().uuid().toString());
            assertThat(me.json().get("Role").get("perm_auth").asBoolean()).isTrue();
            assertThat(me.json().get("User").get("org_id").asText()).isEqualTo("1");
        }
        Http.Reply bad = Http.send(HttpRequest.newBuilder(URI.create(misp.url() + "/users/view/me"))
                .header("Authorization", "nope").GET());
        assertThat(bad.status()).isEqualTo(403);
    }
}
