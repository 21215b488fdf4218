package org.alliancesearch.portal.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.alliancesearch.portal.watch.service.DeliveryFailures;
import org.alliancesearch.portal.watch.service.WebhookSender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/** A webhook receiver (WireMock) checks the signature with its own HMAC; failed tries are retried, then given up. */
class WebhookSenderTest {
    private static final String SECRET = "whsec-test-0123456789";
    private WireMockServer receiver;
    private final WebhookSender sender = new WebhookSender(Duration.ofSeconds(2), 3, Duration.ofMillis(50));

    @BeforeEach
    void start() {
        receiver = new WireMockServer(options().dynamicPort());
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop();
    }

    @Test
    void theReceiverVerifiesTheSignatureOfTheBody() throws Exception {
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
        byte[] body = "{\"watch\":\"w1\",\"newIndicators\":[\"ip|192.0.2.1\"]}".getBytes(StandardCharsets.UTF_8);

        boolean ok = sender.send(URI.create(receiver.baseUrl() + "/hook"), SECRET, body).toCompletableFuture().get();

        assertThat(ok).isTrue();
        List<LoggedRequest> got = receiver.findAll(postRequestedFor(urlEqualTo("/hook")));
        assertThat(got).hasSize(1);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(got.get(0).getBody()));
        assertThat(got.get(0).getHeader("X-Alliance-Signature")).isEqualTo(expected);
        assertThat(got.get(0).getHeader("Content-Type")).startsWith("application/json");
        assertThat(new String(got.get(0).getBody(), StandardCharsets.UTF_8)).contains("192.0.2.1");
    }

    @Test
    void aFailingReceiverIsTriedThreeTimesThenGivenUp() throws Exception {
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(503)));
        boolean ok = sender.send(URI.create(receiver.baseUrl() + "/hook"), SECRET, "{}".getBytes())
                .toCompletableFuture().get();
        assertThat(ok).isFalse();
        receiver.verify(3, postRequestedFor(urlEqualTo("/hook")));
    }

    @Test
    void aDroppedConnectionIsRetriedAndASecondTryCanSucceed() throws Exception {
        receiver.stubFor(post(urlEqualTo("/hook")).inScenario("flaky").whenScenarioStateIs("Started")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
        receiver.stubFor(post(urlEqualTo("/hook")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200)));
        boolean ok = sender.send(URI.create(receiver.baseUrl() + "/hook"), SECRET, "{}".getBytes())
                .toCompletableFuture().get();
        assertThat(ok).isTrue();
        receiver.verify(2, postRequestedFor(urlEqualTo("/hook")));
    }

    @Test
    void aSlowReceiverTimesOut() throws Exception {
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200).withFixedDelay(5000)));
        WebhookSender quick = new WebhookSender(Duration.ofMillis(300), 1, Duration.ofMillis(10));
        long start = System.nanoTime();
        boolean ok = quick.send(URI.create(receiver.baseUrl() + "/hook"), SECRET, "{}".getBytes())
                .toCompletableFuture().get();
        assertThat(ok).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void fiveFailedDeliveriesInARowPauseTheWatchAndASuccessResetsTheCount() {
        int failures = 0;
        for (int i = 0; i < 4; i++) {
            failures = DeliveryFailures.next(failures, false);
            assertThat(DeliveryFailures.pauseDue(failures)).isFalse();
        }
        assertThat(DeliveryFailures.pauseDue(DeliveryFailures.next(failures, false))).isTrue();
        assertThat(DeliveryFailures.next(failures, true)).isZero();
    }
}
