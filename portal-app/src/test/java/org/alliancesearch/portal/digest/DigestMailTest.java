package org.alliancesearch.portal.digest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.alliancesearch.model.digest.Digest;
import org.alliancesearch.model.query.TimeWindow;
import org.alliancesearch.portal.common.i18n.DisplayTimes;
import org.alliancesearch.portal.digest.service.DigestMailer;
import org.alliancesearch.portal.digest.service.DigestService;
import org.alliancesearch.portal.search.support.OnVertx;
import org.alliancesearch.portal.testsupport.Db;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;

/**
 * The weekly digest e-mail against a real SMTP server (GreenMail) and Keycloak's admin API (WireMock): each subscriber
 * gets the week's digest once, in their language and zone, at the address Keycloak has verified now; users who did
 * not subscribe, turned it off, are disabled, deleted or lost the member role get nothing; sending again (at once, or
 * after a rebuild of the week) sends nothing twice; a failed attempt is tried again on later sweeps, at most
 * {@code max-attempts} times.
 */
@QuarkusTest
@TestProfile(DigestSmtp.RealSmtp.class)
class DigestMailTest {
    private static final AtomicInteger WEEKS = new AtomicInteger();
    private static final Instant FIRST_REPORTED = Instant.parse("2021-01-04T23:30:00Z");

    @OidcWireMock
    WireMockServer keycloak;
    @Inject
    DigestMailer mailer;
    @Inject
    Vertx vertx;
    @Inject
    ObjectMapper json;

    @BeforeEach
    void clean() throws Exception {
        DigestSmtp.server().purgeEmailFromAllMailboxes();
        DigestUsers.serviceAccount(keycloak);
        // every test names its own subscribers; those of other tests are not owed its week
        Db.update("update digest_subscription set subscribed = false");
    }

    @AfterAll
    static void nobodyLeftSubscribed() throws Exception {
        Db.update("update digest_subscription set subscribed = false");
    }

    /** A digest stored for a week of its own (in 2021, long before any other test's), built at the instant given. */
    private Instant builtAtOfANewWeek() {
        return Instant.parse("2021-01-06T06:00:00Z").plus(Duration.ofDays(7L * WEEKS.getAndIncrement()));
    }

    private LocalDate store(Instant builtAt) throws Exception {
        LocalDate week = DigestService.weekOf(builtAt);
        // a week of its own: nothing opened or sent for it by an earlier run
        Db.update("delete from digest_mailing where week_start = ?", week);
        return rebuild(builtAt);
    }

    /** Stores the digest as a build does: a later build of the week replaces the row. */
    private LocalDate rebuild(Instant builtAt) throws Exception {
        LocalDate week = DigestService.weekOf(builtAt);
        Digest digest = new Digest(TimeWindow.ending(builtAt, Duration.ofDays(7)), builtAt,
                List.of(new Digest.SharedIndicator("domain", "c2.digest-mail.example", List.of("domain", "hostname"),
                        List.of("org-a", "org-b"), FIRST_REPORTED)),
                1, List.of(new Digest.RankedTag("dm:ransomware", 2)),
                List.of(new Digest.RankedCluster("misp-galaxy:threat-actor=\"Sofacy\"", "threat-actor", "Sofacy", 2)),
                List.of(new Digest.MemberActivity("m-north", "North MISP", "org-a", "OK", false, null, 3, 17),
                        new Digest.MemberActivity("m-east", "East MISP", "org-c", "TIMEOUT", true,
                                "did not answer within 10 s", 0, 0)));
        Db.update("insert into weekly_digest (week_start, window_from, window_to, built_at, members_asked,"
                + " members_failed, failed_members, body) values (?, ?, ?, ?, 2, 1, '[]', ?) on conflict (week_start)"
                + " do update set built_at = excluded.built_at, body = excluded.body", week,
                digest.window().from().atOffset(ZoneOffset.UTC), builtAt.atOffset(ZoneOffset.UTC),
                builtAt.atOffset(ZoneOffset.UTC), json.writeValueAsString(digest));
        return week;
    }

    private void open(LocalDate week, Instant at) {
        OnVertx.await(vertx, () -> mailer.open(week, at));
    }

    private DigestMailer.Report sweep(Instant at) {
        return OnVertx.await(vertx, () -> mailer.sweep(at));
    }

    private static void subscribe(String user, String tokenEmail, String language, String zone) {
        Map<String, Object> body = new HashMap<>(Map.of("subscribed", true));
        if (zone != null) {
            body.put("timeZone", zone);
        }
        given().auth().oauth2(DigestUsers.token(user, "org-a", tokenEmail, List.of("member")))
                .header("Accept-Language", language).contentType(ContentType.JSON).body(body)
                .put("/api/v1/me/digest-subscription").then().statusCode(200);
    }

    private static void unsubscribe(String user) {
        given().auth().oauth2(DigestUsers.token(user, "org-a", user + "@org-a.example", List.of("member")))
                .contentType(ContentType.JSON).body(Map.of("subscribed", false))
                .put("/api/v1/me/digest-subscription").then().statusCode(200);
    }

    private static List<MimeMessage> to(String address) throws Exception {
        return Arrays.stream(DigestSmtp.server().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static Map<String, String> row(String user, LocalDate week) throws Exception {
        List<Map<String, String>> rows = Db.rows("select status, attempts, outcome, sent_at from digest_mail"
                + " where subject = ? and week_start = ?", "id-" + user, week);
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    @Test
    void eachSubscriberGetsTheWeekOnceInTheirLanguageAndZoneAndNobodyElseGetsIt() throws Exception {
        Instant builtAt = builtAtOfANewWeek();
        LocalDate week = store(builtAt);
        // the address the sign-in gave is kept for the user to see; the e-mail goes to Keycloak's verified one
        subscribe("dm-ja", "dm-ja-old@org-a.example", "ja", "Asia/Tokyo");
        DigestUsers.user(keycloak, "dm-ja", true, "org-a", "dm-ja@org-a.example", "member");
        subscribe("dm-en", "dm-en@org-b.example", "en", "UTC");
        DigestUsers.user(keycloak, "dm-en", true, "org-b", "dm-en@org-b.example", "member");
        subscribe("dm-off", "dm-off@org-a.example", "en", null);
        unsubscribe("dm-off");
        DigestUsers.user(keycloak, "dm-off", true, "org-a", "dm-off@org-a.example", "member");
        DigestUsers.user(keycloak, "dm-never", true, "org-a", "dm-never@org-a.example", "member");
        subscribe("dm-disabled", "dm-disabled@org-a.example", "en", null);
        DigestUsers.user(keycloak, "dm-disabled", false, "org-a", "dm-disabled@org-a.example", "member");
        subscribe("dm-norole", "dm-norole@org-a.example", "en", null);
        DigestUsers.user(keycloak, "dm-norole", true, "org-a", "dm-norole@org-a.example");
        subscribe("dm-noorg", "dm-noorg@org-a.example", "en", null);
        DigestUsers.user(keycloak, "dm-noorg", true, null, "dm-noorg@org-a.example", "member");
        subscribe("dm-gone", "dm-gone@org-a.example", "en", null);
        DigestUsers.gone(keycloak, "dm-gone");

        open(week, builtAt);
        DigestMailer.Report report = sweep(builtAt.plusSeconds(60));

        assertThat(report).isEqualTo(new DigestMailer.Report(2, 4, 0));
        assertThat(DigestSmtp.server().waitForIncomingEmail(10_000, 2)).isTrue();
        MimeMessage[] all = DigestSmtp.server().getReceivedMessages();
        assertThat(all).hasSize(2);
        assertThat(to("dm-ja-old@org-a.example")).isEmpty();

        MimeMessage en = to("dm-en@org-b.example").get(0);
        assertThat(en.getFrom()).extracting(Object::toString).containsExactly("digest@portal.alliance.example");
        assertThat(en.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(en.getSubject())
                .isEqualTo("[Alliance] Weekly digest, week of " + week + ": 1 shared indicator; 1 member failed");
        String enBody = en.getContent().toString();
        assertThat(enBody).contains("Hello dm-en,", "week of " + week,
                "built on " + DisplayTimes.format(builtAt, Locale.ENGLISH, ZoneOffset.UTC),
                "INCOMPLETE: these members failed",
                "  - East MISP (org-c): Timed out, did not answer within 10 s",
                "Indicators reported by two or more organisations (1):",
                "  - c2.digest-mail.example [domain, hostname], 2 organisations: org-a, org-b; first reported "
                        + DisplayTimes.format(FIRST_REPORTED, Locale.ENGLISH, ZoneOffset.UTC),
                "  - dm:ransomware: 2", "  - Sofacy (threat-actor): 2",
                "  - North MISP (org-a): 3 events, 17 attributes (Answered)",
                "  - East MISP (org-c): 0 events, 0 attributes (Timed out)",
                "The digest page: https://portal.alliance.example/digest",
                "https://portal.alliance.example/preferences")
                .doesNotContain("Every member answered").doesNotContain("{");

        MimeMessage ja = to("dm-ja@org-a.example").get(0);
        assertThat(ja.getSubject()).isEqualTo("[アライアンス] 週次ダイジェスト（" + week
                + " の週）: 複数組織が保有する指標 1 件（1 メンバーが応答せず）");
        String jaBody = ja.getContent().toString();
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        // first reported late on the 4th in UTC is the 5th in Tokyo
        assertThat(DisplayTimes.format(FIRST_REPORTED, Locale.JAPANESE, tokyo)).contains("JST");
        assertThat(jaBody).contains("dm-ja 様", DisplayTimes.format(builtAt, Locale.JAPANESE, tokyo),
                "  - East MISP（org-c）: タイムアウト、did not answer within 10 s",
                "2 つ以上の組織が保有するインジケーター（1 件）",
                "  - c2.digest-mail.example [domain, hostname]、2 組織: org-a, org-b、初回報告 "
                        + DisplayTimes.format(FIRST_REPORTED, Locale.JAPANESE, tokyo),
                "  - North MISP（org-a）: イベント 3 件、属性 17 件（応答あり）",
                "ダイジェストのページ: https://portal.alliance.example/digest")
                .doesNotContain("Hello");

        assertThat(row("dm-ja", week)).containsEntry("status", "SENT").containsEntry("attempts", "1");
        assertThat(row("dm-en", week)).containsEntry("status", "SENT");
        assertThat(row("dm-disabled", week)).containsEntry("status", "SKIPPED").containsEntry("outcome", "DISABLED");
        assertThat(row("dm-norole", week)).containsEntry("status", "SKIPPED").containsEntry("outcome", "NOT_MEMBER");
        assertThat(row("dm-noorg", week)).containsEntry("status", "SKIPPED")
                .containsEntry("outcome", "NO_ORGANISATION");
        assertThat(row("dm-gone", week)).containsEntry("status", "SKIPPED").containsEntry("outcome", "USER_UNKNOWN");
        assertThat(row("dm-off", week)).isEmpty();
        assertThat(row("dm-never", week)).isEmpty();

        // the next sweep finds nothing owed (a skipped user is not asked again for the week)
        assertThat(sweep(builtAt.plusSeconds(120))).isEqualTo(new DigestMailer.Report(0, 0, 0));
    }

    @Test
    void sendingTwiceAtOnceAgainOrAfterARebuildOfTheWeekSendsOnce() throws Exception {
        Instant builtAt = builtAtOfANewWeek();
        LocalDate week = store(builtAt);
        subscribe("dm-twice", "dm-twice@org-a.example", "en", null);
        DigestUsers.user(keycloak, "dm-twice", true, "org-a", "dm-twice@org-a.example", "member");
        open(week, builtAt);

        // two sweeps at once (two replicas), then another
        CompletableFuture<DigestMailer.Report> one = CompletableFuture.supplyAsync(() -> sweep(builtAt.plusSeconds(5)));
        CompletableFuture<DigestMailer.Report> two = CompletableFuture.supplyAsync(() -> sweep(builtAt.plusSeconds(5)));
        assertThat(one.get().sent() + two.get().sent()).isEqualTo(1);
        assertThat(sweep(builtAt.plusSeconds(60)).sent()).isZero();

        // the week built again (an administrator's rebuild, the job again on another replica): opened again, sent
        // again by a sweep: nothing new
        String opened = Db.rows("select opened_at from digest_mailing where week_start = ?", week).get(0)
                .get("opened_at");
        assertThat(rebuild(builtAt.plusSeconds(3600))).isEqualTo(week);
        open(week, builtAt.plusSeconds(3600));
        assertThat(Db.rows("select opened_at from digest_mailing where week_start = ?", week).get(0)
                .get("opened_at")).isEqualTo(opened);
        assertThat(sweep(builtAt.plusSeconds(3700)).sent()).isZero();

        assertThat(DigestSmtp.server().waitForIncomingEmail(5_000, 1)).isTrue();
        Thread.sleep(500);
        assertThat(to("dm-twice@org-a.example")).hasSize(1);
        assertThat(row("dm-twice", week)).containsEntry("status", "SENT").containsEntry("attempts", "1");
    }

    @Test
    void aFailedAttemptIsTriedAgainOnLaterSweepsAtMostMaxAttemptsTimes() throws Exception {
        Instant builtAt = builtAtOfANewWeek();
        LocalDate week = store(builtAt);
        subscribe("dm-later", "dm-later@org-a.example", "en", null);
        DigestUsers.down(keycloak, "dm-later");
        subscribe("dm-down", "dm-down@org-a.example", "en", null);
        DigestUsers.down(keycloak, "dm-down");
        open(week, builtAt);

        assertThat(sweep(builtAt.plusSeconds(60))).isEqualTo(new DigestMailer.Report(0, 0, 2));
        assertThat(row("dm-later", week)).containsEntry("status", "FAILED").containsEntry("attempts", "1")
                .containsEntry("outcome", "DIRECTORY_UNAVAILABLE");

        // Keycloak answers again for one of them
        DigestUsers.user(keycloak, "dm-later", true, "org-a", "dm-later@org-a.example", "member");
        assertThat(sweep(builtAt.plusSeconds(120))).isEqualTo(new DigestMailer.Report(1, 0, 1));
        assertThat(row("dm-later", week)).containsEntry("status", "SENT").containsEntry("attempts", "2");
        assertThat(sweep(builtAt.plusSeconds(180))).isEqualTo(new DigestMailer.Report(0, 0, 1));
        assertThat(row("dm-down", week)).containsEntry("status", "FAILED").containsEntry("attempts", "3");
        // three attempts in all: no fourth
        assertThat(sweep(builtAt.plusSeconds(240))).isEqualTo(new DigestMailer.Report(0, 0, 0));
        assertThat(row("dm-down", week)).containsEntry("attempts", "3");

        assertThat(DigestSmtp.server().waitForIncomingEmail(5_000, 1)).isTrue();
        assertThat(to("dm-later@org-a.example")).hasSize(1);
        assertThat(to("dm-down@org-a.example")).isEmpty();
    }

    @Test
    void aWeekTheJobDidNotOpenOrOpenedLongAgoIsNotMailed() throws Exception {
        Instant builtAt = builtAtOfANewWeek();
        LocalDate week = store(builtAt);
        subscribe("dm-late", "dm-late@org-a.example", "en", null);
        DigestUsers.user(keycloak, "dm-late", true, "org-a", "dm-late@org-a.example", "member");

        // built (by an administrator's rebuild, say) but not opened by the weekly job
        assertThat(sweep(builtAt.plusSeconds(60))).isEqualTo(new DigestMailer.Report(0, 0, 0));
        // opened, but the sweep comes after send-within (two days)
        open(week, builtAt);
        assertThat(sweep(builtAt.plus(Duration.ofDays(3)))).isEqualTo(new DigestMailer.Report(0, 0, 0));
        assertThat(row("dm-late", week)).isEmpty();
        assertThat(DigestSmtp.server().getReceivedMessages()).isEmpty();
    }

    @Test
    void anSmtpServerThatIsDownIsTriedAgainOnTheNextSweepAndTheLogNamesNoAddress() throws Exception {
        Instant builtAt = builtAtOfANewWeek();
        LocalDate week = store(builtAt);
        subscribe("dm-smtp", "dm-smtp@org-a.example", "en", null);
        DigestUsers.user(keycloak, "dm-smtp", true, "org-a", "dm-smtp-now@org-a.example", "member");
        open(week, builtAt);
        List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                String message = r.getMessage();
                Object[] params = r.getParameters();
                logged.add(message + (params == null ? "" : " " + Arrays.toString(params)));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger log = java.util.logging.Logger.getLogger("org.alliancesearch.portal.digest");
        log.addHandler(capture);
        try {
            DigestSmtp.down();
            try {
                assertThat(sweep(builtAt.plusSeconds(60))).isEqualTo(new DigestMailer.Report(0, 0, 1));
            } finally {
                DigestSmtp.restart();
            }
            assertThat(row("dm-smtp", week)).containsEntry("status", "FAILED").containsEntry("attempts", "1")
                    .containsEntry("outcome", "SMTP");
            assertThat(logged).anyMatch(l -> l.contains("id-dm-smtp") && l.contains("SMTP"));

            assertThat(sweep(builtAt.plusSeconds(120))).isEqualTo(new DigestMailer.Report(1, 0, 0));
            assertThat(row("dm-smtp", week)).containsEntry("status", "SENT").containsEntry("attempts", "2");
            assertThat(DigestSmtp.server().waitForIncomingEmail(10_000, 1)).isTrue();
            assertThat(to("dm-smtp-now@org-a.example")).hasSize(1);
            assertThat(logged).isNotEmpty().noneMatch(l -> l.contains("@"));
        } finally {
            log.removeHandler(capture);
        }
    }
}
