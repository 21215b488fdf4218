package org.alliancesearch.portal.search.service;

import io.smallrye.mutiny.Uni;

/**
 * Adds every finished search to its searcher's own history ("My searches"; the history feature implements it). Unlike
 * the audit, the history is a convenience: the returned Uni never fails, so a search is answered even when its
 * history entry could not be written.
 */
public interface SearchHistory {
    /** @param source api, page, saved, export or misp-api: the implementation decides which it keeps */
    Uni<Void> add(Searcher who, String source, PreparedSearch prepared, CompletedSearch done);
}
