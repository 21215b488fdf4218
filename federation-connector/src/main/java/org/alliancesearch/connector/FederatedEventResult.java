package org.alliancesearch.connector;

import java.util.List;

import org.alliancesearch.model.mispapi.MemberEvents;
import org.alliancesearch.model.result.MemberRef;

/**
 * The outcome of every member asked by an event search, in a stable order (registration order). Not merged: the
 * caller merges with {@link org.alliancesearch.model.mispapi.EventMerger}, with the alliance policy, each member's
 * stricter policy and the request's attribute filter.
 */
public record FederatedEventResult(List<EventMemberOutcome> members) {
    public FederatedEventResult {
        members = List.copyOf(members);
    }

    /** Every member's events, as the merge takes them. */
    public List<MemberEvents> answers() {
        return members.stream().map(EventMemberOutcome::memberEvents).toList();
    }

    /** Every member asked, answered or not (no member may speak for another's organisation). */
    public List<MemberRef> alliance() {
        return members.stream().map(EventMemberOutcome::member).toList();
    }
}
