package org.alliancesearch.portal.digest.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.inject.Inject;

import org.alliancesearch.portal.testsupport.Db;
import org.junit.jupiter.api.Test;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.test.junit.QuarkusTest;

/** The weekly job: its identity and setting, one row per week however often it runs, weeks keyed by their Monday. */
@QuarkusTest
class WeeklyDigestJobTest {
    @Inject
    WeeklyDigestJob job;
    @Inject
    DigestService digests;

    @Test
    void theJobIsNamedForTheClusteredSchedulerAndReadsItsCronFromTheSetting() throws Exception {
        Scheduled s = WeeklyDigestJob.class.getDeclaredMethod("run").getAnnotation(Scheduled.class);
        assertThat(s.identity()).isEqualTo("weekly-digest");
        assertThat(s.cron()).isEqualTo("${alliance.digest.cron}");
        assertThat(s.concurrentExecution()).isEqualTo(Scheduled.ConcurrentExecution.SKIP);
        assertThat(digests.config().window()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void runningTwiceInAWeekStoresOneDigestAndAnotherWeekAnother() throws Exception {
        Db.update("delete from weekly_digest");

        job.run().await().atMost(Duration.ofSeconds(60));
        job.run().await().atMost(Duration.ofSeconds(60));

        assertThat(Db.rows("select week_start from weekly_digest")).extracting(r -> r.get("week_start"))
                .containsExactly(DigestService.weekOf(Instant.now()).toString());
        // a build for last week's window is last week's row; the latest stays this week's
        digests.rebuild(Instant.now().minus(Duration.ofDays(7))).await().atMost(Duration.ofSeconds(60));
        assertThat(Db.rows("select week_start from weekly_digest")).hasSize(2);
        assertThat(digests.latest().await().atMost(Duration.ofSeconds(10)).orElseThrow().weekStart())
                .isEqualTo(DigestService.weekOf(Instant.now()));
        assertThat(digests.week(DigestService.weekOf(Instant.now())).await().atMost(Duration.ofSeconds(10)))
                .isPresent();
    }

    @Test
    void weeksAreKeyedByTheirMondayInUtc() {
        assertThat(DigestService.weekOf(Instant.parse("2026-12-07T00:00:00Z"))).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(DigestService.weekOf(Instant.parse("2026-12-06T23:59:59Z"))).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(DigestService.weekOf(Instant.parse("2026-12-05T12:00:00Z"))).isEqualTo(LocalDate.of(2026, 11, 30));
    }
}
