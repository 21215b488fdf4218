package org.alliancesearch.connector.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The member branches of one search, started at once (at most {@code concurrency} at a time, the others in order as
 * running ones end) and shared by the live stream of outcomes and the list of all outcomes, so that no member is asked
 * twice. A branch is built only when its turn comes, so its deadline check and timers start then. The bound is
 * Mutiny's own merge; every branch recovers on its own, so the stream never fails.
 *
 * @param <T> one member's outcome
 */
final class FanOut<T> {
    private final int size;
    private final Multi<Numbered<T>> merged;
    private final Multi<T> outcomes;
    private final Uni<List<T>> all;

    /**
     * @param branches one per member, in the order of the members
     * @param concurrency how many branches may run at once; 0 or less for all of them
     */
    FanOut(List<Supplier<Uni<T>>> branches, int concurrency) {
        int count = branches.size();
        this.size = count;
        int width = Math.max(1, concurrency > 0 ? Math.min(concurrency, count) : count);
        this.merged = Multi.createFrom()
                .range(0, count)
                .onItem()
                .transformToUni(
                        i -> Uni.createFrom().<T>deferred(() -> branches.get(i).get()).map(o -> new Numbered<T>(i, o)))
                .<Numbered<T>>merge(width)
                .cache();
        this.outcomes = merged.map(Numbered::outcome);
        this.all = merged.collect().asList().map(FanOut::inBranchOrder);
        merged.subscribe().with(ignored -> {
        }, ignored -> {
        });
    }

    /** How many branches there are. */
    int size() {
        return size;
    }

    /** Each outcome as it arrives. */
    Multi<T> outcomes() {
        return outcomes;
    }

    /** Every outcome, in the order of the branches. */
    Uni<List<T>> all() {
        return all;
    }

    /**
     * Every outcome, in the order of the branches, each handed to {@code reader} on {@code executor} as it arrives: one
     * at a time, in the order they arrived, the last one before the list is emitted (on the same executor).
     */
    Uni<List<T>> all(Executor executor, Consumer<? super T> reader) {
        return merged.emitOn(executor)
                .invoke(n -> reader.accept(n.outcome()))
                .collect()
                .asList()
                .map(FanOut::inBranchOrder);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> inBranchOrder(List<Numbered<T>> arrived) {
        Object[] byBranch = new Object[arrived.size()];
        for (Numbered<T> n : arrived) {
            byBranch[n.branch()] = n.outcome();
        }
        return new ArrayList<>((List<T>) Arrays.asList(byBranch));
    }

    private record Numbered<T>(int branch, T outcome) {
    }
}
