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
        return sender.send(e, UUID.toUpperCase(), "Alliance portal").await().atMost(WAIT);
    }

    @Test
    void aSavedSightingIsOkAndTheMemberGetsMispsBody() {
        servers[0].stubFor(post(urlEqualTo("/sightings/add")).willReturn(aResponse().withBody(
                "{\"Sighting\":{\"id\":\"4\",\"attribute_uuid\":\"" + UUID + "\",\"type\":\"0\"}}")));
        MemberEndpoint e = endpoint("m0", url(0));

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

        SightingResult r = send(endpoint("m0", url(0)));

        assertThat(r.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(r.reason()).isEqualTo("You do not have permission to use this functionality.");
    }

    @Test
    void aRefusedKeyAnUnknownAttributeAndServerErrorsFailWithAReason() {
        servers[0].stubFor(post(urlEqualTo("/sightings/add")).willReturn(aResponse().withStatus(403).withBody(
                MispFixtures.error("Forbidden", "Authentication failed. Please make sure you pass the API key.",
                        "/sightings/add"))));
        assertThat(send(endpoint("m0", url(0)))).isEqualTo(new SightingResult("m0", Outcome.FAILED,
                "API key refused"));

        String unknown = "Could not add the Sighting. Reason: No valid attributes found.";
        servers[0].stubFor(post(urlEqualTo("/sightings/add")).willReturn(aResponse().withStatus(404)
                .withBody(MispFixtures.error(unknown, unknown, "/sightings/add"))));
        SightingResult r = send(endpoint("m0", url(0)));
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.reason()).isEqualTo("HTTP 404: " + unknown);

        servers[0].stubFor(post(urlEqualTo("/sightings/add")).willReturn(aResponse().withStatus(200)
                .withBody("<html>not MISP</html>")));
        assertThat(send(endpoint("m0", url(0))).outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void aSilentMemberTimesOutAndAHugeAnswerIsCut() {
        servers[0].stubFor(post(urlEqualTo("/sightings/add")).willReturn(aResponse().withFixedDelay(5000)
                .withBody("{\"Sighting\":{}}")));
        SightingResult slow = send(endpoint("m0", url(0)));
        assertThat(slow.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(slow.reason()).startsWith("no answer within");

        servers[0].stubFor(post(urlEqualTo("/sightings/add")).willReturn(aResponse()
                .withBody("{\"Sighting\":{\"source\":\"" + "x".repeat(200_000) + "\"}}")));
        SightingResult huge = send(endpoint("m0", url(0)));
        assertThat(huge.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(huge.reason()).startsWith("answer larger than");
    }

    @Test
    void aBadUuidIsNotSent() {
        SightingResult r = sender.send(endpoint("m0", url(0)), "not-a-uuid", null).await().atMost(WAIT);
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        servers[0].verify(exactly(0), postRequestedFor(urlEqualTo("/sightings/add")));
    }
}
