package org.alliancesearch.connector.search;

import java.util.ArrayList;
import java.util.List;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The member branches of one search, memoized and started at once, so that the live stream of outcomes and the list of
 * all outcomes share them and no member is asked twice.
 *
 * @param <T> one member's outcome
 */
final class FanOut<T> {
    private final Multi<T> outcomes;
    private final Uni<List<T>> all;

    @SuppressWarnings("unchecked")
    FanOut(List<Uni<T>> branches) {
        List<Uni<T>> started = branches.stream().map(b -> b.memoize().indefinitely()).toList();
        this.outcomes = started.isEmpty()
                ? Multi.createFrom().empty()
                : Multi.createFrom().iterable(started).onItem().transformToUni(u -> u).merge(started.size());
        this.all = started.isEmpty()
                ? Uni.createFrom().item(List.of())
                : Uni.combine().all().unis(started).with(list -> {
                    List<T> out = new ArrayList<>(list.size());
                    for (Object o : list) {
                        out.add((T) o);
                    }
                    return out;
                });
        started.forEach(b -> b.subscribe().with(ignored -> {
        }, ignored -> {
        }));
    }

    /** Each outcome as it arrives. */
    Multi<T> outcomes() {
        return outcomes;
    }

    /** Every outcome, in the order of the branches. */
    Uni<List<T>> all() {
        return all;
    }
}
