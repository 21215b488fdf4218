package org.alliancesearch.portal.search.service;

import java.util.List;
import java.util.Map;

import org.alliancesearch.connector.MemberOutcome;
import org.alliancesearch.model.merge.MergedResult;

/**
 * A finished search: the API answer, the merged result the exports read and the members' outcomes, all member-facing
 * (counts only what the policy let through, so that a value held only under a hidden marking answers like a value
 * nobody holds), and what the policy removed, for the search audit only.
 *
 * @param outcomes each member's outcome, its hit count being the attributes of it that are shown
 * @param removed what the policy removed, never shown to members
 * @param kept the hits each member's stricter policy kept, with what the alliance-level decision needs: the records
 *        shown by the MISP-compatible API come from here, so that it and the portal read one decision
 */
public record CompletedSearch(SearchResponse response, MergedResult merged, List<MemberOutcome> outcomes,
        Removed removed, KeptHits kept) {
    public CompletedSearch {
        removed = removed == null ? Removed.NONE : removed;
        kept = kept == null ? KeptHits.NONE : kept;
    }

    public CompletedSearch(SearchResponse response, MergedResult merged, List<MemberOutcome> outcomes,
            Removed removed) {
        this(response, merged, outcomes, removed, KeptHits.NONE);
    }

    public CompletedSearch(SearchResponse response, MergedResult merged, List<MemberOutcome> outcomes) {
        this(response, merged, outcomes, Removed.NONE);
    }

    /**
     * What the policy removed (the alliance's, a member's stricter one, or the search's tag filter), for
     * administrators.
     *
     * @param total distinct attributes removed
     * @param byMember distinct attributes removed, by member id (members with none are absent)
     * @param received attributes read from each member before the policy, by member id
     */
    public record Removed(int total, Map<String, Integer> byMember, Map<String, Integer> received) {
        public static final Removed NONE = new Removed(0, Map.of(), Map.of());

        public Removed {
            byMember = byMember == null ? Map.of() : Map.copyOf(byMember);
            received = received == null ? Map.of() : Map.copyOf(received);
        }

        public int of(String memberId) {
            return byMember.getOrDefault(memberId, 0);
        }
    }
}
