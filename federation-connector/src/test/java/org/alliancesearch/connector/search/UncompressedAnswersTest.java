package org.alliancesearch.connector.search;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.alliancesearch.connector.FederatedResult;
import org.alliancesearch.connector.MemberStatus;
import org.alliancesearch.connector.support.MemberServersSupport;
import org.alliancesearch.connector.support.MispFixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * {@code compressed-answers=false}: members are asked for plain JSON (an alliance on a fast network spares them the
 * compression), and a member that compresses anyway is still read.
 */
@QuarkusTest
@TestProfile(UncompressedAnswersTest.PlainAnswers.class)
class UncompressedAnswersTest extends MemberServersSupport {
    private static final String RS = "/attributes/restSearch";

    public static class PlainAnswers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("alliance.connector.compressed-answers", "false");
        }
    }

    @Test
    void membersAreAskedForPlainJsonAndAGzipAnswerIsStillRead() throws IOException {
        servers[0].stubFor(post(urlEqualTo(RS)).willReturn(aResponse().withBody(MispFixtures.page("plain", 0, 4))));
        member("plain", 0);
        servers[1].stubFor(post(urlEqualTo(RS)).willReturn(aResponse().withHeader("Content-Encoding", "gzip")
                .withBody(gzip(MispFixtures.page("zipped", 0, 6)))));
        member("zipped", 1);

        FederatedResult r = run(values("198.51.0.1"));

        assertThat(of(r, "plain").status()).isEqualTo(MemberStatus.OK);
        assertThat(of(r, "plain").hitCount()).isEqualTo(4);
        assertThat(of(r, "zipped").status()).isEqualTo(MemberStatus.OK);
        assertThat(of(r, "zipped").hitCount()).isEqualTo(6);
        for (int s = 0; s < 2; s++) {
            servers[s].verify(postRequestedFor(urlEqualTo(RS)).withHeader("Accept-Encoding", equalTo("identity")));
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
