package org.alliancesearch.connector.search;

import java.util.List;

import org.alliancesearch.connector.EventMemberOutcome;
import org.alliancesearch.connector.EventSearchRun;
import org.alliancesearch.connector.FederatedEventResult;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** An event search in flight: the member branches started at once and shared by both views. */
final class FederatedEventSearchRun implements EventSearchRun {
    private final Multi<EventMemberOutcome> outcomes;
    private final Uni<FederatedEventResult> result;

    FederatedEventSearchRun(FanOut<EventMemberOutcome> fanOut) {
        this.outcomes = fanOut.outcomes();
        this.result = fanOut.all().map(FederatedEventResult::new).memoize().indefinitely();
    }

    @Override
    public Multi<EventMemberOutcome> outcomes() {
        return outcomes;
    }

    @Override
    public Uni<FederatedEventResult> result() {
        return result;
    }
}
