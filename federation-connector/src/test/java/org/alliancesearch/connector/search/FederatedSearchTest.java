package org.alliancesearch.connector.search;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.alliancesearch.connector.FederatedResult;
import org.alliancesearch.connector.MemberEndpoint;
import org.alliancesearch.connector.MemberMessage;
import org.alliancesearch.connector.MemberOutcome;
import org.alliancesearch.connector.MemberStatus;
import org.alliancesearch.connector.SearchRun;
import org.alliancesearch.connector.support.MemberServersSupport;
import org.alliancesearch.connector.support.MispFixtures;
import org.alliancesearch.model.indicator.PastedText;
import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.query.SearchQuery;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FederatedSearchTest extends MemberServersSupport {

    private static MappingBuilder restSearch() {
        return post(urlEqualTo("/attributes/restSearch"));
    }

    @Test
    void aQueryHoldingTextInPlaceOfAValueIsSentToNoMember() {
        member("a", 0);
        member("b", 1);
        FederatedResult r = run(SearchQuery.ofValues(List.of("198.51.100.7", "we saw 198.51.100.7 calling home")));
        for (String id : List.of("a", "b")) {
            assertThat(of(r, id).status()).isEqualTo(MemberStatus.ERROR);
            assertThat(of(r, id).message()).isEqualTo(MemberMessage.SEARCH_NOT_SENDABLE.format());
        }
        for (int s = 0; s < 2; s++) {
            assertThat(servers[s].findAll(postRequestedFor(urlEqualTo("/attributes/restSearch")))).isEmpty();
        }
    }

    @Test
    void readsRealMispJsonFromEveryMemberAndMergesIt() {
        // The event's prose ("text" attributes) is never searched: text is not sent to members as a value.
        List<ObjectNode> attributes = MispFixtures.existingEventAttributes().stream()
                .filter(at -> PastedText.indicatorsInsteadOf(at.get("value").asText()) == null).toList();
        List<ObjectNode> firstPage = attributes.subList(0, 50);
        for (int s = 0; s < 2; s++) {
            servers[s].stubFor(restSearch().withRequestBody(matchingJsonPath("$.page", equalTo("1")))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json")
                            .withBody(MispFixtures.response(firstPage))));
            servers[s].stubFor(restSearch().withRequestBody(matchingJsonPath("$.page", equalTo("2")))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json")
                            .withBody(MispFixtures.response(attributes.subList(50, Math.min(90,
                                    attributes.size()))))));
        }
        MemberEndpoint a = member("a", 0);
        member("b", 1);

        // Searched by every value the event holds: a member's records must answer the search.
        FederatedResult r = run(SearchQuery.ofValues(attributes.stream().map(at -> at.get("value").asText()).distinct()
                .toList()));

        int expected = Math.min(90, attributes.size());
        for (String id : List.of("a", "b")) {
            MemberOutcome o = of(r, id);
            assertThat(o.status()).isEqualTo(MemberStatus.OK);
            assertThat(o.hitCount()).isEqualTo(expected);
            assertThat(o.skipped()).isZero();
            assertThat(o.message()).isNull();
        }
        MispAttribute first = of(r, "a").hits().get(0).attribute();
        assertThat(first.uuid()).isEqualTo(attributes.get(0).get("uuid").asText());
        assertThat(first.value()).isEqualTo(attributes.get(0).get("value").asText());
        assertThat(first.event().info()).contains("Sednit");
        assertThat(first.tags()).isNotEmpty();
        // The same attributes from two members are one set of indicators, seen by both members.
        assertThat(r.merged().totals().attributes()).isEqualTo(2 * expected);
        assertThat(r.merged().totals().duplicates()).isEqualTo(expected);
        assertThat(r.merged().indicators()).isNotEmpty();

        servers[0].verify(exactly(2), postRequestedFor(urlEqualTo("/attributes/restSearch"))
                .withHeader("Authorization", equalTo(a.apiKey().reveal()))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Content-Type", containing("application/json"))
                .withHeader("User-Agent", matching("AllianceSearchPortal/.+"))
                .withHeader("Accept-Encoding", equalTo("gzip")));
    }

    @Test
    void pagesUntilAShortPage() {
        servers[0].stubFor(restSearch().withRequestBody(matchingJsonPath("$.page", equalTo("1")))
                .willReturn(aResponse().withHeader("X-Result-Count", "51").withBody(MispFixtures.page("p", 0, 50))));
        servers[0].stubFor(restSearch().withRequestBody(matchingJsonPath("$.page", equalTo("2")))
                .willReturn(aResponse().withHeader("X-Result-Count", "51").withBody(MispFixtures.page("p", 50, 50))));
        servers[0].stubFor(restSearch().withRequestBody(matchingJsonPath("$.page", equalTo("3")))
                .willReturn(aResponse().withHeader("X-Result-Count", "20").withBody(MispFixtures.page("p", 100, 20))));
        member("a", 0);

        MemberOutcome o = of(run(values("198.51.0.1")), "a");

        assertThat(o.status()).isEqualTo(MemberStatus.OK);
        assertThat(o.hitCount()).isEqualTo(120);
        assertThat(o.hits().stream().map(h -> h.attribute().uuid()).distinct()).hasSize(120);
        servers[0].verify(exactly(3), postRequestedFor(urlEqualTo("/attributes/restSearch")));
        for (LoggedRequest req : servers[0].findAll(postRequestedFor(urlEqualTo("/attributes/restSearch")))) {
            JsonNode body = json(req);
            assertThat(body.get("limit").asInt()).isEqualTo(50);
        }
        assertThat(servers[0].findAll(postRequestedFor(urlEqualTo("/attributes/restSearch"))).stream()
                .map(req -> json(req).get("page").asInt())).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void aPageShortenedByWarninglistsIsNotTheEnd() {
        servers[0].stubFor(restSearch().withRequestBody(matchingJsonPath("$.page", equalTo("1")))
                .willReturn(aResponse().withHeader("X-Skipped-Elements-Count", "5")
                        .withBody(MispFixtures.page("w", 0, 45))));
        servers[0].stubFor(restSearch().withRequestBody(matchingJsonPath("$.page", equalTo("2")))
                .willReturn(aResponse().withBody(MispFixtures.page("w", 45, 3))));
        member("a", 0);

        MemberOutcome o = of(run(values("198.51.0.1")), "a");

        assertThat(o.status()).isEqualTo(MemberStatus.OK);
        assertThat(o.hitCount()).isEqualTo(48);
        servers[0].verify(exactly(2), postRequestedFor(urlEqualTo("/attributes/restSearch")));
    }

    @Test
    void stopsAtTheQueryLimitAndSaysSo() {
        servers[0].stubFor(restSearch().willReturn(aResponse().withBody(MispFixtures.page("c", 0, 50))));
        member("a", 0);
        SearchQuery q = new SearchQuery(List.of("198.51.0.1", SYNTHETIC), null, null, null, null, null, null, null,
                null, 70);

        MemberOutcome o = of(run(q), "a");

        assertThat(o.status()).isEqualTo(MemberStatus.PARTIAL);
        assertThat(o.hitCount()).isEqualTo(70);
        assertThat(o.message()).contains("result cap of 70");
        servers[0].verify(exactly(2), postRequestedFor(urlEqualTo("/attributes/restSearch")));
    }

    @Test
    void sendsValuesInBatchesOfAtMostOneHundred() {
        servers[0].stubFor(restSearch().willReturn(aResponse().withBody(MispFixtures.page("v", 0, 2))));
        member("a", 0);
        List<String> values = IntStream.range(0, 250).mapToObj(i -> "host-" + i + ".example.org").toList();

        MemberOutcome o = of(run(SearchQuery.ofValues(values)), "a");

        assertThat(o.status()).isEqualTo(MemberStatus.OK);
        List<LoggedRequest> requests = servers[0].findAll(postRequestedFor(urlEqualTo("/attributes/restSearch")));
        assertThat(requests).hasSize(3);
        Set<String> sent = new HashSet<>();
        for (LoggedRequest req : requests) {
            List<String> batch = new ArrayList<>();
            json(req).get("value").forEach(v -> batch.add(v.asText()));
            assertThat(batch).hasSizeLessThanOrEqualTo(100);
            sent.addAll(batch);
        }
        assertThat(sent).hasSize(250).contains("host-0.example.org", "host-249.example.org");
    }

    @Test
    void asksEveryMemberAtOnceByDefault() {
        int delayMs = 700;
        for (int s = 0; s < 3; s++) {
            servers[s].stubFor(restSearch().willReturn(aResponse().withFixedDelay(delayMs)
                    .withBody(MispFixtures.page("at-once-" + s, 0, 2))));
            member("p" + s, s);
        }

        FederatedResult r = run(values("198.51.0.11"));

        assertThat(r.members()).allSatisfy(o -> assertThat(o.status()).isEqualTo(MemberStatus.OK));
        List<Long> received = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            received.add(servers[s].findAll(postRequestedFor(urlEqualTo("/attributes/restSearch"))).get(0)
                    .getLoggedDate().getTime());
        }
        // Every member was asked before the first one could have answered.
        assertThat(received.stream().mapToLong(Long::longValue).max().orElseThrow()
                - received.stream().mapToLong(Long::longValue).min().orElseThrow()).isLessThan(delayMs);
    }

    @Test
    void disabledMembersAreReportedAtOnceAndNotAsked() {
        servers[0].stubFor(restSearch().willReturn(aResponse().withBody(MispFixtures.page("d", 0, 1))));
        member("a", 0);
        MemberEndpoint off = endpoint("off", url(1));
        registry.upsert(new MemberEndpoint(off.ref(), off.baseUri(), off.apiKey(), true, null, null, null, null,
                false));

        FederatedResult r = run(values("198.51.0.1"));

        assertThat(of(r, "off").status()).isEqualTo(MemberStatus.DISABLED);
        assertThat(of(r, "a").status()).isEqualTo(MemberStatus.OK);
        servers[1].verify(exactly(0), postRequestedFor(urlEqualTo("/attributes/restSearch")));
    }

    @Test
    void bothViewsShareOneFanOut() {
        for (int s = 0; s < 3; s++) {
            servers[s].stubFor(restSearch().willReturn(aResponse().withFixedDelay(50 * s)
                    .withBody(MispFixtures.page("s" + s, 0, 3))));
            member("m" + s, s);
        }

        SearchRun run = search.start(values("198.51.0.1"), AlliancePolicy.defaults());
        List<MemberOutcome> streamed = run.outcomes().collect().asList().await().atMost(WAIT);
        FederatedResult result = run.result().await().atMost(WAIT);
        List<MemberOutcome> again = run.outcomes().collect().asList().await().atMost(WAIT);

        assertThat(streamed).hasSize(3).allMatch(o -> o.status() == MemberStatus.OK);
        assertThat(streamed).extracting(o -> o.member().id()).containsExactly("m0", "m1", "m2");
        assertThat(result.members()).extracting(o -> o.member().id()).containsExactly("m0", "m1", "m2");
        assertThat(again).hasSize(3);
        for (int s = 0; s < 3; s++) {
            servers[s].verify(exactly(1), postRequestedFor(urlEqualTo("/attributes/restSearch")));
        }
    }

    @Test
    void identicalConcurrentSearchesAskEachMemberOnce() {
        for (int s = 0; s < 2; s++) {
            servers[s].stubFor(restSearch().willReturn(aResponse().withFixedDelay(300)
                    .withBody(MispFixtures.page("k" + s, 0, 4))));
            member("m" + s, s);
        }

        // The same search, written differently (order, blanks, duplicates).
        SearchRun one = search.start(values("198.51.0.1", "example.org"), AlliancePolicy.defaults());
        SearchRun two = search.start(values(" example.org", "198.51.0.1", "example.org"), AlliancePolicy.defaults());
        FederatedResult r1 = one.result().await().atMost(WAIT);
        FederatedResult r2 = two.result().await().atMost(WAIT);

        assertThat(r1.members()).allMatch(o -> o.status() == MemberStatus.OK && o.hitCount() == 4);
        assertThat(r2.members()).allMatch(o -> o.status() == MemberStatus.OK && o.hitCount() == 4);
        for (int s = 0; s < 2; s++) {
            servers[s].verify(exactly(1), postRequestedFor(urlEqualTo("/attributes/restSearch")));
        }

        // Not at the same moment, and no cache configured: asked again.
        run(values("198.51.0.1", "example.org"));
        for (int s = 0; s < 2; s++) {
            servers[s].verify(exactly(2), postRequestedFor(urlEqualTo("/attributes/restSearch")));
        }
    }

    private static JsonNode json(LoggedRequest req) {
        try {
            return MispFixtures.MAPPER.readTree(req.getBodyAsString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static {
        WireMock.class.getName();
    }
}
