package org.alliancesearch.portal.search.service;

import org.alliancesearch.portal.common.persistence.RowInsert;

import io.smallrye.mutiny.Uni;

/**
 * Adds every finished search to its searcher's own history ("My searches"; the history feature implements it). The
 * history is a convenience: the search service writes the entry with the audit row and, should that fail, answers the
 * search with the audit row alone.
 */
public interface SearchHistory {
    /** Whether a search of this person from this source is kept (api, page, saved, export or misp-api). */
    boolean keeps(Searcher who, String source);

    /** The entry of a search that {@link #keeps} says is kept, to be written with its audit row. */
    RowInsert entry(Searcher who, String source, PreparedSearch prepared, CompletedSearch done);

    /**
     * After an entry of the person was written: drops their entries beyond the cap when that is due. Never fails (an
     * entry too many waits for the next trim).
     */
    Uni<Void> written(Searcher who);
}
