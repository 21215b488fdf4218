package org.alliancesearch.portal.watch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.alliancesearch.portal.search.service.SearchSlots;
import org.alliancesearch.portal.search.support.MispMembers;
import org.alliancesearch.portal.search.support.OnVertx;
import org.alliancesearch.portal.search.support.SearchMembers;
import org.alliancesearch.portal.testsupport.Db;
import org.alliancesearch.portal.testsupport.Tokens;
import org.alliancesearch.portal.watch.service.AlertChannels;
import org.alliancesearch.portal.watch.service.AlertDeliveries;
import org.alliancesearch.portal.watch.service.DeliveryReport;
import org.alliancesearch.portal.watch.service.RunOutcome;
import org.alliancesearch.portal.watch.service.WatchAlert;
import org.alliancesearch.portal.watch.service.WatchChannels;
import org.alliancesearch.portal.watch.service.WatchRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Watch runs against simulated members (WireMock) and Keycloak's admin API (WireMock): what is new is told once, a
 * partial answer names the failed members, a run fired again finds its work done, the watcher's identity is the one
 * of the moment, and repeated delivery failures pause the watch.
 */
@QuarkusTest
class WatchRunTest {
    @OidcWireMock
    WireMockServer keycloak;

    @Inject
    SearchSlots slots;

    @Inject
    WatchRunner runner;

    @Inject
    Vertx vertx;

    @Inject
    org.quartz.Scheduler quartz;

    @BeforeEach
    void members() {
        SearchMembers.ensure();
        KeycloakUsers.serviceAccount(keycloak);
    }

    private static String token(String user, String org) {
        return Tokens.token(user, "id-" + user, org, List.of("member"));
    }

    private static String savedSearch(String token, String visibility, String... values) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", "watched " + values[0], "visibility", visibility, "query",
                        Map.of("values", List.of(values))))
                .post("/api/v1/saved-searches").then().statusCode(201).extract().path("id");
    }

    private static UUID watch(String token, String savedSearchId, Map<String, Object> body) {
        return UUID.fromString(given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/saved-searches/" + savedSearchId + "/watch").then().statusCode(201).extract()
                .path("watch.id"));
    }

    private Optional<RunOutcome> run(UUID watch, Instant at) {
        // searches other test classes left running on slow members hold this replica's slots until their timeouts;
        // a watch run meeting a full replica is BUSY by design, which is not what these tests are about
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (slots.running() > 0 && System.nanoTime() < until) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return OnVertx.await(vertx, () -> runner.run(watch, at));
    }

    private static String held(String org, String uuid, String value) {
        return MispMembers.attribute(uuid, "ip-dst", value, "6a1d8c2f-1d7b-4c9f-8e6c-" + uuid.substring(24),
                "Watched " + value, org, "2026-11-20", "tlp:green");
    }

    private static void holds(String org, String value, String... attributes) {
        MispMembers.stub(org, value, MispMembers.attributes(attributes));
    }

    private static void fails(String org, String value) {
        MispMembers.SERVERS.get(org).stubFor(post(urlPathEqualTo("/attributes/restSearch")).atPriority(1)
                .withRequestBody(containing("\"" + value + "\"")).willReturn(aResponse().withStatus(500)));
    }

    private static List<Map<String, String>> entries(UUID watch) throws Exception {
        return Db.rows("select kind, content_json, read_at from watch_alert where watch_id = ? order by created_at",
                watch);
    }

    /** The entries that told something new (org-c's circuit may be open from other tests: such runs are partial). */
    private static List<JsonPath> told(UUID watch) throws Exception {
        return entries(watch).stream().map(e -> JsonPath.from(e.get("content_json")))
                .filter(c -> !c.getList("newIndicators").isEmpty() || !c.getList("newOrganisations").isEmpty())
                .toList();
    }

    private static Map<String, String> watchRow(UUID watch) throws Exception {
        return Db.rows("select * from watch where id = ?", watch).get(0);
    }

    @Test
    void newIndicatorsAndOrganisationsAreToldOnceAndPartialAnswersNameTheFailedMembers() throws Exception {
        String v1 = "192.0.2.201";
        String v2 = "192.0.2.202";
        KeycloakUsers.user(keycloak, "id-wally", "wally", true, "org-a", "member");
        String wally = token("wally", "org-a");
        String saved = savedSearch(wally, "PRIVATE", v1, v2);
        UUID watch = watch(wally, saved, Map.of("interval", "hourly"));
        holds("org-a", v1, held("org-a", "7a000000-0000-4000-8000-000000000201", v1));

        Instant t0 = Instant.now();
        assertThat(run(watch, t0)).contains(RunOutcome.SEARCHED);
        assertThat(told(watch)).as("the first run only sets what is known").isEmpty();
        assertThat(entries(watch)).allSatisfy(e -> assertThat(JsonPath.from(e.get("content_json"))
                .getBoolean("firstRun")).isTrue());
        assertThat(watchRow(watch).get("baseline")).isNotBlank().doesNotContain(v1);
        // fired again (after a crash, or by another replica): the run is done, nothing happens
        int before = entries(watch).size();
        assertThat(run(watch, t0)).isEmpty();
        assertThat(entries(watch)).hasSize(before);

        // an organisation newly holds v1, and v2 appears
        holds("org-b", v1, held("org-b", "7a000000-0000-4000-8000-0000000b0201", v1));
        holds("org-a", v2, held("org-a", "7a000000-0000-4000-8000-000000000202", v2));
        Instant t1 = t0.plus(Duration.ofHours(1));
        assertThat(run(watch, t1)).contains(RunOutcome.SEARCHED);
        int afterT1 = entries(watch).size();
        assertThat(run(watch, t1)).isEmpty();
        assertThat(entries(watch)).hasSize(afterT1);
        assertThat(told(watch)).hasSize(1);
        JsonPath alert = told(watch).get(0);
        assertThat(alert.getList("newIndicators", String.class)).containsExactly("ip:" + v2);
        assertThat(alert.getList("newOrganisations.organisation", String.class)).containsExactly("org-b");
        assertThat(alert.getBoolean("firstRun")).isFalse();

        // the inbox shows it, unread, times in UTC
        JsonPath inbox = given().auth().oauth2(wally).get("/api/v1/inbox").then().statusCode(200).extract()
                .jsonPath();
        assertThat(inbox.getLong("unread")).isEqualTo(afterT1);
        assertThat(inbox.getString("entries[0].createdAt")).endsWith("Z");
        assertThat(inbox.getString("entries[0].watchName")).isEqualTo("watched " + v1);

        // nothing new: nothing new is told (an entry only if a member failed, naming it)
        Instant t15 = t1.plus(Duration.ofMinutes(61));
        assertThat(run(watch, t15)).contains(RunOutcome.SEARCHED);
        assertThat(told(watch)).hasSize(1);

        // a member fails: nothing new from the others, but an alert says who failed (never "nothing new")
        fails("org-c", v1);
        int beforeFailure = entries(watch).size();
        Instant t2 = t15.plus(Duration.ofHours(1));
        assertThat(run(watch, t2)).contains(RunOutcome.SEARCHED);
        List<Map<String, String>> all = entries(watch);
        assertThat(all).hasSize(beforeFailure + 1);
        JsonPath partial = JsonPath.from(all.get(all.size() - 1).get("content_json"));
        assertThat(partial.getList("newIndicators")).isEmpty();
        // members other tests left registered may fail too; the one made to fail must be named, with its status
        List<String> failedNames = partial.getList("failedMembers.member", String.class);
        assertThat(failedNames).contains("MISP org-c");
        assertThat(partial.getList("failedMembers.status", String.class).get(failedNames.indexOf("MISP org-c")))
                .isIn("ERROR", "CIRCUIT_OPEN");

        // the member is back (or its circuit still open): what was told is never told again
        MispMembers.stub("org-c", v1, MispMembers.attributes());
        Instant t3 = t2.plus(Duration.ofHours(1));
        assertThat(run(watch, t3)).contains(RunOutcome.SEARCHED);
        assertThat(told(watch)).hasSize(1);

        // each run that searched is in the search audit as source "watch", under the watcher
        List<Map<String, String>> audited = Db.rows(
                "select username, organisation, source from search_audit where saved_search_id = ?",
                UUID.fromString(saved));
        assertThat(audited).hasSize(5).allSatisfy(row -> {
            assertThat(row.get("source")).isEqualTo("watch");
            assertThat(row.get("username")).isEqualTo("wally");
            assertThat(row.get("organisation")).isEqualTo("org-a");
        });
        Map<String, String> row = watchRow(watch);
        assertThat(row.get("last_outcome")).isEqualTo("SEARCHED");
        assertThat(row.get("consecutive_failures")).isEqualTo("0");
    }

    @Test
    void theClusteredSweepJobRunsDueWatchesOnAWorkerThread() throws Exception {
        assertThat(quartz.checkExists(org.alliancesearch.portal.watch.service.WatchSweepJob.JOB)).isTrue();
        assertThat(quartz.getJobDetail(org.alliancesearch.portal.watch.service.WatchSweepJob.JOB).requestsRecovery())
                .isTrue();
        String v = "192.0.2.215";
        KeycloakUsers.user(keycloak, "id-sven", "sven", true, "org-a", "member");
        String sven = token("sven", "org-a");
        UUID watch = watch(sven, savedSearch(sven, "PRIVATE", v), Map.of("interval", "DAILY"));
        quartz.triggerJob(org.alliancesearch.portal.watch.service.WatchSweepJob.JOB);
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (watchRow(watch).get("last_outcome") == null && System.nanoTime() < end) {
            Thread.sleep(200);
        }
        assertThat(watchRow(watch).get("last_outcome")).isEqualTo("SEARCHED");
        assertThat(watchRow(watch).get("baseline")).isNotNull();
    }

    @Test
    void twoRunsOfTheSameDueWatchAtOnceTellOnce() throws Exception {
        String v = "192.0.2.211";
        KeycloakUsers.user(keycloak, "id-wren", "wren", true, "org-a", "member");
        String wren = token("wren", "org-a");
        UUID watch = watch(wren, savedSearch(wren, "PRIVATE", v), Map.of("interval", "DAILY"));
        Instant t0 = Instant.now();
        assertThat(run(watch, t0)).contains(RunOutcome.SEARCHED);
        holds("org-b", v, held("org-b", "7a000000-0000-4000-8000-0000000b0211", v));

        Instant t1 = t0.plus(Duration.ofDays(1));
        List<CompletableFuture<Optional<RunOutcome>>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> run(watch, t1)));
        }
        runs.forEach(CompletableFuture::join);
        assertThat(told(watch)).hasSize(1);
        assertThat(told(watch).get(0).getList("newIndicators", String.class)).containsExactly("ip:" + v);
    }

    @Test
    void theWatcherAsOfNowDecides() throws Exception {
        String v = "192.0.2.221";
        holds("org-a", v, held("org-a", "7a000000-0000-4000-8000-000000000221", v));
        record Case(String user, RunOutcome expected, Runnable keycloakSays) {
        }
        List<Case> cases = List.of(
                new Case("lostrole", RunOutcome.NOT_MEMBER,
                        () -> KeycloakUsers.user(keycloak, "id-lostrole", "lostrole", true, "org-a")),
                new Case("lostorg", RunOutcome.NO_ORGANISATION,
                        () -> KeycloakUsers.user(keycloak, "id-lostorg", "lostorg", true, null, "member")),
                new Case("moved", RunOutcome.NO_ACCESS,
                        () -> KeycloakUsers.user(keycloak, "id-moved", "moved", true, "org-b", "member")),
                new Case("disabled", RunOutcome.DISABLED,
                        () -> KeycloakUsers.user(keycloak, "id-disabled", "disabled", false, "org-a", "member")),
                new Case("removed", RunOutcome.USER_UNKNOWN, () -> KeycloakUsers.gone(keycloak, "id-removed")),
                new Case("unasked", RunOutcome.DIRECTORY_UNAVAILABLE,
                        () -> KeycloakUsers.down(keycloak, "id-unasked")));
        for (Case c : cases) {
            String token = token(c.user(), "org-a");
            String saved = savedSearch(token, "PRIVATE", v);
            UUID watch = watch(token, saved, Map.of("interval", "HOURLY"));
            c.keycloakSays().run();
            Instant now = Instant.now();
            assertThat(run(watch, now)).as(c.user()).contains(c.expected());
            assertThat(entries(watch)).as(c.user()).isEmpty();
            assertThat(Db.rows("select id from search_audit where saved_search_id = ?", UUID.fromString(saved)))
                    .as(c.user() + ": no search under a refused identity").isEmpty();
            Map<String, String> row = watchRow(watch);
            assertThat(row.get("last_outcome")).isEqualTo(c.expected().name());
            assertThat(row.get("baseline")).isNull();
            assertThat(Db.rows("select after_json from audit_entry where action = 'watch.refused' and target_id = ?",
                    watch.toString())).singleElement()
                    .satisfies(r -> assertThat(r.get("after_json")).contains(c.expected().name()));
        }
        // Keycloak unreachable: tried again soon, not at the next interval
        UUID unasked = UUID.fromString(Db.rows("select id from watch where owner_sub = 'id-unasked'").get(0)
                .get("id"));
        Instant next = java.time.OffsetDateTime.parse(Db.rows(
                "select to_char(next_run_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') as n from watch"
                        + " where id = ?",
                unasked).get(0).get("n")).toInstant();
        assertThat(next).isBefore(Instant.now().plus(Duration.ofMinutes(6)));
    }

    /** Waits (30 s at most) until the watch's last run time differs from {@code before}; answers the new one. */
    private static String nextRunDone(UUID watch, String before) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String now = watchRow(watch).get("last_run_at");
        while (java.util.Objects.equals(now, before) && System.nanoTime() < end) {
            Thread.sleep(200);
            now = watchRow(watch).get("last_run_at");
        }
        assertThat(now).as("the sweep ran the watch").isNotEqualTo(before);
        return now;
    }

    private void slotsFree() throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (slots.running() > 0 && System.nanoTime() < until) {
            Thread.sleep(100);
        }
    }

    @Test
    void runNowMakesTheSweepRunTheWatchOnceAndWhatIsNewIsToldOnce() throws Exception {
        String v = "192.0.2.235";
        KeycloakUsers.user(keycloak, "id-runa", "runa", true, "org-a", "member");
        String runa = token("runa", "org-a");
        UUID watch = watch(runa, savedSearch(runa, "PRIVATE", v), Map.of("interval", "DAILY"));
        // the first run (at once after watching) finds nobody holding v
        assertThat(run(watch, Instant.now())).contains(RunOutcome.SEARCHED);
        assertThat(told(watch)).isEmpty();
        String firstRun = watchRow(watch).get("last_run_at");

        // a member now holds it; the next run is a day away, and "run now" right after a run is too soon
        holds("org-b", v, held("org-b", "7a000000-0000-4000-8000-0000000b0235", v));
        given().auth().oauth2(runa).post("/api/v1/watches/" + watch + "/run").then().statusCode(429);
        assertThat(watchRow(watch).get("last_run_at")).isEqualTo(firstRun);

        // a while later (the run-now gap passed): run now; the clustered sweep runs it, and it tells v once
        Db.update("update watch set last_run_at = last_run_at - interval '2 minutes' where id = ?", watch);
        String shifted = watchRow(watch).get("last_run_at");
        slotsFree();
        Instant asked = Instant.now();
        JsonPath accepted = given().auth().oauth2(runa).post("/api/v1/watches/" + watch + "/run").then()
                .statusCode(202).extract().jsonPath();
        assertThat(Instant.parse(accepted.getString("nextRunAt"))).isBeforeOrEqualTo(Instant.now());
        nextRunDone(watch, shifted);
        List<JsonPath> told = told(watch);
        assertThat(told).hasSize(1);
        assertThat(told.get(0).getList("newIndicators", String.class)).containsExactly("ip:" + v);
        assertThat(told.get(0).getList("newIndicatorHolders.organisation", String.class)).containsExactly("org-b");
        Map<String, String> row = watchRow(watch);
        assertThat(row.get("last_outcome")).isEqualTo("SEARCHED");
        // the next runs follow from this one: a day after it, not at once again
        Instant next = Instant.parse(given().auth().oauth2(runa).get("/api/v1/watches/" + watch).then()
                .statusCode(200).extract().path("nextRunAt"));
        assertThat(next).isAfter(asked.plus(Duration.ofHours(23)));
        assertThat(given().auth().oauth2(runa).get("/api/v1/inbox").then().statusCode(200).extract().jsonPath()
                .getString("entries.content.newIndicators")).contains("ip:" + v);

        // run now again later: the same finding is not told a second time
        Db.update("update watch set last_run_at = last_run_at - interval '2 minutes' where id = ?", watch);
        String again = watchRow(watch).get("last_run_at");
        slotsFree();
        given().auth().oauth2(runa).post("/api/v1/watches/" + watch + "/run").then().statusCode(202);
        nextRunDone(watch, again);
        assertThat(watchRow(watch).get("last_outcome")).isEqualTo("SEARCHED");
        assertThat(told(watch)).hasSize(1);
        // every run was one search, under the watcher, audited as a watch run
        assertThat(Db.rows("select source from search_audit where saved_search_id = ?",
                UUID.fromString(row.get("saved_search_id")))).hasSize(3)
                .allSatisfy(r -> assertThat(r.get("source")).isEqualTo("watch"));
    }

    /** Channels that always fail, recording what they were asked. */
    static class FailingChannels extends AlertDeliveries {
        FailingChannels() {
            super(null, null, null, null);
        }

        final List<WatchAlert> delivered = new CopyOnWriteArrayList<>();
        final List<String> paused = new CopyOnWriteArrayList<>();

        @Override
        public Uni<DeliveryReport> deliver(WatchAlert alert, WatchChannels channels) {
            delivered.add(alert);
            assertThat(channels.webhookSecret()).isPresent();
            return Uni.createFrom().item(new DeliveryReport(false, false, true, false, Optional.of("HTTP 500")));
        }

        @Override
        public Uni<Void> tellPaused(WatchAlert lastAlert, WatchChannels channels, String reason) {
            paused.add(reason);
            return Uni.createFrom().voidItem();
        }
    }

    @Test
    void repeatedDeliveryFailuresPauseTheWatchAndTellTheOwner() throws Exception {
        FailingChannels failing = new FailingChannels();
        QuarkusMock.installMockForType(failing, AlertDeliveries.class);
        String v = "192.0.2.231";
        KeycloakUsers.user(keycloak, "id-paula", "paula", true, "org-a", "member");
        String paula = token("paula", "org-a");
        UUID watch = watch(paula, savedSearch(paula, "PRIVATE", v),
                Map.of("interval", "HOURLY", "webhookUrl", "http://127.0.0.1:9/hook"));
        holds("org-a", v, held("org-a", "7a000000-0000-4000-8000-000000000231", v));
        fails("org-c", v); // every run is partial, so every run alerts
        Instant at = Instant.now();
        run(watch, at); // the first run alerts too: org-c failed
        for (int i = 1; i < 5; i++) {
            at = at.plus(Duration.ofHours(1));
            assertThat(run(watch, at)).contains(RunOutcome.SEARCHED);
        }
        assertThat(failing.delivered).hasSize(5);
        assertThat(failing.delivered.get(0).firstRun()).isTrue();
        assertThat(failing.paused).containsExactly("DELIVERY");
        Map<String, String> row = watchRow(watch);
        assertThat(row.get("paused")).isEqualTo("t");
        assertThat(row.get("paused_reason")).isEqualTo("DELIVERY");
        assertThat(entries(watch)).extracting(e -> e.get("kind")).containsExactly("ALERT", "ALERT", "ALERT",
                "ALERT", "ALERT", "PAUSED");
        // paused: not run any more
        assertThat(run(watch, at.plus(Duration.ofHours(1)))).isEmpty();
        // resumed by its owner: failures forgotten
        given().auth().oauth2(paula).post("/api/v1/watches/" + watch + "/resume").then().statusCode(200)
                .body("paused", org.hamcrest.Matchers.equalTo(false));
        assertThat(watchRow(watch).get("consecutive_failures")).isEqualTo("0");
    }
}
