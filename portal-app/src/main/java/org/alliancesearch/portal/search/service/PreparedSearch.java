package org.alliancesearch.portal.search.service;

import org.alliancesearch.model.query.SearchQuery;

/**
 * A valid search, ready to send.
 *
 * @param request the request as given (what a saved search stores)
 * @param query the query sent to the members: values normalised and deduplicated
 */
public record PreparedSearch(SearchRequest request, SearchQuery query) {
}
