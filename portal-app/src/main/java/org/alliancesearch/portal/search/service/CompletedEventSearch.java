package org.alliancesearch.portal.search.service;

import java.util.List;

import org.alliancesearch.connector.MemberOutcome;
import org.alliancesearch.model.mispapi.MergedEvents;

/**
 * A finished search for whole events: the merged events, member-facing like {@link CompletedSearch}.
 *
 * @param events the events shown, merged across members under the policy, in order
 * @param outcomes each member's outcome, its hit count being the attributes of it that are shown
 * @param audited the search as its audit row records it (events counted as indicators)
 */
public record CompletedEventSearch(MergedEvents events, List<MemberOutcome> outcomes, CompletedSearch audited) {
    public CompletedEventSearch {
        outcomes = List.copyOf(outcomes);
    }
}
