package org.alliancesearch.portal.search.service;

import io.smallrye.mutiny.Uni;

/**
 * Adds every finished search to its searcher's own history ("My searches"; the history feature implements it). The
 * history is a convenience: the search service writes the entry in the audit row's transaction and, should that fail,
 * answers the search with the audit row alone.
 */
public interface SearchHistory {
    /** Whether a search of this person from this source is kept (api, page, saved, export or misp-api). */
    boolean keeps(Searcher who, String source);

    /**
     * Writes the entry of a search that {@link #keeps} says is kept, joining the caller's transaction when there is
     * one; fails when the entry could not be written.
     */
    Uni<Void> add(Searcher who, String source, PreparedSearch prepared, CompletedSearch done);
}
