package org.alliancesearch.connector.search;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * Lets at most {@code limit} member branches of one search run at the same time; the others start, in the order they
 * were subscribed, as running ones end. A branch is built only when its turn comes, so its deadline and timers start
 * then.
 */
final class MemberGate {
    private final int limit;
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private int running;

    MemberGate(int limit) {
        this.limit = Math.max(1, limit);
    }

    <T> Uni<T> limit(Supplier<Uni<T>> branch) {
        return Uni.createFrom().emitter(emitter -> enter(() -> {
            Uni<T> started;
            try {
                started = branch.get();
            } catch (RuntimeException e) {
                leave();
                emitter.fail(e);
                return;
            }
            started.subscribe().with(item -> {
                leave();
                emitter.complete(item);
            }, failure -> {
                leave();
                emitter.fail(failure);
            });
        }));
    }

    private void enter(Runnable start) {
        synchronized (this) {
            if (running >= limit) {
                waiting.add(start);
                return;
            }
            running++;
        }
        start.run();
    }

    private void leave() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                running--;
            }
        }
        if (next != null) {
            next.run();
        }
    }
}
