package org.alliancesearch.connector.connection;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.alliancesearch.connector.MemberEndpoint;
import org.alliancesearch.connector.SightingResult;
import org.alliancesearch.connector.SightingResult.Outcome;
import org.alliancesearch.connector.SightingSender;
import org.alliancesearch.connector.support.MemberServersSupport;
import org.alliancesearch.connector.support.MispFixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SightingSenderTest extends MemberServersSupport {
    private static final String UUID = "5f1e6a2b-0c3d-4e5f-8a9b-0c1d2e3f4a5b";

    @Inject
    SightingSender sender;

    private SightingResult send(MemberEndpoint e) {
        return sender.send(e.id(), UUID.toUpperCase(), "Alliance portal").await().atMost(WAIT);
    }

    @Test
    void aSavedSightingIsOkAndTheMemberGetsMispsBody() {
        servers[0].stubFor(post(urlEqualTo("/sightings/add")).willReturn(aResponse().withBody(
                "{\"Sighting\":{\"id\":\"4\",\"attribute_uuid\":\"" + UUID + "\",\"type\":\"0\"}}")));
        MemberEndpoint e = member("m0", 0);

        SightingResult r = send(e);

        assertThat(r).isEqualTo(new SightingResult("m0", Outcome.OK, null));
        servers[0].verify(exactly(1), postRequestedFor(urlEqualTo("/sightings/add"))
                .withHeader("Authorization", equalTo(e.apiKey().reveal()))
                .withRequestBody(matchingJsonPath("$.uuid", equalTo(UUID)))
                .withRequestBody(matchingJsonPath("$.type", equalTo("0")))
                .withRequestBody(matchingJsonPath("$.source", equalTo("Alliance portal"))));
    }

    @Test
    void aKeyWithoutSightingPermissionIsRefused() {
        servers[0].stubFor(post(urlEqualTo("/sightings/add")).willReturn(aResponse().withStatus(403).withBody(
                MispFixtures.error("You do not have permission to use this functionality.",
                        "You do not have permission to use this functionality.", "/sightings/add"))));

        SightingResult r = send(member("m0", 0));

        assertThat(r.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(r.reason()).isEqualTo("You do not have permission to use this functionality.");

        // older MISP answers a role without the permission with 405
        servers[0].stubFor(post(urlEqualTo("/sightings/add")).willReturn(aResponse().withStatus(405).withBody(
                MispFixtures.error("Method Not Allowed", "Method Not Allowed", "/sightings/add"))));
        assertThat(send(member("m0", 0)).outcome()).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void aRefusedKeyAnUnknownAttributeAndServerErrorsFailWithAReason() {
        servers[0].stubFor(post(urlEqualTo("/sightings/add")).willReturn(aResponse().withStatus(403).withBody(
                MispFixtures.error("Forbidden", "Authentication failed. Please make sure you pass the API key.",
                        "/sightings/add"))));
        assertThat(send(member("m0", 0))).isEqualTo(new SightingResult("m0", Outcome.FAILED,
                "API key refused"));

        String unknown = "Could not add the Sighting. Reason: No valid attributes found.";
        servers[0].stubFor(post(urlEqualTo("/sightings/add")).willReturn(aResponse().withStatus(404)
                .withBody(MispFixtures.error(unknown, unknown, "/sightings/add"))));
        SightingResult r = send(member("m0", 0));
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.reason()).isEqualTo("HTTP 404: " + unknown);

        servers[0].stubFor(post(urlEqualTo("/sightings/add")).willReturn(aResponse().withStatus(200)
                .withBody("<html>not MISP</html>")));
        assertThat(send(member("m0", 0)).outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void aSilentMemberTimesOutAndAHugeAnswerIsCut() {
        servers[0].stubFor(post(urlEqualTo("/sightings/add")).willReturn(aResponse().withFixedDelay(5000)
                .withBody("{\"Sighting\":{}}")));
        SightingResult slow = send(member("m0", 0));
        assertThat(slow.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(slow.reason()).startsWith("no answer within");

        servers[0].stubFor(post(urlEqualTo("/sightings/add")).willReturn(aResponse()
                .withBody("{\"Sighting\":{\"source\":\"" + "x".repeat(200_000) + "\"}}")));
        SightingResult huge = send(member("m0", 0));
        assertThat(huge.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(huge.reason()).startsWith("answer larger than");
    }

    @Test
    void aBadUuidIsNotSent() {
        SightingResult r = sender.send(member("m0", 0).id(), "not-a-uuid", null).await().atMost(WAIT);
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        servers[0].verify(exactly(0), postRequestedFor(urlEqualTo("/sightings/add")));
    }

    @Test
    void anUnknownOrDisabledMemberIsNotAsked() {
        assertThat(sender.send("nobody", UUID, null).await().atMost(WAIT))
                .isEqualTo(new SightingResult("nobody", Outcome.FAILED, "member not registered"));
        MemberEndpoint e = endpoint("m0", url(0));
        registry.upsert(new MemberEndpoint(e.ref(), e.baseUri(), e.apiKey(), true, null, null, null, null, false));
        assertThat(send(e).outcome()).isEqualTo(Outcome.FAILED);
        servers[0].verify(exactly(0), postRequestedFor(urlEqualTo("/sightings/add")));
    }

    @Test
    void aServerErrorIsSentOnceNeverRetried() {
        servers[0].stubFor(post(urlEqualTo("/sightings/add")).willReturn(aResponse().withStatus(503)));
        servers[1].stubFor(post(urlEqualTo("/sightings/add")).willReturn(aResponse().withFault(
                com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));

        assertThat(send(member("m0", 0)).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(send(member("m1", 1)).outcome()).isEqualTo(Outcome.FAILED);

        // a sighting sent twice is two sightings: a reset after the request left is not sent again
        servers[0].verify(exactly(1), postRequestedFor(urlEqualTo("/sightings/add")));
        servers[1].verify(exactly(1), postRequestedFor(urlEqualTo("/sightings/add")));
    }

    @Test
    void hungSightingsOpenTheMembersCircuitForSearchesToo() {
        servers[0].stubFor(post(urlEqualTo("/sightings/add")).willReturn(aResponse().withFixedDelay(3000)
                .withBody("{\"Sighting\":{}}")));
        servers[1].stubFor(post(urlEqualTo("/sightings/add")).willReturn(aResponse().withBody(
                "{\"Sighting\":{\"id\":\"1\"}}")));
        MemberEndpoint hung = member("m0", 0);
        MemberEndpoint fine = member("m1", 1);

        // the test profile opens a circuit after 4 calls with half of them failed; all sent at once
        long start = System.nanoTime();
        java.util.List<SightingResult> results = io.smallrye.mutiny.Uni.join()
                .all(send(hung.id()), send(hung.id()), send(hung.id()), send(hung.id()), send(fine.id()))
                .andFailFast().await().atMost(WAIT);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(results.subList(0, 4)).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(r.reason()).startsWith("no answer within");
        });
        assertThat(results.get(4)).isEqualTo(new SightingResult("m1", Outcome.OK, null));
        // the member's 1 s timeout, not its 3 s delay
        assertThat(elapsedMs).isLessThan(2900);

        SightingResult refused = send(hung);
        assertThat(refused.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(refused.reason()).isEqualTo(org.alliancesearch.connector.MemberMessage.CIRCUIT_OPEN.format());
        servers[0].verify(exactly(4), postRequestedFor(urlEqualTo("/sightings/add")));

        // the same guard as the member's searches: a search is not sent to it either
        var outcome = of(run(values("198.51.100.1")), "m0");
        assertThat(outcome.status()).isEqualTo(org.alliancesearch.connector.MemberStatus.CIRCUIT_OPEN);
        servers[0].verify(exactly(0), postRequestedFor(urlEqualTo("/attributes/restSearch")));
    }

    private io.smallrye.mutiny.Uni<SightingResult> send(String memberId) {
        return sender.send(memberId, UUID, "Alliance portal");
    }
}
