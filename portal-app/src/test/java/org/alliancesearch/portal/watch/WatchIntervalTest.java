package org.alliancesearch.portal.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.alliancesearch.portal.watch.service.WatchInterval;
import org.junit.jupiter.api.Test;

class WatchIntervalTest {
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void periods() {
        assertThat(WatchInterval.HOURLY.period()).isEqualTo(Duration.ofHours(1));
        assertThat(WatchInterval.DAILY.period()).isEqualTo(Duration.ofDays(1));
        assertThat(WatchInterval.WEEKLY.period()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void nextRunFollowsTheLastOneOrIsNowWhenOverdueOrNeverRun() {
        assertThat(WatchInterval.DAILY.nextRun(null, NOW)).isEqualTo(NOW);
        assertThat(WatchInterval.HOURLY.nextRun(NOW.minusSeconds(600), NOW)).isEqualTo(NOW.plusSeconds(3000));
        assertThat(WatchInterval.WEEKLY.nextRun(NOW.minus(Duration.ofDays(8)), NOW)).isEqualTo(NOW);
    }

    @Test
    void parsesClientNamesAndRefusesOthers() {
        assertThat(WatchInterval.parse("daily")).contains(WatchInterval.DAILY);
        assertThat(WatchInterval.parse(" Weekly ")).contains(WatchInterval.WEEKLY);
        assertThat(WatchInterval.parse("monthly")).isEmpty();
        assertThat(WatchInterval.parse(null)).isEmpty();
    }
}
