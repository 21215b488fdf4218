package org.alliancesearch.connector.search;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.alliancesearch.connector.FederatedResult;
import org.alliancesearch.connector.MemberEndpoint;
import org.alliancesearch.connector.MemberStatus;
import org.alliancesearch.connector.client.PinnedTrustManager;
import org.alliancesearch.connector.support.MemberServersSupport;
import org.alliancesearch.connector.support.MispFixtures;
import org.alliancesearch.connector.support.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;

/** A pinned certificate SHA-256: exactly that server certificate is accepted, without any CA; any other is refused. */
@QuarkusTest
class PinnedTlsTest extends MemberServersSupport {
    private static final String RS = "/attributes/restSearch";
    private static TestPki pki;
    private static TestPki.Issued serverCert;
    private static WireMockServer server;
    private static Path dir;

    @BeforeAll
    static void startServer() throws Exception {
        dir = Files.createTempDirectory("pinned-tls");
        // a CA nobody trusts and a name that does not match: only the pin can make this server acceptable
        pki = new TestPki("Private Member CA");
        serverCert = pki.server(List.of("misp.member.example"), List.of());
        server = new WireMockServer(options().httpDisabled(true).dynamicHttpsPort().bindAddress("127.0.0.1")
                .keystorePath(TestPki.keyStore(serverCert, dir).toString()).keystoreType("PKCS12")
                .keystorePassword("changeit").keyManagerPassword("changeit"));
        server.start();
        server.stubFor(post(urlEqualTo(RS)).willReturn(aResponse().withBody(MispFixtures.page("pinned", 0, 2))));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.stop();
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    private void pinned(String id, String pin) {
        MemberEndpoint e = endpoint(id, "https://127.0.0.1:" + server.httpsPort());
        // a generous timeout: a TLS handshake on a busy machine can take longer than the tests' usual 1 s
        registry.upsert(new MemberEndpoint(e.ref(), e.baseUri(), e.apiKey(), false, null, null, null,
                Duration.ofSeconds(15), true, pin));
    }

    @Test
    void theRightPinConnectsAWrongOneDoesNot() throws Exception {
        server.resetRequests();
        String right = PinnedTrustManager.sha256(serverCert.chain().get(0));
        String withColons = String.join(":", right.toUpperCase().split("(?<=\\G..)"));
        String ofTheCa = PinnedTrustManager.sha256(serverCert.chain().get(serverCert.chain().size() - 1));
        byte[] flipped = HexFormat.of().parseHex(right);
        flipped[31] ^= 1;
        pinned("pin-right", right);
        pinned("pin-colons", withColons);
        pinned("pin-wrong", HexFormat.of().formatHex(flipped));
        pinned("pin-ca", ofTheCa.equals(right) ? HexFormat.of().formatHex(new byte[32]) : ofTheCa);
        pinned("no-pin", null);

        FederatedResult r = run(values("198.51.0.7"));

        assertThat(of(r, "pin-right").status()).isEqualTo(MemberStatus.OK);
        assertThat(of(r, "pin-right").hitCount()).isEqualTo(2);
        assertThat(of(r, "pin-colons").status()).isEqualTo(MemberStatus.OK);
        for (String id : List.of("pin-wrong", "pin-ca", "no-pin")) {
            assertThat(of(r, id).status()).as(id).isEqualTo(MemberStatus.ERROR);
            assertThat(of(r, id).message()).as(id).startsWith("TLS handshake failed");
        }
        server.verify(exactly(2), postRequestedFor(urlEqualTo(RS)));
    }
}
