package org.alliancesearch.portal.search.service;

import java.util.UUID;

import io.smallrye.mutiny.Uni;

/** Records every finished search (the search audit implements it), joining the caller's transaction if any. */
public interface SearchRecorder {
    /**
     * @param source api, page, saved or export
     * @param savedSearchId the saved search that was run, or null
     */
    Uni<Void> record(UUID id, Searcher who, String source, UUID savedSearchId, PreparedSearch prepared,
            CompletedSearch done);
}
