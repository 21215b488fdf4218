package org.alliancesearch.connector.secrets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.alliancesearch.connector.FederatedResult;
import org.alliancesearch.connector.MemberEndpoint;
import org.alliancesearch.connector.support.LogCapture;
import org.alliancesearch.connector.support.MemberServersSupport;
import org.alliancesearch.connector.support.MispFixtures;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.junit.QuarkusTest;

/**
 * API keys never appear in a log line, an outcome message or a toString. (Every test of the module also checks its
 * own keys against its captured logs; this one makes the failure paths run together and proves the capture works.)
 */
@QuarkusTest
class SecretsTest extends MemberServersSupport {

    @Test
    void noKeyInLogsMessagesOrToString() {
        LogCapture capture = LogCapture.install();
        try {
            servers[0].stubFor(post(urlEqualTo("/attributes/restSearch")).willReturn(aResponse().withStatus(403)));
            servers[1].stubFor(post(urlEqualTo("/attributes/restSearch")).willReturn(aResponse().withStatus(500)
                    .withBody(MispFixtures.error("x", "An Internal Error Has Occurred.", "/"))));
            servers[2].stubFor(post(urlEqualTo("/attributes/restSearch")).willReturn(aResponse()
                    .withFault(Fault.CONNECTION_RESET_BY_PEER)));
            servers[3].stubFor(post(urlEqualTo("/attributes/restSearch")).willReturn(aResponse()
                    .withFixedDelay(3000)));
            MemberEndpoint[] members = new MemberEndpoint[4];
            for (int s = 0; s < 4; s++) {
                members[s] = member("m" + s, s);
            }

            FederatedResult r = run(values("198.51.0.1"));

            assertThat(capture.lines()).as("the capture sees the connector's lines")
                    .anyMatch(l -> l.contains("member m1 answered ERROR"));
            for (MemberEndpoint m : members) {
                String key = m.apiKey().reveal();
                assertThat(capture.lines()).noneMatch(l -> l.contains(key));
                assertThat(r.members()).noneMatch(o -> o.message() != null && o.message().contains(key));
                assertThat(m.toString()).doesNotContain(key);
                assertThat(m.apiKey().toString()).doesNotContain(key);
                assertThat(r.toString()).doesNotContain(key);
            }
        } finally {
            capture.uninstall();
        }
    }
}
