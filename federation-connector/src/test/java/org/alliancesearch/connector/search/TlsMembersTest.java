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
import java.util.List;

import org.alliancesearch.connector.FederatedResult;
import org.alliancesearch.connector.MemberEndpoint;
import org.alliancesearch.connector.MemberOutcome;
import org.alliancesearch.connector.MemberStatus;
import org.alliancesearch.connector.support.MemberServersSupport;
import org.alliancesearch.connector.support.MispFixtures;
import org.alliancesearch.connector.support.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;

/** A member's own CA, mTLS, and what {@code verifyTls=false} does (host name only) and does not (trust all). */
@QuarkusTest
class TlsMembersTest extends MemberServersSupport {
    private static final String RS = "/attributes/restSearch";
    private static TestPki pki;
    private static TestPki otherPki;
    private static WireMockServer mtls;
    private static WireMockServer wrongName;
    private static Path dir;

    @BeforeAll
    static void startTlsServers() throws Exception {
        dir = Files.createTempDirectory("tls-members");
        pki = new TestPki("Member Test CA");
        otherPki = new TestPki("Someone Else's CA");
        TestPki.Issued server = pki.server(List.of("localhost"), List.of("127.0.0.1"));
        mtls = new WireMockServer(options().httpDisabled(true).dynamicHttpsPort().bindAddress("127.0.0.1")
                .keystorePath(TestPki.keyStore(server, dir).toString()).keystoreType("PKCS12")
                .keystorePassword("changeit").keyManagerPassword("changeit")
                .needClientAuth(true).trustStorePath(pki.trustStore(dir).toString()).trustStoreType("PKCS12")
                .trustStorePassword("changeit"));
        mtls.start();
        TestPki.Issued misnamed = pki.server(List.of("misp.member.example"), List.of());
        wrongName = new WireMockServer(options().httpDisabled(true).dynamicHttpsPort().bindAddress("127.0.0.1")
                .keystorePath(TestPki.keyStore(misnamed, dir).toString()).keystoreType("PKCS12")
                .keystorePassword("changeit").keyManagerPassword("changeit"));
        wrongName.start();
        for (WireMockServer s : List.of(mtls, wrongName)) {
            s.stubFor(post(urlEqualTo(RS)).willReturn(aResponse().withBody(MispFixtures.page("tls", 0, 3))));
        }
    }

    @AfterAll
    static void stopTlsServers() throws Exception {
        mtls.stop();
        wrongName.stop();
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    private MemberEndpoint tls(String id, WireMockServer server, boolean verify, String ca, TestPki.Issued client) {
        MemberEndpoint e = endpoint(id, "https://127.0.0.1:" + server.httpsPort());
        MemberEndpoint t = new MemberEndpoint(e.ref(), e.baseUri(), e.apiKey(), verify, ca,
                client == null ? null : client.certPem(), client == null ? null : client.keyPem(), null, true);
        registry.upsert(t);
        return t;
    }

    @Test
    void memberCaAndClientCertificate() {
        mtls.resetRequests();
        tls("mtls", mtls, true, pki.caPem(), pki.client("alliance-portal"));

        MemberOutcome o = of(run(values("198.51.0.1")), "mtls");

        assertThat(o.status()).isEqualTo(MemberStatus.OK);
        assertThat(o.hitCount()).isEqualTo(3);
        mtls.verify(exactly(1), postRequestedFor(urlEqualTo(RS)));
    }

    @Test
    void refusedWithoutTheRightCaOrClientCertificate() {
        mtls.resetRequests();
        tls("noclient", mtls, true, pki.caPem(), null);
        tls("wrongca", mtls, true, otherPki.caPem(), pki.client("alliance-portal"));
        tls("foreignclient", mtls, true, pki.caPem(), otherPki.client("intruder"));
        tls("nohostcheck", mtls, false, null, pki.client("alliance-portal"));

        FederatedResult r = run(values("198.51.0.1"));

        for (String id : List.of("noclient", "wrongca", "foreignclient", "nohostcheck")) {
            assertThat(of(r, id).status()).as(id).isEqualTo(MemberStatus.ERROR);
        }
        assertThat(of(r, "wrongca").message()).startsWith("TLS handshake failed");
        assertThat(of(r, "nohostcheck").message()).as("no trust-all").startsWith("TLS handshake failed");
        mtls.verify(exactly(0), postRequestedFor(urlEqualTo(RS)));
    }

    @Test
    void verifyTlsOffOnlySkipsTheHostName() {
        wrongName.resetRequests();
        tls("strict", wrongName, true, pki.caPem(), null);
        tls("lenient", wrongName, false, pki.caPem(), null);

        FederatedResult r = run(values("198.51.0.1"));

        assertThat(of(r, "strict").status()).isEqualTo(MemberStatus.ERROR);
        assertThat(of(r, "strict").message()).startsWith("TLS handshake failed");
        assertThat(of(r, "lenient").status()).isEqualTo(MemberStatus.OK);
        wrongName.verify(exactly(1), postRequestedFor(urlEqualTo(RS)));
    }
}
