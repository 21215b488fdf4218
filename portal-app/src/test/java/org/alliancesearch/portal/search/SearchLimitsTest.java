package org.alliancesearch.portal.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.alliancesearch.portal.common.PagesTest;
import org.alliancesearch.portal.search.config.SearchConfig;
import org.alliancesearch.portal.search.service.RateLimitedException;
import org.alliancesearch.portal.search.service.SearchRateLimiter;
import org.alliancesearch.portal.search.support.MispMembers;
import org.alliancesearch.portal.search.support.OnVertx;
import org.alliancesearch.portal.search.support.SearchMembers;
import org.alliancesearch.portal.testsupport.Db;
import org.alliancesearch.portal.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;

/**
 * The rate limit is kept in PostgreSQL, so every replica counts the same searches; and one user holds at most two
 * searches open at once.
 */
@QuarkusTest
class SearchLimitsTest {
    @Inject
    Vertx vertx;

    @Inject
    SearchRateLimiter limiter;

    @BeforeEach
    void members() {
        SearchMembers.ensure();
    }

    @Test
    void twoLimitersOnOneDatabaseShareTheCount() throws Exception {
        if (java.time.LocalTime.now().getSecond() >= 55) {
            Thread.sleep(6000); // all four in one minute
        }
        SearchConfig three = new SearchConfig() {
            @Override
            public int rateLimitPerMinute() {
                return 3;
            }

            @Override
            public int concurrentPerUser() {
                return 2;
            }

            @Override
            public int concurrentTotal() {
                return 50;
            }

            @Override
            public long busyRetryAfterSeconds() {
                return 5;
            }

            @Override
            public Audit audit() {
                return null;
            }
        };
        SearchRateLimiter one = new SearchRateLimiter(three);
        SearchRateLimiter other = new SearchRateLimiter(three);
        String sub = "id-" + UUID.randomUUID();
        OnVertx.await(vertx, () -> one.acquire(sub));
        OnVertx.await(vertx, () -> other.acquire(sub));
        OnVertx.await(vertx, () -> one.acquire(sub));
        assertThatThrownBy(() -> OnVertx.await(vertx, () -> other.acquire(sub)))
                .hasRootCauseInstanceOf(RateLimitedException.class);
        // a refused attempt is not counted
        assertThat(Db.rows("select started from search_rate where subject = ?", sub)).singleElement()
                .satisfies(row -> assertThat(row.get("started")).isEqualTo("3"));
        // another user is not affected
        OnVertx.await(vertx, () -> other.acquire(sub + "-b"));
    }

    @Test
    void replicasTakeAllowanceInBlocksAndTogetherNeverAllowMoreThanTheLimit() throws Exception {
        // limit 100: blocks of 5, one statement per block
        SearchRateLimiter one = new SearchRateLimiter(() -> 100, java.time.Clock.systemUTC());
        SearchRateLimiter other = new SearchRateLimiter(() -> 100, java.time.Clock.systemUTC());
        assertThat(SearchRateLimiter.block(100)).isEqualTo(5);
        assertThat(SearchRateLimiter.block(25)).isEqualTo(1);
        String sub = "id-" + UUID.randomUUID();
        String minute = Db.rows("select date_trunc('minute', now()) as m").get(0).get("m");
        OnVertx.await(vertx, () -> one.acquire(sub));
        // one search took a block of five from the shared count; the next four need no statement
        assertThat(Db.rows("select started from search_rate where subject = ?", sub)).singleElement()
                .satisfies(row -> assertThat(row.get("started")).isEqualTo("5"));
        for (int i = 0; i < 4; i++) {
            OnVertx.await(vertx, () -> one.acquire(sub));
        }
        assertThat(Db.rows("select started from search_rate where subject = ?", sub).get(0).get("started"))
                .isEqualTo("5");
        int allowed = 5;
        int refused = 0;
        for (int i = 0; i < 200 && refused == 0; i++) {
            SearchRateLimiter replica = i % 3 == 0 ? one : other;
            try {
                OnVertx.await(vertx, () -> replica.acquire(sub));
                allowed++;
            } catch (IllegalStateException e) {
                assertThat(e).hasRootCauseInstanceOf(RateLimitedException.class);
                refused++;
            }
        }
        if (!minute.equals(Db.rows("select date_trunc('minute', now()) as m").get(0).get("m"))) {
            return; // the minute turned during the test: the counts are of two windows
        }
        // never more than the limit; at most a block less for each replica holding an unused rest
        assertThat(refused).isEqualTo(1);
        assertThat(allowed).isBetween(100 - 2 * 4, 100);
        assertThat(Db.rows("select started from search_rate where subject = ?", sub).get(0).get("started"))
                .isEqualTo("100");
    }

    @Test
    void aSearchCountsWhenItStartsNotWhenItIsPrepared() throws Exception {
        SearchRateLimiter limiter = new SearchRateLimiter(() -> 100, java.time.Clock.systemUTC());
        String sub = "id-" + UUID.randomUUID();
        String minute = Db.rows("select date_trunc('minute', now()) as m").get(0).get("m");
        OnVertx.await(vertx, () -> limiter.acquire(sub));
        // a block of five was taken; four are kept here. Searches prepared but never started (a caller that gave up
        // before subscribing) take none of them.
        for (int i = 0; i < 4; i++) {
            limiter.acquire(sub);
        }
        for (int i = 0; i < 4; i++) {
            OnVertx.await(vertx, () -> limiter.acquire(sub));
        }
        if (!minute.equals(Db.rows("select date_trunc('minute', now()) as m").get(0).get("m"))) {
            return; // the minute turned during the test
        }
        assertThat(Db.rows("select started from search_rate where subject = ?", sub).get(0).get("started"))
                .isEqualTo("5");
    }

    @Test
    void aBurstOfSearchesTakesNoMoreOfTheMinuteThanItUses() throws Exception {
        SearchRateLimiter limiter = new SearchRateLimiter(() -> 100, java.time.Clock.systemUTC());
        String sub = "id-" + UUID.randomUUID();
        String minute = Db.rows("select date_trunc('minute', now()) as m").get(0).get("m");
        int burst = 60;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(burst);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < burst; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        OnVertx.await(vertx, () -> limiter.acquire(sub));
                        return true;
                    } catch (IllegalStateException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int allowed = 0;
            for (var r : results) {
                allowed += r.get(60, java.util.concurrent.TimeUnit.SECONDS) ? 1 : 0;
            }
            if (!minute.equals(Db.rows("select date_trunc('minute', now()) as m").get(0).get("m"))) {
                return; // the minute turned during the burst
            }
            // 60 of 100 started at once: none refused, and the shared count holds at most one unused block more
            assertThat(allowed).isEqualTo(burst);
            int counted = Integer.parseInt(Db.rows("select started from search_rate where subject = ?", sub).get(0)
                    .get("started"));
            assertThat(counted).isBetween(burst, burst + SearchRateLimiter.block(100));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void searchesCountedByAnotherReplicaCountHereToo() throws Exception {
        String sub = "id-shared-rita";
        String token = Tokens.token("shared-rita", sub, "org-a", List.of("member"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"values\":[\"192.0.2.1\"]}")
                .post("/api/v1/search").then().statusCode(200);
        // the search just made is a row in the shared store, under the token's subject
        assertThat(Db.rows("select started from search_rate where subject = ?", sub)).isNotEmpty();
        // another replica has counted the rest of this minute's allowance (and of the next, should the minute turn)
        Db.update("insert into search_rate (subject, window_start, started) values"
                + " (?, date_trunc('minute', now()), 25), (?, date_trunc('minute', now()) + interval '1 minute', 25)"
                + " on conflict (subject, window_start) do update set started = 25", sub, sub);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"values\":[\"192.0.2.2\"]}")
                .post("/api/v1/search").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]?")).body("type", endsWith("/rate-limited"));
        // old windows are purged
        Db.update("insert into search_rate (subject, window_start, started) values"
                + " (?, date_trunc('minute', now()) - interval '10 minutes', 3)", sub);
        int before = Db.rows("select * from search_rate where subject = ?", sub).size();
        OnVertx.await(vertx, limiter::purge);
        assertThat(Db.rows("select * from search_rate where subject = ?", sub)).hasSize(before - 1);
    }

    @Test
    void aThirdSearchWhileTwoRunIsRefusedUntilOneEnds() throws Exception {
        String token = Tokens.token("conny", "org-a", List.of("member"));
        // org-a (5 s timeout) answers this value after 4 s: each search of it stays open that long
        String held = "192.0.2.251";
        MispMembers.SERVERS.get("org-a").stubFor(WireMock.post(WireMock.urlPathEqualTo("/attributes/restSearch"))
                .atPriority(1).withRequestBody(WireMock.containing("\"" + held + "\""))
                .willReturn(WireMock.aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"response\":{\"Attribute\":[]}}").withFixedDelay(4000)));
        String slow = "{\"values\":[\"" + held + "\"]}";
        List<CompletableFuture<Integer>> running = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            running.add(CompletableFuture.supplyAsync(() -> given().auth().oauth2(token)
                    .contentType(ContentType.JSON).body(slow).post("/api/v1/search").then().extract().statusCode()));
        }
        Thread.sleep(1000);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"values\":[\"192.0.2.3\"]}")
                .post("/api/v1/search").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]?"))
                .body("type", endsWith("/concurrent-searches")).body("status", equalTo(429))
                .body("detail", containsString("2"));
        // the page says it in words, in Japanese too
        PagesTest.Csrf csrf = PagesTest.csrf("/search");
        String page = given().auth().oauth2(token).header("Accept-Language", "ja").cookies(csrf.cookies())
                .formParam("csrf-token", csrf.token()).formParam("values", "192.0.2.3").post("/search").then()
                .statusCode(429).header("Retry-After", matchesPattern("[1-9][0-9]?")).extract().asString();
        assertThat(page).contains("同時に実行できる検索は 2 件までです");
        // another user is not affected
        given().auth().oauth2(Tokens.token("conrad", "org-a", List.of("member"))).contentType(ContentType.JSON)
                .body("{\"values\":[\"192.0.2.3\"]}").post("/api/v1/search").then().statusCode(200);
        for (CompletableFuture<Integer> search : running) {
            assertThat(search.get(30, TimeUnit.SECONDS)).isEqualTo(200);
        }
        // both finished: their slots are free again, and many finished searches leave none taken (failed searches
        // give theirs back too: SearchAuditFailureTest)
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"values\":[\"192.0.2.4\"]}")
                    .post("/api/v1/search").then().statusCode(200);
        }
    }
}
