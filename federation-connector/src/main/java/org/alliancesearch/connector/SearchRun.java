package org.alliancesearch.connector;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** A federated search in flight. Both views share one fan-out: subscribing to both does not ask members twice. */
public interface SearchRun {
    /** Each member's outcome as it arrives (for live pages); completes when all have answered or the deadline passed. */
    Multi<MemberOutcome> outcomes();

    /** The merged result, when all members have answered or the overall deadline passed. */
    Uni<FederatedResult> result();
}
