package org.alliancesearch.bench;

import java.time.Duration;
import java.util.List;

/**
 * The sizes of one run: the full benchmark as the issue sets it, or the smoke run that only checks that every
 * scenario still works (tiny sizes, its figures mean nothing).
 *
 * @param memberCounts scenario 1: numbers of members
 * @param latencyMs scenarios 1–3, 5: latency of every member
 * @param hits scenarios 1–3: records per member for the searched value
 * @param warmUp searches before each measurement (not measured)
 * @param measured searches measured per point (scenarios 1 and 3)
 * @param sequentialMembers scenario 2: members (compared with scenario 1 at the same number)
 * @param sequentialMeasured scenario 2: searches measured with member concurrency 1
 * @param hungAmong scenario 3: members, the last one hung
 * @param hungTimeoutMs scenario 3: the hung member's call timeout
 * @param throughputMembers scenario 4: members
 * @param throughputLatencyMs scenario 4: their latency
 * @param throughputClients scenario 4: concurrent API clients
 * @param throughputWarmUp scenarios 4 and 1: one slice of unmeasured load before the measurement (repeated while the
 *     portal's JIT compiler is busy, see {@code Scenarios.keepWarming})
 * @param throughputDuration scenario 4: measured time
 * @param throughputValues scenario 4: distinct values searched in turn (no two running searches are identical)
 * @param throughputHits scenario 4: records per member and value
 * @param memoryMembers scenario 5: members
 * @param memoryHits scenario 5: records per member
 * @param memoryHeap scenario 5: the portal's {@code -Xmx}
 * @param mispApiMembers scenario 7: members holding {@code memoryHits} records each, pulled through the MISP API
 * @param mispApiHeap scenario 7: the portal's {@code -Xmx}
 * @param pageSize the connector's page size in every portal of the run
 */
public record BenchSizes(boolean smoke, List<Integer> memberCounts, int latencyMs, int hits, int warmUp, int measured,
        int sequentialMembers, int sequentialMeasured, int hungAmong, int hungTimeoutMs, int throughputMembers,
        int throughputLatencyMs, int throughputClients, Duration throughputWarmUp, Duration throughputDuration,
        int throughputValues, int throughputHits, int memoryMembers, int memoryHits, String memoryHeap,
        int mispApiMembers, String mispApiHeap, int pageSize) {

    /** The figures the issue asks for. */
    public static BenchSizes fullRun() {
        return new BenchSizes(false, List.of(1, 5, 20, 50), 100, 1_000, 15, 30, 20, 5, 10, 1_000, 5, 20, 50,
                Duration.ofSeconds(10), Duration.ofSeconds(60), 2_000, 10, 10, 50_000, "256m", 2, "512m", 5_000);
    }

    /** A quick check that every scenario runs end to end. */
    public static BenchSizes smokeRun() {
        return new BenchSizes(true, List.of(1, 3), 20, 50, 1, 4, 3, 2, 3, 500, 3, 5, 4, Duration.ofSeconds(1),
                Duration.ofSeconds(3), 200, 5, 3, 2_000, "256m", 2, "512m", 5_000);
    }

    /** Simulated instances needed by the largest scenario. */
    public int instances() {
        int n = Math.max(sequentialMembers,
                Math.max(hungAmong, Math.max(throughputMembers, Math.max(memoryMembers, mispApiMembers))));
        for (int m : memberCounts) {
            n = Math.max(n, m);
        }
        return n;
    }
}
