package org.alliancesearch.portal.search.service;

import java.util.List;

import org.alliancesearch.model.query.SearchQuery;
import org.alliancesearch.model.summary.Pivots;
import org.alliancesearch.model.summary.SearchedValue;

/**
 * A valid search, ready to send.
 *
 * @param request the request as given (what a saved search stores)
 * @param query the query sent to the members: values normalised and deduplicated, pivots included
 * @param searched the values in the order given, each followed by its pivots (a URL's host, …); one summary each
 */
public record PreparedSearch(SearchRequest request, SearchQuery query, List<SearchedValue> searched) {
    public PreparedSearch {
        searched = searched == null ? Pivots.expand(query.values(), false) : List.copyOf(searched);
    }

    /** A search whose values are all the searcher's own (no pivots). */
    public PreparedSearch(SearchRequest request, SearchQuery query) {
        this(request, query, null);
    }
}
