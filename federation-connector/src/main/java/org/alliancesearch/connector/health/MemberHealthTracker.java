package org.alliancesearch.connector.health;

import java.time.Instant;
import java.util.Arrays;

import org.alliancesearch.connector.MemberHealth;
import org.alliancesearch.connector.MemberStatus;

/** What was observed of one member's answers: a ring of the most recent latencies and outcomes. */
public final class MemberHealthTracker {
    private final String memberId;
    private final long[] latencies;
    private final boolean[] failed;
    private int next;
    private int size;
    private long calls;
    private MemberStatus lastStatus;
    private String lastMessage;
    private Instant lastCall;
    private Instant lastSuccess;

    public MemberHealthTracker(String memberId, int window) {
        this.memberId = memberId;
        this.latencies = new long[Math.max(1, window)];
        this.failed = new boolean[latencies.length];
    }

    /** Records one answer of the member (only answers that involved the member: not DISABLED or CIRCUIT_OPEN). */
    public synchronized void record(MemberStatus status, String message, long latencyMs, Instant at) {
        calls++;
        lastStatus = status;
        lastMessage = message;
        lastCall = at;
        boolean ok = status == MemberStatus.OK || status == MemberStatus.PARTIAL;
        if (ok) {
            lastSuccess = at;
        }
        latencies[next] = latencyMs;
        failed[next] = !ok;
        next = (next + 1) % latencies.length;
        size = Math.min(size + 1, latencies.length);
    }

    /** Records a status that did not involve a call (circuit open): shown as last status, not in the statistics. */
    public synchronized void note(MemberStatus status, String message, Instant at) {
        lastStatus = status;
        lastMessage = message;
        lastCall = at;
    }

    public synchronized MemberHealth snapshot(String circuitState) {
        long[] sorted = Arrays.copyOf(latencies, size);
        Arrays.sort(sorted);
        int failures = 0;
        for (int i = 0; i < size; i++) {
            if (failed[i]) {
                failures++;
            }
        }
        return new MemberHealth(memberId, lastStatus, lastMessage, lastCall, lastSuccess, percentile(sorted, 0.50),
                percentile(sorted, 0.95), percentile(sorted, 0.99), size == 0 ? 0.0 : (double) failures / size, calls,
                circuitState);
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }
}
