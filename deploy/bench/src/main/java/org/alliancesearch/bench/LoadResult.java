package org.alliancesearch.bench;

/**
 * What a load run measured.
 *
 * @param calls calls completed (good and bad)
 * @param errors calls that failed or whose answer was not as expected
 * @param elapsedNanos wall-clock time of the run
 * @param latency latency of every completed call
 * @param firstError the first error seen, or null
 */
public record LoadResult(int calls, int errors, long elapsedNanos, LatencyStats latency, String firstError) {

    /** Completed calls per second. */
    public double perSecond() {
        return calls / (elapsedNanos / 1e9);
    }
}
