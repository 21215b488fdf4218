package org.alliancesearch.connector.client;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.alliancesearch.connector.MemberMessage;

/**
 * What one member may send for one search, all its pages and value batches together: decompressed bytes, within the
 * search's own budget ({@link SearchBudget}). Once a budget is used up, or the search gives up on the member
 * ({@link #stop}), every exchange still open with the member is reset and no new one is started. Thread-safe.
 */
public final class ReadBudget {
    private final long memberBytes;
    private final AtomicLong memberLeft;
    private final SearchBudget search;
    private final Set<Runnable> exchanges = ConcurrentHashMap.newKeySet();
    private volatile String stopped;

    public ReadBudget(long memberBytes, SearchBudget search) {
        this.memberBytes = Math.max(0, memberBytes);
        this.memberLeft = new AtomicLong(this.memberBytes);
        this.search = search;
    }

    /** No limit (tests of the raw client). */
    public static ReadBudget unlimited() {
        return new ReadBudget(Long.MAX_VALUE, SearchBudget.unlimited());
    }

    /**
     * Takes up to {@code n} bytes from the member's and the search's budget; returns how many were granted. Fewer than
     * asked means a budget is used up: the reason is kept ({@link #stopReason}).
     */
    public long grant(long n) {
        if (n <= 0) {
            return 0;
        }
        if (stopped != null) {
            return 0;
        }
        long m = take(memberLeft, n);
        long s = search.takeBytes(m);
        if (s < m) {
            memberLeft.addAndGet(m - s);
            stopped = search.bytesMessage();
        } else if (m < n) {
            stopped = MemberMessage.MEMBER_BYTE_BUDGET.format(size(memberBytes));
        }
        return s;
    }

    /** Takes one restSearch call from the search's page budget; false when none is left (reads in flight go on). */
    public boolean takePage() {
        return search.takePage();
    }

    /** Why no further page may be asked. */
    public String pagesMessage() {
        return search.pagesMessage();
    }

    /** Why the member's reading stopped (a budget or the search giving up), or null while it may go on. */
    public String stopReason() {
        return stopped;
    }

    /** Bytes this member sent so far (decompressed). */
    public long bytesRead() {
        return memberBytes - memberLeft.get();
    }

    /** Stops the member: every open exchange is reset at once, no new one starts. */
    public void stop(String reason) {
        if (stopped == null) {
            stopped = reason;
        }
        exchanges.forEach(Runnable::run);
    }

    /** Registers the reset of an open exchange; run at once if already stopped. Returns the deregistration. */
    Runnable open(Runnable reset) {
        exchanges.add(reset);
        if (stopped != null) {
            reset.run();
        }
        return () -> exchanges.remove(reset);
    }

    /** Exchanges still open (for tests). */
    public int openExchanges() {
        return exchanges.size();
    }

    static long take(AtomicLong left, long n) {
        while (true) {
            long l = left.get();
            long t = Math.min(l, n);
            if (t <= 0) {
                return 0;
            }
            if (left.compareAndSet(l, l - t)) {
                return t;
            }
        }
    }

    static String size(long bytes) {
        if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1L << 10 && bytes % (1L << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " bytes";
    }
}
