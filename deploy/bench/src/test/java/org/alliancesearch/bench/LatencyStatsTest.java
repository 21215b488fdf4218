package org.alliancesearch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void nearestRankOnOneToOneHundred() {
        long[] samples = LongStream.rangeClosed(1, 100).map(i -> 101 - i).toArray(); // unsorted on purpose
        LatencyStats s = LatencyStats.of(samples);
        assertThat(s.count()).isEqualTo(100);
        assertThat(s.p50Nanos()).isEqualTo(50);
        assertThat(s.p95Nanos()).isEqualTo(95);
        assertThat(s.p99Nanos()).isEqualTo(99);
        assertThat(s.maxNanos()).isEqualTo(100);
        assertThat(s.meanNanos()).isEqualTo(50); // 5050 / 100, truncated
        assertThat(samples[0]).isEqualTo(100); // the caller's array is left as it was
    }

    @Test
    void smallSamplesRoundTheRankUp() {
        long[] sorted = {10, 20, 30, 40, 50};
        assertThat(LatencyStats.percentile(sorted, 50)).isEqualTo(30); // ceil(2.5) = 3rd
        assertThat(LatencyStats.percentile(sorted, 95)).isEqualTo(50); // ceil(4.75) = 5th
        assertThat(LatencyStats.percentile(sorted, 20)).isEqualTo(10); // exactly the 1st
        assertThat(LatencyStats.percentile(sorted, 21)).isEqualTo(20);
        assertThat(LatencyStats.percentile(sorted, 100)).isEqualTo(50);
        assertThat(LatencyStats.percentile(new long[]{7}, 99)).isEqualTo(7);
    }

    @Test
    void oneSlowCallShowsInP99OfOneHundredButNotInP95() {
        long[] samples = new long[100];
        java.util.Arrays.fill(samples, 1_000_000);
        samples[42] = 900_000_000;
        LatencyStats s = LatencyStats.of(samples);
        assertThat(s.p95Millis()).isEqualTo(1.0);
        assertThat(s.p99Millis()).isEqualTo(1.0);
        assertThat(s.maxMillis()).isEqualTo(900.0);
        samples[43] = 900_000_000;
        assertThat(LatencyStats.of(samples).p99Millis()).isEqualTo(900.0);
    }

    @Test
    void refusesNoSamplesAndPercentilesOutOfRange() {
        assertThatThrownBy(() -> LatencyStats.of(new long[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencyStats.percentile(new long[]{1}, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencyStats.percentile(new long[]{1}, 100.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
