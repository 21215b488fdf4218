package org.alliancesearch.portal.search.service;

import java.util.List;
import java.util.UUID;

import org.alliancesearch.portal.common.persistence.RowInsert;

import io.smallrye.mutiny.Uni;

/** Records every finished search (the search audit implements it). */
public interface SearchRecorder {
    /**
     * Writes the search's audit row and the rows given with it in one statement: all of them or, failing, none.
     *
     * @param source api, page, saved or export
     * @param savedSearchId the saved search that was run, or null
     * @param alongside rows that exist only with the audit row (the searcher's history entry), or none
     */
    Uni<Void> record(UUID id, Searcher who, String source, UUID savedSearchId, PreparedSearch prepared,
            CompletedSearch done, List<RowInsert> alongside);
}
