package org.alliancesearch.portal.search.service;

/**
 * A search the portal will not answer now, but may later: the caller is told why and when to try again
 * ({@code Retry-After}). One type for every such refusal, so that the API mapper and each page handle them in one
 * place; the web layer words it ({@code search.i18n.SearchTexts}).
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

}
