package org.alliancesearch.connector;

import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.query.SearchQuery;

/** Fans one search out to every enabled member at once. */
public interface FederatedSearch {
    /** Starts the search; the query must already be valid. */
    SearchRun start(SearchQuery query, AlliancePolicy policy);
}
