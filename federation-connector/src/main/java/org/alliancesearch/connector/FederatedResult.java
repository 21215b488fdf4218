package org.alliancesearch.connector;

import java.util.List;

import org.alliancesearch.model.merge.MergedResult;

/** The outcome of every member asked, in a stable order, and their merged, policy-filtered answer. */
public record FederatedResult(List<MemberOutcome> members, MergedResult merged) {
    public FederatedResult {
        members = List.copyOf(members);
    }
}
