package org.alliancesearch.connector;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** An event search in flight. Both views share one fan-out: subscribing to both does not ask members twice. */
public interface EventSearchRun {
    /** Each member's outcome as it arrives; completes when all have answered or the deadline passed. */
    Multi<EventMemberOutcome> outcomes();

    /** Every member's outcome, when all members have answered or the overall deadline passed. */
    Uni<FederatedEventResult> result();
}
