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
    private boolean draining;

    MemberGate(int limit) {
        this.limit = Math.max(1, limit);
    }

    <T> Uni<T> limit(Supplier<Uni<T>> branch) {
        return Uni.createFrom().emitter(emitter -> enter(() -> {
            Uni<T> started;
            try {
                started = branch.get();
            } catch (RuntimeException e) {
                emitter.fail(e);
                leave();
                return;
            }
            // The outcome goes out before the next branch starts, so that outcomes keep their order.
            started.subscribe().with(item -> {
                emitter.complete(item);
                leave();
            }, failure -> {
                emitter.fail(failure);
                leave();
            });
        }));
    }

    private void enter(Runnable start) {
        synchronized (this) {
            waiting.add(start);
        }
        drain();
    }

    private void leave() {
        synchronized (this) {
            running--;
        }
        drain();
    }

    /**
     * Starts waiting branches while there is room. A branch that ends at once (its turn came after the deadline, or
     * its answer was cached) calls {@link #leave} from inside {@code run}: that call finds the gate draining and
     * returns, and this loop starts the next branch, instead of one stack frame deeper per waiting member.
     */
    private void drain() {
        synchronized (this) {
            if (draining) {
                return;
            }
            draining = true;
        }
        while (true) {
            Runnable next;
            synchronized (this) {
                if (running >= limit || waiting.isEmpty()) {
                    draining = false;
                    return;
                }
                next = waiting.poll();
                running++;
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                synchronized (this) {
                    draining = false;
                }
                throw e;
            }
        }
    }
}
