package org.alliancesearch.portal.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.alliancesearch.portal.watch.service.DeliveryFailures;
import org.alliancesearch.portal.watch.service.WatchAlert;
import org.alliancesearch.portal.watch.service.WatchDiff;
import org.alliancesearch.portal.watch.service.WebhookPayload;
import org.alliancesearch.portal.watch.service.WebhookSender;
import org.alliancesearch.portal.watch.service.WebhookSignature;
import org.alliancesearch.portal.watch.service.WebhookUrlRule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.vertx.mutiny.core.Vertx;

/**
 * A webhook receiver (WireMock) checks the signature with its own HMAC; failed tries are retried with back-off, then
 * given up; a slow receiver times out; redirects are not followed; private addresses are refused before any
 * connection, also when only DNS says so.
 */
class WebhookSenderTest {
    private static final String SECRET = "whsec-test-0123456789";
    private static final String HOST = "hooks.example"; // resolved by the test's resolver to WireMock's 127.0.0.1
    private static Vertx vertx;
    private WireMockServer receiver;

    @BeforeAll
    static void vertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void closeVertx() {
        vertx.closeAndAwait();
    }

    @BeforeEach
    void start() {
        receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop();
    }

    private static WebhookSender sender(boolean allowLoopback, WebhookSender.Resolver resolver, Duration timeout,
            int tries, long maxBytes) {
        return new WebhookSender(vertx, new WebhookUrlRule(allowLoopback, false), resolver,
                new WebhookSender.Limits(timeout, tries, Duration.ofMillis(50), Duration.ofMillis(400), maxBytes));
    }

    private static WebhookSender sender() {
        return sender(true, loopbackResolver(), Duration.ofSeconds(6), 3, 4096); // generous: the first try also loads the client
    }

    private static WebhookSender.Resolver loopbackResolver() {
        return host -> List.of(InetAddress.getByName("127.0.0.1"));
    }

    private URI hook() {
        return URI.create("http://" + HOST + ":" + receiver.port() + "/hook");
    }

    private static WebhookSender.Outcome send(WebhookSender sender, URI url, byte[] body) {
        return sender.send(url, SECRET, "d-1", body).await().atMost(Duration.ofSeconds(20));
    }

    private static String hmac(String secret, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theReceiverVerifiesTheSignatureOfTimestampAndBody() throws Exception {
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
        WatchAlert alert = new WatchAlert(UUID.randomUUID(), UUID.randomUUID(), "APT watch", "alice",
                Instant.parse("2026-12-05T09:24:31.123Z"), false, List.of("ip-dst|192.0.2.1"),
                List.of(new WatchDiff.NewOrganisation("domain|evil.example", "org-b")), List.of("Org C MISP"),
                Locale.JAPANESE, java.time.ZoneId.of("Asia/Tokyo"));
        byte[] body = WebhookPayload.of(alert, URI.create("https://portal.example/inbox")).json();
        long before = Instant.now().getEpochSecond();

        WebhookSender.Outcome outcome = send(sender(), hook(), body);

        assertThat(outcome.delivered()).isTrue();
        assertThat(outcome.tries()).isEqualTo(1);
        List<LoggedRequest> got = receiver.findAll(postRequestedFor(urlEqualTo("/hook")));
        assertThat(got).hasSize(1);
        LoggedRequest request = got.get(0);
        // the receiver's side: its own HMAC over "<timestamp>.<body>", and a timestamp close to now
        String timestamp = request.getHeader("X-Alliance-Timestamp");
        assertThat(Long.parseLong(timestamp)).isBetween(before, Instant.now().getEpochSecond());
        String signed = timestamp + "." + new String(request.getBody(), StandardCharsets.UTF_8);
        assertThat(request.getHeader("X-Alliance-Signature")).isEqualTo(hmac(SECRET, signed))
                .isNotEqualTo(hmac("another-secret", signed));
        assertThat(WebhookSignature.verify(SECRET, Long.parseLong(timestamp), request.getBody(),
                request.getHeader("X-Alliance-Signature"))).isTrue();
        assertThat(WebhookSignature.verify(SECRET, Long.parseLong(timestamp) + 1, request.getBody(),
                request.getHeader("X-Alliance-Signature"))).isFalse();
        assertThat(request.getHeader("X-Alliance-Delivery")).isEqualTo("d-1");
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        // the name, not the address it was resolved to, is the Host
        assertThat(request.getHeader("Host")).isEqualTo(HOST + ":" + receiver.port());
        assertThat(new String(request.getBody(), StandardCharsets.UTF_8)).doesNotContain(SECRET)
                .doesNotContain("alice");

        JsonNode json = new ObjectMapper().readTree(request.getBody());
        assertThat(json.get("type").asText()).isEqualTo("watch.alert");
        assertThat(json.get("version").asInt()).isEqualTo(1);
        assertThat(json.get("alertId").asText()).isEqualTo(alert.alertId().toString());
        assertThat(json.get("watchId").asText()).isEqualTo(alert.watchId().toString());
        assertThat(json.get("watchName").asText()).isEqualTo("APT watch");
        assertThat(json.get("createdAt").asText()).isEqualTo("2026-12-05T09:24:31Z");
        assertThat(json.get("firstRun").asBoolean()).isFalse();
        assertThat(json.get("partial").asBoolean()).isTrue();
        assertThat(json.get("newIndicators").get(0).asText()).isEqualTo("ip-dst|192.0.2.1");
        assertThat(json.get("newOrganisations").get(0).get("indicator").asText()).isEqualTo("domain|evil.example");
        assertThat(json.get("newOrganisations").get(0).get("organisation").asText()).isEqualTo("org-b");
        assertThat(json.get("failedMembers").get(0).asText()).isEqualTo("Org C MISP");
        assertThat(json.get("inboxUrl").asText()).isEqualTo("https://portal.example/inbox");
    }

    @Test
    void aFailingReceiverIsTriedThreeTimesWithGrowingPausesThenGivenUp() {
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(503)));
        long start = System.nanoTime();
        WebhookSender.Outcome outcome = send(sender(), hook(), "{}".getBytes());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.tries()).isEqualTo(3);
        assertThat(outcome.failure()).get().asString().contains("HTTP 503");
        receiver.verify(3, postRequestedFor(urlEqualTo("/hook")));
        // pauses of 50 ms then 100 ms
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void aDroppedConnectionIsRetriedAndASecondTryCanSucceed() {
        receiver.stubFor(post(urlEqualTo("/hook")).inScenario("flaky").whenScenarioStateIs("Started")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
        receiver.stubFor(post(urlEqualTo("/hook")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200)));
        WebhookSender.Outcome outcome = send(sender(), hook(), "{}".getBytes());
        assertThat(outcome.delivered()).isTrue();
        assertThat(outcome.tries()).isEqualTo(2);
        receiver.verify(2, postRequestedFor(urlEqualTo("/hook")));
    }

    @Test
    void aSlowReceiverTimesOut() {
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200).withFixedDelay(5000)));
        WebhookSender quick = sender(true, loopbackResolver(), Duration.ofMillis(300), 1, 4096);
        long start = System.nanoTime();
        WebhookSender.Outcome outcome = send(quick, hook(), "{}".getBytes());
        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.failure()).get().asString().contains("did not answer within 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aRedirectIsNotFollowedNorRetried() {
        receiver.stubFor(post(urlEqualTo("/hook"))
                .willReturn(aResponse().withStatus(307).withHeader("Location", "http://127.0.0.1:" + receiver.port()
                        + "/elsewhere")));
        receiver.stubFor(post(urlEqualTo("/elsewhere")).willReturn(aResponse().withStatus(200)));
        WebhookSender.Outcome outcome = send(sender(), hook(), "{}".getBytes());
        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.failure()).get().asString().contains("HTTP 307");
        receiver.verify(1, postRequestedFor(urlEqualTo("/hook")));
        receiver.verify(0, postRequestedFor(urlEqualTo("/elsewhere")));
    }

    @Test
    void aClientErrorIsNotRetried() {
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(410)));
        WebhookSender.Outcome outcome = send(sender(), hook(), "{}".getBytes());
        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.tries()).isEqualTo(1);
        receiver.verify(1, postRequestedFor(urlEqualTo("/hook")));
    }

    @Test
    void anEndlessAnswerIsCutAtTheByteBudget() {
        receiver.stubFor(post(urlEqualTo("/hook"))
                .willReturn(aResponse().withStatus(200).withBody(new byte[2 * 1024 * 1024])));
        WebhookSender small = sender(true, loopbackResolver(), Duration.ofSeconds(5), 1, 1024);
        WebhookSender.Outcome outcome = send(small, hook(), "{}".getBytes());
        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.failure()).get().asString().contains("more than 1024 bytes");
    }

    @Test
    void aNameThatResolvesToAPrivateAddressIsRefusedBeforeAnyConnection() {
        receiver.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)));
        for (String address : List.of("10.1.2.3", "192.168.1.10", "169.254.169.254", "fd00::1", "0.0.0.0")) {
            WebhookSender rebound = sender(true, host -> List.of(InetAddress.getByName(address)),
                    Duration.ofSeconds(1), 3, 4096);
            WebhookSender.Outcome outcome = send(rebound, hook(), "{}".getBytes());
            assertThat(outcome.delivered()).as(address).isFalse();
            assertThat(outcome.tries()).as(address).isEqualTo(1);
            assertThat(outcome.failure()).get().asString().contains("refused address");
        }
        // one public and one private answer: refused too
        WebhookSender mixed = sender(true,
                host -> List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("10.0.0.1")),
                Duration.ofSeconds(1), 3, 4096);
        assertThat(send(mixed, hook(), "{}".getBytes()).failure()).get().asString().contains("url.private");
        receiver.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void loopbackIsRefusedUnlessTheMemberSettingAllowsIt() {
        receiver.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)));
        WebhookSender strict = sender(false, loopbackResolver(), Duration.ofSeconds(1), 3, 4096);
        WebhookSender.Outcome byName = send(strict, hook(), "{}".getBytes());
        WebhookSender.Outcome literal = send(strict, URI.create(receiver.baseUrl() + "/hook"), "{}".getBytes());
        assertThat(byName.delivered()).isFalse();
        assertThat(byName.failure()).get().asString().contains("url.loopback");
        assertThat(literal.delivered()).isFalse();
        assertThat(literal.failure()).get().asString().contains("url.loopback");
        receiver.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anHttpsReceiverWithAnUntrustedCertificateIsNotSentTheAlert() {
        WireMockServer tls = new WireMockServer(options().dynamicPort().dynamicHttpsPort().bindAddress("127.0.0.1"));
        tls.start();
        try {
            tls.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)));
            WebhookSender.Outcome outcome = send(sender(),
                    URI.create("https://" + HOST + ":" + tls.httpsPort() + "/hook"), "{}".getBytes());
            assertThat(outcome.delivered()).isFalse();
            assertThat(outcome.failure()).get().asString().contains("unreachable");
            tls.verify(0, anyRequestedFor(anyUrl()));
        } finally {
            tls.stop();
        }
    }

    @Test
    void backOffDoublesUpToTheLargestPause() {
        WebhookSender s = sender();
        assertThat(List.of(1, 2, 3, 4, 40, 70).stream().map(i -> s.backoff(i).toMillis()).toList())
                .containsExactly(50L, 100L, 200L, 400L, 400L, 400L);
    }

    @Test
    void fiveFailedDeliveriesInARowPauseTheWatchAndASuccessResetsTheCount() {
        int failures = 0;
        for (int i = 0; i < 4; i++) {
            failures = DeliveryFailures.next(failures, false);
            assertThat(DeliveryFailures.pauseDue(failures)).isFalse();
        }
        assertThat(DeliveryFailures.pauseDue(DeliveryFailures.next(failures, true))).isFalse();
        assertThat(DeliveryFailures.pauseDue(DeliveryFailures.next(failures, false))).isTrue();
        assertThat(DeliveryFailures.next(failures, true)).isZero();
    }
}
