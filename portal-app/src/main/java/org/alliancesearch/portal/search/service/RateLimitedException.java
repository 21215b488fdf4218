package org.alliancesearch.portal.search.service;

/** A user started too many searches in the last minute. */
public class RateLimitedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int limit;
    private final long retryAfterSeconds;

    public RateLimitedException(int limit, long retryAfterSeconds) {
        super("rate limit of " + limit + " searches per minute reached", null, false, false);
        this.limit = limit;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int limit() {
        return limit;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
