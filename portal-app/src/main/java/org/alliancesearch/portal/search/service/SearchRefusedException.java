package org.alliancesearch.portal.search.service;

import org.alliancesearch.portal.search.i18n.SearchMessages;

/**
 * A search the portal will not answer now, but may later: the caller is told why and when to try again
 * ({@code Retry-After}). One type for every such refusal, so that the API mapper and each page handle them in one
 * place.
 */
public abstract class SearchRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected SearchRefusedException(String message) {
        super(message, null, false, false);
    }

    /** The HTTP status. */
    public abstract int status();

    /** The last part of the problem type URI. */
    public abstract String kind();

    public abstract long retryAfterSeconds();

    /** The problem title, in the caller's language. */
    public abstract String title(SearchMessages msg);

    /** What a page tells the caller, in their language. */
    public abstract String text(SearchMessages msg);

    /** The problem detail on the API; the page's text unless a refusal words it for scripts. */
    public String detail(SearchMessages msg) {
        return text(msg);
    }
}
