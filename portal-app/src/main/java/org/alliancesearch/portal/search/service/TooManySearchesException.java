package org.alliancesearch.portal.search.service;

import org.alliancesearch.portal.search.i18n.SearchMessages;

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

    @Override
    public String title(SearchMessages msg) {
        return user ? msg.search_concurrent_title() : msg.search_busy_title();
    }

    @Override
    public String text(SearchMessages msg) {
        return user ? msg.search_concurrent(limit, retryAfterSeconds) : msg.search_busy(retryAfterSeconds);
    }
}
