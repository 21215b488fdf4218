package org.alliancesearch.portal.search.service;

/**
 * Too many searches running at once (429): the user's own ({@code concurrent-searches}), or all of this replica's
 * ({@code busy}).
 */
public class TooManySearchesException extends SearchRefusedException {
    private static final long serialVersionUID = 1L;

    private final boolean user;
    private final int limit;
    private final long retryAfterSeconds;

    public TooManySearchesException(boolean user, int limit, long retryAfterSeconds) {
        super(user ? "at most " + limit + " searches of one user at once" : "at most " + limit + " searches at once");
        this.user = user;
        this.limit = limit;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Whether the user's own limit was reached (else the replica's). */
    public boolean user() {
        return user;
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
        return user ? "concurrent-searches" : "busy";
    }

}
