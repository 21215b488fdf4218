package org.alliancesearch.connector.client;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.alliancesearch.connector.MemberMessage;

/**
 * What one federated search may take from all members together: decompressed bytes read and
 * {@code attributes/restSearch} calls made. Shared by the member branches of one search; thread-safe.
 */
public final class SearchBudget {
    private final long bytes;
    private final int pages;
    private final AtomicLong bytesLeft;
    private final AtomicInteger pagesLeft;

    public SearchBudget(long bytes, int pages) {
        this.bytes = Math.max(0, bytes);
        this.pages = Math.max(0, pages);
        this.bytesLeft = new AtomicLong(this.bytes);
        this.pagesLeft = new AtomicInteger(this.pages);
    }

    /** No limit (tests of the raw client, connection tests). */
    public static SearchBudget unlimited() {
        return new SearchBudget(Long.MAX_VALUE, Integer.MAX_VALUE);
    }

    /** Takes up to {@code n} bytes; returns how many were granted. */
    long takeBytes(long n) {
        return ReadBudget.take(bytesLeft, n);
    }

    void giveBack(long n) {
        bytesLeft.addAndGet(n);
    }

    /** Takes one restSearch call; false when none is left. */
    boolean takePage() {
        return pagesLeft.getAndUpdate(p -> p > 0 ? p - 1 : 0) > 0;
    }

    /** Bytes read so far by this search. */
    public long bytesRead() {
        return bytes - bytesLeft.get();
    }

    /** restSearch calls made so far by this search. */
    public int pagesUsed() {
        return pages - pagesLeft.get();
    }

    String bytesMessage() {
        return MemberMessage.SEARCH_BYTE_BUDGET.format(ReadBudget.size(bytes));
    }

    String pagesMessage() {
        return MemberMessage.PAGE_BUDGET.format(pages);
    }
}
