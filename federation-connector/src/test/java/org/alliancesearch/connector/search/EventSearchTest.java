package org.alliancesearch.connector.search;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.alliancesearch.connector.EventMemberOutcome;
import org.alliancesearch.connector.FederatedEventResult;
import org.alliancesearch.connector.MemberEndpoint;
import org.alliancesearch.connector.MemberStatus;
import org.alliancesearch.connector.support.MemberServersSupport;
import org.alliancesearch.connector.support.MispFixtures;
import org.alliancesearch.model.misp.MispEventDocument;
import org.alliancesearch.model.mispapi.EventMerger;
import org.alliancesearch.model.mispapi.MergedEvents;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.policy.Tlp;
import org.alliancesearch.model.query.SearchQuery;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class EventSearchTest extends MemberServersSupport {
    private static final String REAL_EVENT = "5a3c2fcd-8328-42bb-a95e-4f4402de0b81";

    private static MappingBuilder events() {
        return post(urlEqualTo("/events/restSearch"));
    }

    /** {@code existing_event.json} (a real CIRCL event) as {@code events/restSearch} answers it. */
    private static String realEventAnswer() {
        return answer(MispFixtures.read("/misp/existing_event.json"));
    }

    private static String answer(JsonNode... events) {
        ObjectNode root = MispFixtures.MAPPER.createObjectNode();
        ArrayNode list = root.putArray("response");
        for (JsonNode e : events) {
            list.addObject().set("Event", e);
        }
        return root.toString();
    }

    /** A synthetic event of {@code count} attributes {@code <two octets>.x.y}, MISP-shaped. */
    private static ObjectNode event(String uuid, int count, String valuePrefix) {
        ObjectNode e = MispFixtures.MAPPER.createObjectNode();
        e.put("id", "42");
        e.put("uuid", uuid);
        e.put("info", "event " + uuid);
        e.put("date", "2024-03-01");
        e.put("timestamp", "1700000000");
        e.put("published", true);
        e.putObject("Orgc").put("id", "1").put("name", "CIRCL").put("uuid", "55f6ea5e-2c60-40e5-964f-47a8950d210f");
        ArrayNode attributes = e.putArray("Attribute");
        for (int i = 0; i < count; i++) {
            attributes.addObject().put("id", String.valueOf(i)).put("uuid", uuid + "-a" + i).put("type", "ip-dst")
                    .put("category", "Network activity").put("value", valuePrefix + (i / 250) + "." + (i % 250))
                    .put("timestamp", "1700000000").put("to_ids", true);
        }
        e.putArray("Tag").addObject().put("name", "tlp:green");
        return e;
    }

    private FederatedEventResult runEvents(SearchQuery query, AlliancePolicy policy) {
        FederatedEventResult r = search.startEvents(query, policy).result().await().atMost(WAIT);
        r.members().forEach(m -> rememberText(m.message()));
        return r;
    }

    private static EventMemberOutcome of(FederatedEventResult r, String id) {
        return r.members().stream().filter(m -> m.member().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void readsWholeEventsFromEveryMemberAndTheMergeMakesOneEventHeldByBoth() {
        for (int s = 0; s < 2; s++) {
            servers[s].stubFor(events().willReturn(aResponse().withHeader("Content-Type", "application/json")
                    .withBody(realEventAnswer())));
        }
        member("a", 0);
        member("b", 1);
        SearchQuery q = SearchQuery.ofValues(List.of("Bulletin.doc"));

        FederatedEventResult r = runEvents(q, AlliancePolicy.defaults());

        for (String id : List.of("a", "b")) {
            EventMemberOutcome o = of(r, id);
            assertThat(o.status()).isEqualTo(MemberStatus.OK);
            assertThat(o.eventCount()).isEqualTo(1);
            assertThat(o.attributeCount()).isEqualTo(122);
            assertThat(o.skipped()).isZero();
            MispEventDocument e = o.events().get(0);
            assertThat(e.uuid()).isEqualTo(REAL_EVENT);
            assertThat(e.objects()).hasSize(49);
        }
        MergedEvents merged = new EventMerger().merge(r.answers(), new EventMerger.Rules(AlliancePolicy.defaults(),
                Map.of(), q, null, r.alliance()));
        assertThat(merged.events()).hasSize(1);
        assertThat(merged.events().get(0).holders()).extracting(m -> m.id()).containsExactly("a", "b");
        assertThat(merged.events().get(0).attributeCount()).isEqualTo(122);
        assertThat(merged.tallies()).extracting(t -> t.events() + "/" + t.attributes()).containsExactly("1/122",
                "1/122");
    }

    @Test
    void sendsTheAttributeSearchBodyWithThePolicyAsNotTagsAndPagesOverEvents() {
        servers[0].stubFor(events().withRequestBody(matchingJsonPath("$.page", equalTo("1")))
                .willReturn(aResponse().withBody(answer(event("e1", 1, "198.51."), event("e2", 1, "198.51."),
                        event("e3", 1, "198.51."), event("e4", 1, "198.51."), event("e5", 1, "198.51.")))));
        servers[0].stubFor(events().withRequestBody(matchingJsonPath("$.page", equalTo("2")))
                .willReturn(aResponse().withBody(answer(event("e6", 1, "198.51.")))));
        MemberEndpoint a = member("a", 0);

        FederatedEventResult r = runEvents(values("198.51.0.0"), AlliancePolicy.of(Tlp.GREEN, "secret:*"));

        EventMemberOutcome o = of(r, "a");
        assertThat(o.status()).isEqualTo(MemberStatus.OK);
        assertThat(o.events()).extracting(MispEventDocument::uuid).containsExactly("e1", "e2", "e3", "e4", "e5",
                "e6");
        List<LoggedRequest> requests = servers[0].findAll(postRequestedFor(urlEqualTo("/events/restSearch"))
                .withHeader("Authorization", equalTo(a.apiKey().reveal())));
        assertThat(requests).hasSize(2);
        JsonNode body = json(requests.get(0));
        assertThat(body.get("returnFormat").asText()).isEqualTo("json");
        List<String> values = new ArrayList<>();
        body.get("value").forEach(v -> values.add(v.asText()));
        assertThat(values).containsExactlyInAnyOrder("198.51.0.0", SYNTHETIC);
        List<String> not = new ArrayList<>();
        body.get("tags").get("NOT").forEach(t -> not.add(t.asText()));
        assertThat(not).contains("secret:%", "tlp:red", "tlp:amber+strict", "tlp:amber");
        assertThat(body.get("includeEventTags").asInt()).isEqualTo(1);
        assertThat(body.get("deleted").asInt()).isZero();
        assertThat(body.get("limit").asInt()).isEqualTo(5);
        servers[0].verify(exactly(0), postRequestedFor(urlEqualTo("/attributes/restSearch")));
    }

    @Test
    void aHugeEventIsCutToTheCapsAndCountedWhileOtherMembersAnswerInFull() {
        // Member a: one event of 1,000 attributes (cap 300 per event), then a small one.
        servers[0].stubFor(events().willReturn(aResponse().withBody(answer(event("huge", 1000, "198.51."),
                event("small", 2, "198.51.")))));
        // Member b: an answer larger than the byte cap (256 KiB in tests).
        servers[1].stubFor(events().willReturn(aResponse().withBody(answer(event("big1", 2000, "198.51."),
                event("big2", 2000, "198.51.")))));
        servers[2].stubFor(events().willReturn(aResponse().withBody(answer(event("fine", 3, "198.51.")))));
        member("a", 0);
        member("b", 1);
        member("c", 2);

        FederatedEventResult r = runEvents(values("198.51.0.1"), AlliancePolicy.defaults());

        EventMemberOutcome a = of(r, "a");
        assertThat(a.status()).isEqualTo(MemberStatus.OK);
        assertThat(a.events()).extracting(MispEventDocument::uuid).containsExactly("huge", "small");
        assertThat(a.events().get(0).attributes()).hasSize(300);
        assertThat(a.events().get(0).cutAttributes()).isEqualTo(700);
        assertThat(a.truncated()).isEqualTo(1);
        assertThat(a.attributeCount()).isEqualTo(302);
        EventMemberOutcome b = of(r, "b");
        assertThat(b.status()).isIn(MemberStatus.PARTIAL, MemberStatus.ERROR);
        assertThat(b.message()).contains("answer larger than 262144 bytes");
        assertThat(of(r, "c").status()).isEqualTo(MemberStatus.OK);
        assertThat(of(r, "c").eventCount()).isEqualTo(1);
    }

    @Test
    void malformedJsonMidStreamKeepsTheEventsReadBefore() {
        String good = answer(event("first", 2, "198.51."), event("second", 2, "198.51."));
        // Cut inside the second event, then garbage.
        String broken = good.substring(0, good.indexOf("\"second\"") + 20) + "}}]oops{";
        servers[0].stubFor(events().willReturn(aResponse().withBody(broken)));
        servers[1].stubFor(events().willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody("<html><body>Login</body></html>")));
        member("a", 0);
        member("b", 1);

        FederatedEventResult r = runEvents(values("198.51.0.1"), AlliancePolicy.defaults());

        EventMemberOutcome a = of(r, "a");
        assertThat(a.status()).isEqualTo(MemberStatus.PARTIAL);
        assertThat(a.events()).extracting(MispEventDocument::uuid).containsExactly("first");
        assertThat(a.message()).contains("malformed JSON");
        EventMemberOutcome b = of(r, "b");
        assertThat(b.status()).isEqualTo(MemberStatus.ERROR);
        assertThat(b.events()).isEmpty();
    }

    @Test
    void aSlowMemberTimesOutWhileTheOthersAnswer() {
        servers[0].stubFor(events().willReturn(aResponse().withFixedDelay(6000)
                .withBody(answer(event("late", 1, "198.51.")))));
        servers[1].stubFor(events().willReturn(aResponse().withBody(answer(event("quick", 1, "198.51.")))));
        member("slow", 0);
        member("fast", 1);

        long start = System.nanoTime();
        FederatedEventResult r = runEvents(values("198.51.0.1"), AlliancePolicy.defaults());
        long ms = (System.nanoTime() - start) / 1_000_000;

        assertThat(of(r, "slow").status()).isEqualTo(MemberStatus.TIMEOUT);
        assertThat(of(r, "slow").events()).isEmpty();
        assertThat(of(r, "fast").status()).isEqualTo(MemberStatus.OK);
        assertThat(of(r, "fast").events()).extracting(MispEventDocument::uuid).containsExactly("quick");
        // The overall deadline is 4 s in tests; the slow member is not waited for beyond it.
        assertThat(ms).isLessThan(5500);
    }

    @Test
    void eventsThatAnswerNoSearchedValueAreDroppedAndCounted() {
        servers[0].stubFor(events().willReturn(aResponse().withBody(answer(event("asked", 2, "198.51."),
                event("not-asked", 3, "203.0."), event("also-asked", 1, "10.9.")))));
        member("a", 0);

        FederatedEventResult r = runEvents(SearchQuery.ofValues(List.of("198.51.0.1", "10.9.0.0")),
                AlliancePolicy.defaults());

        EventMemberOutcome a = of(r, "a");
        assertThat(a.status()).isEqualTo(MemberStatus.OK);
        assertThat(a.events()).extracting(MispEventDocument::uuid).containsExactly("asked", "also-asked");
        assertThat(a.skipped()).isEqualTo(1);
    }

    @Test
    void aRedirectIsRefused() {
        servers[0].stubFor(events().willReturn(aResponse().withStatus(302)
                .withHeader("Location", "https://elsewhere.example/events/restSearch")));
        member("a", 0);

        EventMemberOutcome a = of(runEvents(values("198.51.0.1"), AlliancePolicy.defaults()), "a");

        assertThat(a.status()).isEqualTo(MemberStatus.ERROR);
        assertThat(a.message()).startsWith("redirect to elsewhere.example").endsWith("refused");
    }

    @Test
    void aGzipBombStopsAtTheByteCapCountedDecompressed() throws Exception {
        String page = answer(event("before-the-blanks", 2, "198.51."));
        int close = page.lastIndexOf(']');
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(page.substring(0, close).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] blanks = new byte[1 << 20];
            java.util.Arrays.fill(blanks, (byte) ' ');
            for (int i = 0; i < 64; i++) {
                gz.write(blanks);
            }
            gz.write(page.substring(close).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        servers[0].stubFor(events().willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withHeader("Content-Encoding", "gzip").withBody(out.toByteArray())));
        member("bomb", 0);

        EventMemberOutcome o = of(runEvents(values("198.51.0.1"), AlliancePolicy.defaults()), "bomb");

        // 64 MiB of blanks from about 64 KiB of gzip: the read stops at the 256 KiB cap, the event before is kept.
        assertThat(out.size()).isLessThan(262144);
        assertThat(o.status()).isEqualTo(MemberStatus.PARTIAL);
        assertThat(o.message()).contains("answer larger than 262144 bytes");
        assertThat(o.events()).extracting(MispEventDocument::uuid).containsExactly("before-the-blanks");
    }

    private static JsonNode json(LoggedRequest req) {
        try {
            return MispFixtures.MAPPER.readTree(req.getBodyAsString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
