package org.alliancesearch.portal.search.service;

import java.util.List;

import org.alliancesearch.model.indicator.Normaliser;
import org.alliancesearch.model.query.SearchQuery;
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
        searched = List.copyOf(searched);
    }

    /** A search whose values are all the searcher's own: no pivot is asked for (the MISP-compatible API). */
    public PreparedSearch(SearchRequest request, SearchQuery query) {
        this(request, query, query.values().stream()
                .map(value -> new SearchedValue(value, Normaliser.detect(value), null)).toList());
    }
}
