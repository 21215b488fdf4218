package org.alliancesearch.bench;

import java.util.Arrays;

/**
 * Latency percentiles of a set of measured calls, computed exactly (sorted samples, nearest-rank method: the p-th
 * percentile is the smallest sample such that at least p % of the samples are at or below it).
 *
 * @param count number of samples
 * @param p50Nanos median
 * @param p95Nanos 95th percentile
 * @param p99Nanos 99th percentile
 * @param maxNanos largest sample
 * @param meanNanos arithmetic mean
 */
public record LatencyStats(int count, long p50Nanos, long p95Nanos, long p99Nanos, long maxNanos, long meanNanos) {

    /** Percentiles of the given samples (nanoseconds); the array is not modified. */
    public static LatencyStats of(long[] samplesNanos) {
        if (samplesNanos.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        long[] sorted = samplesNanos.clone();
        Arrays.sort(sorted);
        long sum = 0;
        for (long s : sorted) {
            sum += s;
        }
        return new LatencyStats(sorted.length, percentile(sorted, 50), percentile(sorted, 95),
                percentile(sorted, 99), sorted[sorted.length - 1], sum / sorted.length);
    }

    /** Nearest-rank percentile of sorted samples, {@code 0 < p <= 100}. */
    public static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], not " + p);
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(1, rank) - 1];
    }

    public double p50Millis() {
        return p50Nanos / 1e6;
    }

    public double p95Millis() {
        return p95Nanos / 1e6;
    }

    public double p99Millis() {
        return p99Nanos / 1e6;
    }

    public double maxMillis() {
        return maxNanos / 1e6;
    }
}
