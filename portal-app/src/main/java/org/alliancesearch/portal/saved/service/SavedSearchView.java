package org.alliancesearch.portal.saved.service;

import java.time.OffsetDateTime;

import org.alliancesearch.portal.search.service.SearchRequest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A saved search as its viewers see it.
 *
 * @param mine whether the caller owns it (and so may change it)
 * @param lastRunAt when it last ran (by anyone who may run it), or null
 * @param lastIndicatorCount how many indicators that run found, or null
 * @param version raised by each change (not by runs); a change naming another version is refused
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SavedSearchView(String id, String name, String description, String visibility, String owner,
        String organisation, SearchRequest query, OffsetDateTime createdAt, OffsetDateTime updatedAt,
        OffsetDateTime lastRunAt, Integer lastIndicatorCount, boolean mine, long version) {
}
