package org.alliancesearch.portal.saved.service;

import org.alliancesearch.portal.search.service.SearchRequest;

/**
 * A saved search to create or change.
 *
 * @param visibility PRIVATE, ORGANISATION or ALLIANCE (default PRIVATE)
 * @param query the search, as {@code POST /api/v1/search} takes it
 */
public record SavedSearchInput(String name, String description, String visibility, SearchRequest query) {
}
