package org.alliancesearch.portal.saved.service;

import org.alliancesearch.portal.search.service.SearchRequest;

/**
 * A saved search to create or change.
 *
 * @param visibility PRIVATE, ORGANISATION or ALLIANCE (default PRIVATE)
 * @param query the search, as {@code POST /api/v1/search} takes it
 * @param version on a change, the version it is based on, or null (last writer wins)
 */
public record SavedSearchInput(String name, String description, String visibility, SearchRequest query,
        Long version) {
}
