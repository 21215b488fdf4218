package org.alliancesearch.connector;

import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.query.SearchQuery;

/** Fans one search out to every enabled member at once. */
public interface FederatedSearch {
    /** Starts the search; the query must already be valid. */
    SearchRun start(SearchQuery query, AlliancePolicy policy);

    /**
     * Starts an event search ({@code events/restSearch} on every enabled member, the same body, guards and budgets as
     * {@link #start}); the query must already be valid. Each member's events answer at least one searched value.
     *
     * @param policy sent to members as excluded tags; the caller still applies it when merging (members may ignore
     *        filters)
     */
    EventSearchRun startEvents(SearchQuery query, AlliancePolicy policy);
}
