package org.alliancesearch.connector.search;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.alliancesearch.connector.FederatedResult;
import org.alliancesearch.connector.MemberStatus;
import org.alliancesearch.connector.support.MemberServersSupport;
import org.alliancesearch.connector.support.MispFixtures;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * {@code member-concurrency=1}: one member after another, the way a sequential client (such as a MISP analyzer that
 * loops over servers) asks them. The benchmarks use it as the baseline of the parallel fan-out.
 */
@QuarkusTest
@TestProfile(MemberConcurrencyTest.OneAtATime.class)
class MemberConcurrencyTest extends MemberServersSupport {
    static final int DELAY_MS = 600;

    public static class OneAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("alliance.connector.member-concurrency", "1", "alliance.connector.deadline", "6s");
        }
    }

    @Test
    void asksOneMemberAfterAnotherInRegistrationOrder() {
        for (int s = 0; s < 3; s++) {
            servers[s].stubFor(post(urlEqualTo("/attributes/restSearch")).willReturn(aResponse()
                    .withFixedDelay(DELAY_MS).withBody(MispFixtures.page("m" + s, 0, 3))));
            member("m" + s, s);
        }

        FederatedResult r = run(values("198.51.0.9"));

        assertThat(r.members()).allSatisfy(o -> assertThat(o.status()).isEqualTo(MemberStatus.OK));
        List<Long> received = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            List<LoggedRequest> requests = servers[s].findAll(postRequestedFor(urlEqualTo("/attributes/restSearch")));
            assertThat(requests).hasSize(1);
            received.add(requests.get(0).getLoggedDate().getTime());
        }
        // Each member is asked only after the previous one has answered (its answer takes DELAY_MS at least).
        assertThat(received.get(1) - received.get(0)).isGreaterThanOrEqualTo(DELAY_MS);
        assertThat(received.get(2) - received.get(1)).isGreaterThanOrEqualTo(DELAY_MS);
        // Latency counts from the start of the search, so the waiting shows in the later members' figures.
        assertThat(of(r, "m2").latencyMs()).isGreaterThanOrEqualTo(3L * DELAY_MS);
    }

    @Test
    void aMemberWhoseTurnComesAfterTheDeadlineIsNotAsked() {
        // Eight members of 900 ms each, one after another, do not fit in the 6 s deadline.
        for (int s = 0; s < 4; s++) {
            servers[s].stubFor(post(urlEqualTo("/attributes/restSearch")).willReturn(aResponse()
                    .withFixedDelay(900).withBody(MispFixtures.page("d" + s, 0, 3))));
        }
        for (int i = 0; i < 8; i++) {
            member("d" + i, i % 4);
        }

        FederatedResult r = run(values("198.51.0.10"));

        assertThat(r.members()).hasSize(8);
        assertThat(of(r, "d0").status()).isEqualTo(MemberStatus.OK);
        assertThat(of(r, "d7").status()).isEqualTo(MemberStatus.TIMEOUT);
        assertThat(of(r, "d7").message()).isEqualTo("not asked before the search deadline");
        int asked = 0;
        for (int s = 0; s < 4; s++) {
            asked += servers[s].findAll(postRequestedFor(urlEqualTo("/attributes/restSearch"))).size();
        }
        assertThat(asked).isLessThan(8);
    }
}
