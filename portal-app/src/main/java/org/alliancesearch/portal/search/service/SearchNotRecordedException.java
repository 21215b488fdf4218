package org.alliancesearch.portal.search.service;

/**
 * A search ran but its audit row could not be written. Every search of the alliance is accountable, so its results
 * are withheld rather than shown unrecorded; the caller may try again (503).
 */
public class SearchNotRecordedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SearchNotRecordedException() {
        super("the search could not be recorded in the search audit", null, false, false);
    }
}
