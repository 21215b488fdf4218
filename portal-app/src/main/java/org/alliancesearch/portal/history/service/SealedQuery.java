package org.alliancesearch.portal.history.service;

import java.util.List;

import org.alliancesearch.portal.search.service.SearchRequest;

/** What is sealed in a history row: everything that names a value or filter. */
record SealedQuery(SearchRequest query, List<HistoryEntryView.Searched> searched) {
}
