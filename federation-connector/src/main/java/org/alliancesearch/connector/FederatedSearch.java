package org.alliancesearch.connector;

import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.query.SearchQuery;
import org.alliancesearch.model.query.TimeWindow;

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

    /**
     * Starts a search for the events changed in a time window ({@code events/restSearch} with {@code timestamp:
     * [from, to]} on every enabled member), under the same guards, caps, byte budgets and deadline as
     * {@link #startEvents}; each member's failure becomes its outcome's status, never the run's. An event whose
     * {@code timestamp} is outside the window is dropped (members may ignore filters).
     *
     * @param policy sent to members as excluded tags; the caller still applies it (members may ignore filters)
     */
    EventSearchRun startWindow(TimeWindow window, AlliancePolicy policy);
}
