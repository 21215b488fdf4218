package org.alliancesearch.portal.search.service;

/**
 * A search ran but its audit row could not be written. Every search of the alliance is accountable, so its results
 * are withheld rather than shown unrecorded; the caller may try again (503).
 */
public class SearchNotRecordedException extends SearchRefusedException {
    private static final long serialVersionUID = 1L;

    public SearchNotRecordedException() {
        super("the search could not be recorded in the search audit");
    }

    @Override
    public int status() {
        return 503;
    }

    @Override
    public String kind() {
        return "audit-unavailable";
    }

    /** A store that refused a write is mostly back within seconds. */
    @Override
    public long retryAfterSeconds() {
        return 5;
    }

}
