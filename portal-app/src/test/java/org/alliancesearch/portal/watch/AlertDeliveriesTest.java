package org.alliancesearch.portal.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.alliancesearch.portal.common.i18n.DisplayTimes;
import org.alliancesearch.portal.watch.config.DeliveryConfig;
import org.alliancesearch.portal.watch.service.AlertChannels;
import org.alliancesearch.portal.watch.service.AlertDeliveries;
import org.alliancesearch.portal.watch.service.DeliveryReport;
import org.alliancesearch.portal.watch.service.WatchAlert;
import org.alliancesearch.portal.watch.service.WatchChannels;
import org.alliancesearch.portal.watch.service.WatchDiff;
import org.alliancesearch.portal.watch.service.WebhookSender;
import org.alliancesearch.portal.watch.service.WebhookSignature;
import org.alliancesearch.portal.watch.service.WebhookUrlRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.mailer.MailerName;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Alert delivery against a real SMTP server (GreenMail) and a real webhook receiver (WireMock): what the e-mail says
 * in English and Japanese, that a partial answer is never "nothing new", that an unreachable or silent SMTP server
 * gives a failed report in bounded time, and that the pause notice carries no secret.
 */
@QuarkusTest
@TestProfile(AlertDeliveriesTest.RealSmtp.class)
class AlertDeliveriesTest {
    private static final String SECRET = "whsec-delivery-test-0123456789abcdef";

    /** The mailer pointed at GreenMail (not the mock), and two broken mailers. */
    public static class RealSmtp implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SmtpServers.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of();
        }
    }

    @Inject
    AlertChannels channels;
    @Inject
    @MailerName("refused")
    ReactiveMailer refusedMailer;
    @Inject
    @MailerName("silent")
    ReactiveMailer silentMailer;
    @Inject
    @MailerName("withlogin")
    ReactiveMailer withLoginMailer;
    @Inject
    WebhookSender webhooks;
    @Inject
    WebhookUrlRule urls;
    @Inject
    DeliveryConfig config;

    private WireMockServer receiver;

    @BeforeEach
    void start() throws Exception {
        SmtpServers.greenMail.purgeEmailFromAllMailboxes();
        receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop();
    }

    private static WatchAlert alert(Locale language, ZoneId zone, List<String> indicators,
            List<WatchDiff.NewOrganisation> organisations, List<String> failed) {
        return new WatchAlert(UUID.randomUUID(), UUID.randomUUID(), "Emotet C2", "Alice Analyst",
                Instant.parse("2026-12-05T09:24:00Z"), false, indicators, organisations, failed, language, zone);
    }

    private static DeliveryReport await(io.smallrye.mutiny.Uni<DeliveryReport> uni) {
        return uni.await().atMost(Duration.ofSeconds(30));
    }

    private static MimeMessage onlyMessage() throws Exception {
        assertThat(SmtpServers.greenMail.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage[] got = SmtpServers.greenMail.getReceivedMessages();
        assertThat(got).hasSize(1);
        return got[0];
    }

    @Test
    void anEnglishAlertListsWhatIsNewAndWhoFailed() throws Exception {
        WatchAlert alert = alert(Locale.ENGLISH, ZoneOffset.UTC, List.of("ip-dst|198.51.100.7", "domain|c2.example"),
                List.of(new WatchDiff.NewOrganisation("sha256|ab12", "org-b")), List.of("Org C MISP"));

        DeliveryReport report = await(channels.deliver(alert,
                new WatchChannels(Optional.of("alice@org-a.example"), Optional.empty(), Optional.empty())));

        assertThat(report).isEqualTo(new DeliveryReport(true, true, false, false, Optional.empty()));
        assertThat(report.failed()).isFalse();
        MimeMessage m = onlyMessage();
        assertThat(m.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("alice@org-a.example");
        assertThat(m.getFrom()).extracting(Object::toString).containsExactly("alerts@portal.alliance.example");
        assertThat(m.getSubject()).isEqualTo(
                "[Alliance] Emotet C2: 2 new indicators, 1 new organisation on known ones; 1 member did not answer");
        assertThat(m.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        String body = m.getContent().toString();
        assertThat(body).contains("Hello Alice Analyst", "\"Emotet C2\"",
                DisplayTimes.format(alert.createdAt(), Locale.ENGLISH, ZoneOffset.UTC), "UTC",
                "New indicators (2):", "  - ip-dst|198.51.100.7", "  - domain|c2.example",
                "New organisations on known indicators (1):", "  - sha256|ab12: org-b",
                "INCOMPLETE: these members did not answer", "  - Org C MISP",
                "Your inbox: https://portal.alliance.example/inbox")
                .doesNotContain("Nothing new").doesNotContain("Every member answered");
    }

    @Test
    void aJapaneseAlertIsInJapaneseAndTokyoTime() throws Exception {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        WatchAlert alert = alert(Locale.JAPANESE, tokyo, List.of("ip-dst|198.51.100.7"), List.of(),
                List.of("Org C MISP", "Org D MISP"));

        DeliveryReport report = await(channels.deliver(alert,
                new WatchChannels(Optional.of("taro@org-j.example"), Optional.empty(), Optional.empty())));

        assertThat(report.failed()).isFalse();
        MimeMessage m = onlyMessage();
        assertThat(m.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("taro@org-j.example");
        assertThat(m.getSubject()).isEqualTo(
                "[アライアンス] Emotet C2: 新しい指標 1 件、既知の指標に新しい組織 0 件（2 メンバーが応答せず）");
        String body = m.getContent().toString();
        String tokyoTime = DisplayTimes.format(alert.createdAt(), Locale.JAPANESE, tokyo);
        assertThat(tokyoTime).contains("18:24").contains("JST");
        assertThat(body).contains("Alice Analyst 様", "ウォッチ「Emotet C2」を " + tokyoTime + " に実行しました。",
                "新しい指標（1 件）：", "  - ip-dst|198.51.100.7", "結果は不完全です", "  - Org C MISP", "  - Org D MISP",
                "受信箱: https://portal.alliance.example/inbox")
                .doesNotContain("既知の指標を新たに保有した組織").doesNotContain("すべてのメンバーが応答しました");
    }

    @Test
    void aPartialAnswerWithNothingNewIsNeverToldAsNothingNew() throws Exception {
        WatchAlert alert = alert(Locale.ENGLISH, ZoneOffset.UTC, List.of(), List.of(), List.of("Org C MISP"));
        await(channels.deliver(alert,
                new WatchChannels(Optional.of("alice@org-a.example"), Optional.empty(), Optional.empty())));
        MimeMessage m = onlyMessage();
        assertThat(m.getSubject()).isEqualTo(
                "[Alliance] Emotet C2: nothing new from the members that answered; 1 did not answer (incomplete)");
        assertThat(m.getContent().toString()).contains("INCOMPLETE", "  - Org C MISP",
                "Nothing new from the members that answered.");
    }

    @Test
    void anUnreachableSmtpServerGivesAFailedReportNotAnException() {
        AlertDeliveries refused = new AlertDeliveries(refusedMailer, webhooks, urls, config);
        long start = System.nanoTime();
        DeliveryReport report = await(refused.deliver(alert(Locale.ENGLISH, ZoneOffset.UTC, List.of("ip|1"),
                List.of(), List.of()),
                new WatchChannels(Optional.of("alice@org-a.example"), Optional.empty(),
                        Optional.empty())));
        assertThat(report.emailAttempted()).isTrue();
        assertThat(report.emailDelivered()).isFalse();
        assertThat(report.failed()).isTrue();
        assertThat(report.failure()).get().asString().startsWith("e-mail not accepted by the SMTP server");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aSilentSmtpServerTimesOut() {
        AlertDeliveries silent = new AlertDeliveries(silentMailer, webhooks, urls, config);
        long start = System.nanoTime();
        DeliveryReport report = await(silent.deliver(alert(Locale.ENGLISH, ZoneOffset.UTC, List.of("ip|1"),
                List.of(), List.of()),
                new WatchChannels(Optional.of("alice@org-a.example"), Optional.empty(),
                        Optional.empty())));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(report.failed()).isTrue();
        assertThat(report.failure()).get().asString().contains("within 3 s");
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(2900)).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void eMailAndWebhookTogetherBothDelivered() throws Exception {
        receiver.stubFor(post(urlEqualTo("/alliance")).willReturn(aResponse().withStatus(202)));
        WatchAlert alert = alert(Locale.ENGLISH, ZoneOffset.UTC, List.of("ip-dst|198.51.100.7"), List.of(),
                List.of());

        DeliveryReport report = await(channels.deliver(alert, new WatchChannels(Optional.of("alice@org-a.example"),
                Optional.of(URI.create(receiver.baseUrl() + "/alliance")), Optional.of(SECRET))));

        assertThat(report).isEqualTo(new DeliveryReport(true, true, true, true, Optional.empty()));
        assertThat(onlyMessage().getContent().toString()).contains("Every member answered.");
        LoggedRequest got = receiver.findAll(postRequestedFor(urlEqualTo("/alliance"))).get(0);
        assertThat(WebhookSignature.verify(SECRET, Long.parseLong(got.getHeader("X-Alliance-Timestamp")),
                got.getBody(), got.getHeader("X-Alliance-Signature"))).isTrue();
        assertThat(got.getHeader("X-Alliance-Delivery")).isEqualTo(alert.alertId().toString());
        assertThat(got.getBodyAsString()).contains("\"inboxUrl\":\"https://portal.alliance.example/inbox\"");
    }

    @Test
    void aWebhookThatKeepsFailingIsReportedAfterItsTries() throws Exception {
        receiver.stubFor(post(urlEqualTo("/alliance")).willReturn(aResponse().withStatus(500)));
        DeliveryReport report = await(channels.deliver(
                alert(Locale.ENGLISH, ZoneOffset.UTC, List.of("ip|1"), List.of(), List.of()),
                new WatchChannels(Optional.of("alice@org-a.example"),
                        Optional.of(URI.create(receiver.baseUrl() + "/alliance")), Optional.of(SECRET))));
        assertThat(report.emailDelivered()).isTrue();
        assertThat(report.webhookAttempted()).isTrue();
        assertThat(report.webhookDelivered()).isFalse();
        assertThat(report.failed()).isTrue();
        assertThat(report.failure()).get().asString().contains("HTTP 500").doesNotContain(SECRET);
        receiver.verify(3, postRequestedFor(urlEqualTo("/alliance")));
    }

    @Test
    void aPrivateWebhookAddressIsRefusedAtCreationAndAtSendTime() {
        AlertDeliveries deliveries = (AlertDeliveries) io.quarkus.arc.ClientProxy.unwrap(channels);
        assertThat(deliveries.checkWebhookUrl("http://10.20.30.40/hook").code()).isEqualTo("url.private");
        assertThat(deliveries.checkWebhookUrl("http://169.254.169.254/latest").code()).isEqualTo("url.metadata");
        assertThat(deliveries.checkWebhookUrl(receiver.baseUrl() + "/ok").ok()).isTrue(); // loopback: test setting
        assertThat(AlertDeliveries.emailRefusal("alice@org-a.example")).isEmpty();
        assertThat(AlertDeliveries.emailRefusal("alice@org-a.example\r\nBcc: x@y.example")).contains("email.invalid");

        DeliveryReport report = await(channels.deliver(
                alert(Locale.ENGLISH, ZoneOffset.UTC, List.of("ip|1"), List.of(), List.of()),
                new WatchChannels(Optional.empty(), Optional.of(URI.create("http://10.20.30.40/hook")),
                        Optional.of(SECRET))));
        assertThat(report).isEqualTo(new DeliveryReport(false, false, true, false,
                Optional.of("webhook URL refused (url.private)")));
        receiver.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void thePauseNoticeSaysWhyWithoutTheSecret() throws Exception {
        WatchAlert last = alert(Locale.JAPANESE, ZoneId.of("Asia/Tokyo"), List.of(), List.of(), List.of());
        channels.tellPaused(last, new WatchChannels(Optional.of("taro@org-j.example"),
                Optional.of(URI.create("https://hooks.example.org/x")), Optional.of(SECRET)),
                "5 deliveries failed in a row: webhook hooks.example.org answered HTTP 500 (" + SECRET + ")")
                .await().atMost(Duration.ofSeconds(30));
        MimeMessage m = onlyMessage();
        assertThat(m.getSubject()).isEqualTo("[アライアンス] ウォッチ「Emotet C2」を一時停止しました");
        String body = m.getContent().toString();
        assertThat(body).contains("繰り返し失敗したため",
                "理由: 5 deliveries failed in a row: webhook hooks.example.org answered HTTP 500 ([hidden])",
                "https://portal.alliance.example/inbox").doesNotContain(SECRET).doesNotContain("/x");

        SmtpServers.greenMail.purgeEmailFromAllMailboxes();
        channels.tellPaused(alert(Locale.ENGLISH, ZoneOffset.UTC, List.of(), List.of(), List.of()),
                new WatchChannels(Optional.of("alice@org-a.example"), Optional.empty(), Optional.empty()),
                "5 e-mails in a row not accepted").await().atMost(Duration.ofSeconds(30));
        MimeMessage en = onlyMessage();
        assertThat(en.getSubject()).isEqualTo("[Alliance] Watch \"Emotet C2\" paused");
        assertThat(en.getContent().toString()).contains("was paused on", "after repeated delivery failures",
                "Reason: 5 e-mails in a row not accepted");
    }

    @Test
    void aFailedSmtpLoginShowsThePasswordInNoLogLineNorReport() throws Exception {
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                // the test SMTP server's own logs are not the portal's
                if (r.getLoggerName() == null || !r.getLoggerName().startsWith("com.icegreen")) {
                    lines.add(r.getMessage() + " " + java.util.Arrays.toString(r.getParameters()) + " "
                            + (r.getThrown() == null ? "" : r.getThrown().toString()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(java.util.logging.Level.ALL);
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        try {
            WatchChannels mail = new WatchChannels(Optional.of("alice@org-a.example"), Optional.empty(),
                    Optional.empty());
            WatchAlert alert = alert(Locale.ENGLISH, ZoneOffset.UTC, List.of("ip|1"), List.of(), List.of());
            DeliveryReport loggedIn = await(
                    new AlertDeliveries(withLoginMailer, webhooks, urls, config).deliver(alert, mail));
            DeliveryReport refused = await(
                    new AlertDeliveries(refusedMailer, webhooks, urls, config).deliver(alert, mail));
            // GreenMail does not take this login: the send fails after the password was offered
            assertThat(loggedIn.failed()).isTrue();
            assertThat(loggedIn.failure().orElseThrow()).startsWith("e-mail not accepted by the SMTP server")
                    .doesNotContain(SmtpServers.SMTP_PASSWORD);
            assertThat(refused.failed()).isTrue();
            assertThat(refused.failure().orElseThrow()).doesNotContain(SmtpServers.SMTP_PASSWORD);
        } finally {
            root.removeHandler(capture);
        }
        assertThat(lines).isNotEmpty().noneMatch(l -> l.contains(SmtpServers.SMTP_PASSWORD));
    }

    @Test
    void theRealImplementationIsTheOneInjected() {
        assertThat(io.quarkus.arc.ClientProxy.unwrap(channels)).isInstanceOf(AlertDeliveries.class);
        assertThat(Set.of(config.webhook().tries())).containsExactly(3);
    }
}
