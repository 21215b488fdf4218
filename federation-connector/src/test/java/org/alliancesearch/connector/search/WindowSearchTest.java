package org.alliancesearch.connector.search;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.alliancesearch.connector.EventMemberOutcome;
import org.alliancesearch.connector.FederatedEventResult;
import org.alliancesearch.connector.MemberStatus;
import org.alliancesearch.connector.support.MemberServersSupport;
import org.alliancesearch.connector.support.MispFixtures;
import org.alliancesearch.model.misp.MispEventDocument;
import org.alliancesearch.model.misp.MispGalaxyCluster;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.policy.Tlp;
import org.alliancesearch.model.query.TimeWindow;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.junit.QuarkusTest;

/** The time-window event search the digest is built from: body, paging, window check, caps and faults per member. */
@QuarkusTest
class WindowSearchTest extends MemberServersSupport {
    static final long FROM = 1_764_000_000L;
    static final long TO = FROM + 7 * 86_400L;
    static final TimeWindow WINDOW = new TimeWindow(Instant.ofEpochSecond(FROM), Instant.ofEpochSecond(TO));

    private static MappingBuilder events() {
        return post(urlEqualTo("/events/restSearch"));
    }

    private static String answer(JsonNode... events) {
        ObjectNode root = MispFixtures.MAPPER.createObjectNode();
        ArrayNode list = root.putArray("response");
        for (JsonNode e : events) {
            list.addObject().set("Event", e);
        }
        return root.toString();
    }

    private static ObjectNode event(String uuid, long timestamp, int attributes) {
        ObjectNode e = MispFixtures.MAPPER.createObjectNode();
        e.put("id", "7");
        e.put("uuid", uuid);
        e.put("info", "event " + uuid);
        e.put("timestamp", Long.toString(timestamp));
        e.putObject("Orgc").put("id", "1").put("name", "CIRCL");
        ArrayNode list = e.putArray("Attribute");
        for (int i = 0; i < attributes; i++) {
            list.addObject().put("uuid", uuid + "-a" + i).put("type", "domain").put("category", "Network activity")
                    .put("value", "w" + i + ".example").put("timestamp", Long.toString(timestamp));
        }
        e.putArray("Tag").addObject().put("name", "misp-galaxy:threat-actor=\"Sofacy\"");
        e.putArray("Galaxy").addObject().put("name", "Threat Actor").putArray("GalaxyCluster").addObject()
                .put("type", "threat-actor").put("value", "Sofacy")
                .put("tag_name", "misp-galaxy:threat-actor=\"Sofacy\"").put("description", "a long text")
                .putObject("meta").putArray("refs").add("https://example.org/sofacy");
        return e;
    }

    private FederatedEventResult run(AlliancePolicy policy) {
        FederatedEventResult r = search.startWindow(WINDOW, policy).result().await().atMost(WAIT);
        r.members().forEach(m -> rememberText(m.message()));
        return r;
    }

    private static EventMemberOutcome of(FederatedEventResult r, String id) {
        return r.members().stream().filter(m -> m.member().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void asksForTheWindowWithoutValuesPagesAndDropsEventsOutsideIt() {
        // events page size 5 in tests: a full first page, then a short one
        servers[0].stubFor(events().withRequestBody(matchingJsonPath("$.page", equalTo("1")))
                .willReturn(aResponse().withBody(answer(event("e1", FROM, 1), event("e2", FROM + 10, 2),
                        event("e3", TO, 1), event("e4", FROM + 20, 1),
                        // a member ignoring the filter: outside the window, dropped
                        event("old", FROM - 1, 1)))));
        servers[0].stubFor(events().withRequestBody(matchingJsonPath("$.page", equalTo("2")))
                .willReturn(aResponse().withBody(answer(event("e6", FROM + 30, 1)))));
        member("a", 0);

        FederatedEventResult r = run(AlliancePolicy.of(Tlp.GREEN, "secret:*"));

        EventMemberOutcome a = of(r, "a");
        assertThat(a.status()).isEqualTo(MemberStatus.OK);
        assertThat(a.events()).extracting(MispEventDocument::uuid).containsExactly("e1", "e2", "e3", "e4", "e6");
        assertThat(a.skipped()).isEqualTo(1);
        assertThat(a.events().get(0).galaxies()).containsExactly(new MispGalaxyCluster(
                "misp-galaxy:threat-actor=\"Sofacy\"", "threat-actor", "Sofacy"));
        List<LoggedRequest> requests = servers[0].findAll(postRequestedFor(urlEqualTo("/events/restSearch")));
        assertThat(requests).hasSize(2);
        JsonNode body = json(requests.get(0));
        assertThat(body.get("timestamp").get(0).asText()).isEqualTo(Long.toString(FROM));
        assertThat(body.get("timestamp").get(1).asText()).isEqualTo(Long.toString(TO));
        assertThat(body.has("value")).isFalse();
        List<String> not = new ArrayList<>();
        body.get("tags").get("NOT").forEach(t -> not.add(t.asText()));
        assertThat(not).contains("secret:%", "tlp:red", "tlp:amber");
        assertThat(body.get("limit").asInt()).isEqualTo(5);
    }

    @Test
    void eachMembersFailureIsItsOwnStatusUnderTheSameCapsAndBudgets() {
        servers[0].stubFor(events().willReturn(aResponse().withBody(answer(event("fine", FROM + 1, 2)))));
        servers[1].stubFor(events().willReturn(aResponse().withStatus(500).withBody(
                "{\"name\":\"An Internal Error Has Occurred.\",\"message\":\"x\",\"url\":\"/events/restSearch\"}")));
        // larger than the byte cap of one answer (256 KiB in tests)
        servers[2].stubFor(events().willReturn(aResponse().withBody(answer(event("big1", FROM + 1, 2000),
                event("big2", FROM + 2, 2000)))));
        // slower than the call timeout (1 s in tests)
        servers[3].stubFor(events().willReturn(aResponse().withFixedDelay(3000)
                .withBody(answer(event("late", FROM + 1, 1)))));
        member("a", 0);
        member("b", 1);
        member("c", 2);
        member("d", 3);

        FederatedEventResult r = run(AlliancePolicy.defaults());

        assertThat(of(r, "a").status()).isEqualTo(MemberStatus.OK);
        assertThat(of(r, "a").eventCount()).isEqualTo(1);
        assertThat(of(r, "b").status()).isEqualTo(MemberStatus.ERROR);
        assertThat(of(r, "c").status()).isIn(MemberStatus.PARTIAL, MemberStatus.ERROR);
        assertThat(of(r, "c").message()).contains("answer larger than 262144 bytes");
        assertThat(of(r, "d").status()).isIn(MemberStatus.TIMEOUT, MemberStatus.ERROR);
        assertThat(of(r, "d").events()).isEmpty();
    }

    private static JsonNode json(LoggedRequest req) {
        try {
            return MispFixtures.MAPPER.readTree(req.getBodyAsString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
