package org.alliancesearch.portal.search.service;

import java.util.List;

import org.alliancesearch.connector.MemberOutcome;
import org.alliancesearch.model.merge.MergedResult;

/**
 * A finished search: the API answer, the merged result the exports read and the members' outcomes.
 */
public record CompletedSearch(SearchResponse response, MergedResult merged, List<MemberOutcome> outcomes) {
}
