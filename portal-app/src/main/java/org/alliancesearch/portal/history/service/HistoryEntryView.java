package org.alliancesearch.portal.history.service;

import java.time.Instant;
import java.util.List;

import org.alliancesearch.portal.search.service.SearchRequest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One search of mine, as the API answers it.
 *
 * @param id the entry's id (random; another person's is answered 404)
 * @param searchedAt when it finished, UTC
 * @param source page, api or saved
 * @param query the values as given and the filters (free text is not kept: the values found in it are)
 * @param searched each searched value in order, followed by its pivots, and whether the alliance holds it
 * @param counts what the search found
 */
public record HistoryEntryView(String id, Instant searchedAt, String source, SearchRequest query,
        List<Searched> searched, Counts counts) {

    /**
     * One searched value.
     *
     * @param pivotOf the searched value it was derived from (a URL's host), or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Searched(String value, String type, boolean found, String pivotOf) {
    }

    /**
     * @param values values searched (not counting pivots)
     * @param valuesFound of those, how many the alliance holds
     * @param indicators distinct indicators shown
     * @param membersAnswered members that answered completely
     * @param membersFailed members that failed or answered partly
     */
    public record Counts(int values, int valuesFound, int indicators, int membersAnswered, int membersFailed) {
    }
}
