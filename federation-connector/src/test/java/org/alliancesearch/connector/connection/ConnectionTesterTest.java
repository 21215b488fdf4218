package org.alliancesearch.connector.connection;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import jakarta.inject.Inject;

import org.alliancesearch.connector.ConnectionReport;
import org.alliancesearch.connector.ConnectionTester;
import org.alliancesearch.connector.MemberEndpoint;
import org.alliancesearch.connector.MemberStatus;
import org.alliancesearch.connector.support.MemberServersSupport;
import org.alliancesearch.connector.support.MispFixtures;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ConnectionTesterTest extends MemberServersSupport {
    private static final String VERSION = "{\"version\":\"2.5.1\",\"perm_sync\":false,\"perm_sighting\":true,"
            + "\"uuid\":\"5a2f1d9e-0000-4000-8000-000000000001\",\"request_encoding\":[\"gzip\",\"br\"]}";
    private static final String ME = "{\"User\":{\"id\":\"7\",\"email\":\"sync@circl.example\"},"
            + "\"Role\":{\"id\":\"5\",\"name\":\"Sync user\",\"perm_add\":true,\"perm_admin\":false,"
            + "\"perm_sync\":\"1\",\"perm_auth\":1,\"perm_audit\":\"0\",\"perm_tagger\":null},"
            + "\"Organisation\":{\"id\":\"1\",\"name\":\"CIRCL\",\"uuid\":\"55f6ea5e-2c60-40e5-964f-47a8950d210f\"}}";

    @Inject
    ConnectionTester tester;

    @Test
    void reportsVersionOrganisationRoleAndGrantedPermissions() {
        servers[0].stubFor(get(urlEqualTo("/servers/getVersion")).willReturn(aResponse().withBody(VERSION)));
        servers[0].stubFor(get(urlEqualTo("/users/view/me")).willReturn(aResponse().withBody(ME)));
        MemberEndpoint e = endpoint("new", url(0));

        ConnectionReport r = tester.test(e).await().atMost(WAIT);

        assertThat(r.status()).isEqualTo(MemberStatus.OK);
        assertThat(r.mispVersion()).isEqualTo("2.5.1");
        assertThat(r.organisation()).isEqualTo("CIRCL");
        assertThat(r.organisationUuid()).isEqualTo("55f6ea5e-2c60-40e5-964f-47a8950d210f");
        assertThat(r.role()).isEqualTo("Sync user");
        assertThat(r.permissions()).containsExactly("perm_add", "perm_auth", "perm_sync");
        assertThat(r.latencyMs()).isGreaterThanOrEqualTo(0);
        assertThat(r.message()).isNull();
        servers[0].verify(exactly(1), getRequestedFor(urlEqualTo("/users/view/me"))
                .withHeader("Authorization", equalTo(e.apiKey().reveal())));
        // Testing does not register the member.
        assertThat(registry.find("new")).isEmpty();
    }

    @Test
    void aRefusedKeyIsReportedAsSuch() {
        servers[0].stubFor(get(urlEqualTo("/servers/getVersion")).willReturn(aResponse().withStatus(403)
                .withBody(MispFixtures.error("Forbidden", "Authentication failed.", "/servers/getVersion"))));

        ConnectionReport r = tester.test(endpoint("new", url(0))).await().atMost(WAIT);

        assertThat(r.status()).isEqualTo(MemberStatus.UNAUTHORIZED);
        assertThat(r.message()).isEqualTo("API key refused");
        rememberText(r.message());
    }

    @Test
    void aServerThatDoesNotAnswerIsATimeout() {
        servers[0].stubFor(get(urlEqualTo("/servers/getVersion")).willReturn(aResponse().withFixedDelay(5000)));

        ConnectionReport r = tester.test(endpoint("new", url(0))).await().atMost(WAIT);

        assertThat(r.status()).isEqualTo(MemberStatus.TIMEOUT);
        assertThat(r.latencyMs()).isLessThan(3000);
    }

    @Test
    void anUntrustedCertificateIsRefusedEvenWithHostVerificationOff() {
        WireMockServer tls = new WireMockServer(options().httpDisabled(true).dynamicHttpsPort()
                .bindAddress("127.0.0.1"));
        tls.start();
        try {
            tls.stubFor(get(urlEqualTo("/servers/getVersion")).willReturn(aResponse().withBody(VERSION)));
            tls.stubFor(get(urlEqualTo("/users/view/me")).willReturn(aResponse().withBody(ME)));
            MemberEndpoint plain = endpoint("tls", "https://127.0.0.1:" + tls.httpsPort());
            MemberEndpoint noHostCheck = new MemberEndpoint(plain.ref(), plain.baseUri(), plain.apiKey(), false, null,
                    null, null, null, true);

            for (MemberEndpoint e : new MemberEndpoint[]{plain, noHostCheck}) {
                ConnectionReport r = tester.test(e).await().atMost(WAIT);
                assertThat(r.status()).isEqualTo(MemberStatus.ERROR);
                assertThat(r.message()).startsWith("TLS handshake failed");
            }
            tls.verify(exactly(0), getRequestedFor(urlEqualTo("/servers/getVersion")));
        } finally {
            tls.stop();
        }
    }

    @Test
    void aMemberWithABrokenCaCertificateFailsCleanly() {
        MemberEndpoint plain = endpoint("tls", "https://127.0.0.1:" + servers[0].port());
        MemberEndpoint broken = new MemberEndpoint(plain.ref(), URI.create("https://127.0.0.1:" + servers[0].port()),
                plain.apiKey(), true, "-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----\n",
                null, null, null, true);

        ConnectionReport r = tester.test(broken).await().atMost(WAIT);

        assertThat(r.status()).isEqualTo(MemberStatus.ERROR);
        assertThat(r.message()).isNotBlank();
        rememberText(r.message());
    }
}
