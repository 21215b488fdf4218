package org.alliancesearch.portal.search.service;

/** A user started too many searches in the last minute (429). */
public class RateLimitedException extends SearchRefusedException {
    private static final long serialVersionUID = 1L;

    private final int limit;
    private final long retryAfterSeconds;

    public RateLimitedException(int limit, long retryAfterSeconds) {
        super("rate limit of " + limit + " searches per minute reached");
        this.limit = limit;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int limit() {
        return limit;
    }

    @Override
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public int status() {
        return 429;
    }

    @Override
    public String kind() {
        return "rate-limited";
    }

}
