package org.alliancesearch.connector.search;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;

import org.alliancesearch.connector.FederatedResult;
import org.alliancesearch.connector.MemberEndpoint;
import org.alliancesearch.connector.MemberOutcome;
import org.alliancesearch.connector.MemberStatus;
import org.alliancesearch.connector.support.MemberServersSupport;
import org.alliancesearch.connector.support.MispFixtures;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every fault of one member, with three healthy members answering beside it; exact request counts show what was
 * retried. Test settings: 1 s call timeout, 2 retries, 256 KiB answer cap.
 */
@QuarkusTest
class MemberFaultsTest extends MemberServersSupport {
    private static final String RS = "/attributes/restSearch";

    private static MappingBuilder restSearch() {
        return post(urlEqualTo(RS));
    }

    /** Member "bad" on server 0 with the given fault; members on servers 1..3 answer 5 attributes each. */
    private MemberOutcome faulty(Consumer<WireMockServer> fault) {
        fault.accept(servers[0]);
        member("bad", 0);
        for (int s = 1; s <= 3; s++) {
            servers[s].stubFor(restSearch().willReturn(aResponse().withBody(MispFixtures.page("h" + s, 0, 5))));
            member("ok" + s, s);
        }
        FederatedResult r = run(values("198.51.0.1"));
        for (int s = 1; s <= 3; s++) {
            MemberOutcome ok = of(r, "ok" + s);
            assertThat(ok.status()).isEqualTo(MemberStatus.OK);
            assertThat(ok.hitCount()).isEqualTo(5);
            servers[s].verify(exactly(1), postRequestedFor(urlEqualTo(RS)));
        }
        return of(r, "bad");
    }

    private static void assertRequests(int n) {
        servers[0].verify(exactly(n), postRequestedFor(urlEqualTo(RS)));
    }

    @Test
    void delayBeyondTheTimeout() {
        MemberOutcome o = faulty(s -> s.stubFor(restSearch().willReturn(aResponse().withFixedDelay(3000)
                .withBody(MispFixtures.page("t", 0, 1)))));
        assertThat(o.status()).isEqualTo(MemberStatus.TIMEOUT);
        assertThat(o.message()).isEqualTo("no answer within 1000 ms");
        assertThat(o.hitCount()).isZero();
        assertRequests(1);
    }

    @Test
    void internalServerErrorWithMispBody() {
        MemberOutcome o = faulty(s -> s.stubFor(restSearch().willReturn(aResponse().withStatus(500)
                .withBody(MispFixtures.error("An Internal Error Has Occurred.", "An Internal Error Has Occurred.",
                        "\\/attributes\\/restSearch")))));
        assertThat(o.status()).isEqualTo(MemberStatus.ERROR);
        assertThat(o.message()).isEqualTo("HTTP 500 An Internal Error Has Occurred.");
        assertRequests(1);
    }

    @Test
    void refusedKey() {
        MemberOutcome o = faulty(s -> s.stubFor(restSearch().willReturn(aResponse().withStatus(403)
                .withBody(MispFixtures.error("Authentication failed.", "Authentication failed. Please make sure you"
                        + " pass the API key of an API enabled user along in the Authorization header.",
                        "/attributes/restSearch")))));
        assertThat(o.status()).isEqualTo(MemberStatus.UNAUTHORIZED);
        assertThat(o.message()).isEqualTo("API key refused");
        assertRequests(1);
    }

    @Test
    void tooManyRequestsIsRetriedAfterRetryAfter() {
        long start = System.nanoTime();
        MemberOutcome o = faulty(s -> {
            s.stubFor(restSearch().inScenario("429").whenScenarioStateIs(STARTED)
                    .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
                    .willSetStateTo("again"));
            s.stubFor(restSearch().inScenario("429").whenScenarioStateIs("again")
                    .willReturn(aResponse().withBody(MispFixtures.page("r", 0, 7))));
        });
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(o.status()).isEqualTo(MemberStatus.OK);
        assertThat(o.hitCount()).isEqualTo(7);
        assertThat(elapsedMs).as("waited for Retry-After").isGreaterThanOrEqualTo(1000);
        assertRequests(2);
    }

    @Test
    void retryAfterLongerThanAllowedIsNotWaitedFor() {
        MemberOutcome o = faulty(s -> s.stubFor(restSearch().willReturn(aResponse().withStatus(503)
                .withHeader("Retry-After", "120"))));
        assertThat(o.status()).isEqualTo(MemberStatus.ERROR);
        assertThat(o.message()).startsWith("HTTP 503");
        assertRequests(1);
    }

    @Test
    void unavailableIsRetriedThenReported() {
        MemberOutcome o = faulty(s -> s.stubFor(restSearch().willReturn(aResponse().withStatus(503)
                .withBody(MispFixtures.error("Service Unavailable", "Service Unavailable", "/")))));
        assertThat(o.status()).isEqualTo(MemberStatus.ERROR);
        assertThat(o.message()).isEqualTo("HTTP 503 Service Unavailable");
        assertRequests(3);
    }

    @Test
    void otherClientErrorsAreNeverRetried() {
        MemberOutcome o = faulty(s -> s.stubFor(restSearch().willReturn(aResponse().withStatus(400)
                .withBody(MispFixtures.error("Bad Request", "Invalid parameters", "/")))));
        assertThat(o.status()).isEqualTo(MemberStatus.ERROR);
        assertThat(o.message()).isEqualTo("HTTP 400 Invalid parameters");
        assertRequests(1);
    }

    @Test
    void connectionResetIsRetriedThenReported() {
        MemberOutcome o = faulty(s -> s.stubFor(restSearch().willReturn(aResponse()
                .withFault(Fault.CONNECTION_RESET_BY_PEER))));
        assertThat(o.status()).isEqualTo(MemberStatus.ERROR);
        assertThat(o.message()).startsWith("connection");
        assertRequests(3);
    }

    @Test
    void connectionRefused() {
        String gone = url(4);
        servers[4].stop();
        try {
            MemberEndpoint e = endpoint("gone", gone);
            registry.upsert(e);
            servers[1].stubFor(restSearch().willReturn(aResponse().withBody(MispFixtures.page("h", 0, 5))));
            member("ok", 1);
            FederatedResult r = run(values("198.51.0.1"));
            assertThat(of(r, "gone").status()).isEqualTo(MemberStatus.ERROR);
            assertThat(of(r, "gone").message()).isEqualTo("connection refused");
            assertThat(of(r, "ok").status()).isEqualTo(MemberStatus.OK);
        } finally {
            servers[4].start();
        }
    }

    @Test
    void malformedJsonHalfWayKeepsWhatWasRead() {
        String good = MispFixtures.page("m", 0, 3);
        String broken = good.substring(0, good.length() - 3) + ",{\"id\": \"9\", \"type\": ip-dst!!} ]}}";
        MemberOutcome o = faulty(s -> s.stubFor(restSearch().willReturn(aResponse().withBody(broken))));
        assertThat(o.status()).isEqualTo(MemberStatus.PARTIAL);
        assertThat(o.hitCount()).isEqualTo(3);
        assertThat(o.message()).contains("malformed JSON");
        assertRequests(1);
    }

    @Test
    void notJsonAtAllIsAnError() {
        MemberOutcome o = faulty(s -> s.stubFor(restSearch().willReturn(aResponse()
                .withHeader("Content-Type", "text/html").withBody("<html><body>Login</body></html>"))));
        assertThat(o.status()).isEqualTo(MemberStatus.ERROR);
        assertThat(o.message()).contains("malformed JSON");
        assertRequests(1);
    }

    @Test
    void unreadableRecordsAreSkippedAndCounted() {
        String body = MispFixtures.response(List.of(MispFixtures.attribute("u", 1),
                MispFixtures.MAPPER.createObjectNode().put("id", "2").put("comment", "no type, no value"),
                MispFixtures.attribute("u", 3)));
        MemberOutcome o = faulty(s -> s.stubFor(restSearch().willReturn(aResponse().withBody(body))));
        assertThat(o.status()).isEqualTo(MemberStatus.OK);
        assertThat(o.hitCount()).isEqualTo(2);
        assertThat(o.skipped()).isEqualTo(1);
    }

    @Test
    void bodyLargerThanTheCapEndsAsPartial() {
        // 50 attributes of ~6 KiB each: well above the 256 KiB cap of the tests.
        List<com.fasterxml.jackson.databind.node.ObjectNode> big = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            big.add(MispFixtures.attribute("b", i).put("comment", "x".repeat(6000)));
        }
        MemberOutcome o = faulty(s -> s.stubFor(restSearch().willReturn(aResponse()
                .withBody(MispFixtures.response(big)))));
        assertThat(o.status()).isEqualTo(MemberStatus.PARTIAL);
        assertThat(o.hitCount()).isBetween(30, 49);
        assertThat(o.message()).contains("larger than 262144 bytes");
        assertRequests(1);
    }

    @Test
    void slowDripBeyondTheTimeout() {
        MemberOutcome o = faulty(s -> s.stubFor(restSearch().willReturn(aResponse()
                .withBody(MispFixtures.page("d", 0, 20)).withChunkedDribbleDelay(40, 3000))));
        assertThat(o.status()).isEqualTo(MemberStatus.TIMEOUT);
        assertRequests(1);
    }

    @Test
    void redirectToAnotherHostIsRefused() {
        String target = url(4) + "/attributes/restSearch";
        MemberOutcome o = faulty(s -> s.stubFor(restSearch().willReturn(aResponse().withStatus(307)
                .withHeader("Location", target))));
        assertThat(o.status()).isEqualTo(MemberStatus.ERROR);
        assertThat(o.message()).isEqualTo("redirect to 127.0.0.1:" + servers[4].port() + " refused");
        assertRequests(1);
        servers[4].verify(exactly(0), anyRequestedFor(anyUrl()));
    }

    @Test
    void hostileErrorTextIsCleaned() {
        MemberOutcome o = faulty(s -> s.stubFor(restSearch().willReturn(aResponse().withStatus(500)
                .withBody("{\"name\":\"x\",\"message\":\"boom\\n2026-01-01 INFO forged line \\u202e"
                        + "KEYECHO " + "y".repeat(400) + "\"}"))));
        assertThat(o.status()).isEqualTo(MemberStatus.ERROR);
        assertThat(o.message()).startsWith("HTTP 500 boom 2026-01-01 INFO forged line");
        assertThat(o.message()).doesNotContain("\n").doesNotContain("\u202e");
        assertThat(o.message().length()).isLessThan(200);
    }

    @Test
    void aMemberEchoingTheKeyInItsErrorHasItRedacted() {
        servers[1].stubFor(restSearch().willReturn(aResponse().withBody(MispFixtures.page("h", 0, 1))));
        member("ok", 1);
        MemberEndpoint echo = member("echo", 0);
        servers[0].stubFor(restSearch().willReturn(aResponse().withStatus(500)
                .withBody(MispFixtures.error("x", "bad key " + echo.apiKey().reveal(), "/"))));

        FederatedResult r = run(values("198.51.0.1"));

        assertThat(of(r, "echo").message()).isEqualTo("HTTP 500 bad key ****");
    }
}
