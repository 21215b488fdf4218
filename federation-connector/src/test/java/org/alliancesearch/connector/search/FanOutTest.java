package org.alliancesearch.connector.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

class FanOutTest {

    /** Branches that end as soon as they start (cached answers, turns after the deadline) queued behind a slow one. */
    @Test
    void manyBranchesThatEndAtOnceRunInOrderWithoutGrowingTheStack() {
        AtomicReference<UniEmitter<? super Integer>> first = new AtomicReference<>();
        List<Supplier<Uni<Integer>>> branches = new ArrayList<>();
        branches.add(() -> Uni.createFrom().<Integer>emitter(first::set));
        int queued = 50_000;
        AtomicInteger built = new AtomicInteger();
        for (int i = 1; i <= queued; i++) {
            int n = i;
            branches.add(() -> {
                built.incrementAndGet();
                return Uni.createFrom().item(n);
            });
        }
        FanOut<Integer> fanOut = new FanOut<>(branches, 1);
        List<Integer> streamed = new ArrayList<>();
        fanOut.outcomes().subscribe().with(streamed::add);
        assertThat(streamed).isEmpty();
        assertThat(built).as("a branch is built only when its turn comes").hasValue(0);

        first.get().complete(0);

        assertThat(streamed).hasSize(queued + 1);
        for (int i = 0; i <= queued; i++) {
            assertThat(streamed.get(i)).isEqualTo(i);
        }
        assertThat(fanOut.all().await().indefinitely()).isEqualTo(streamed);
    }

    @Test
    void atMostTheLimitRunAtOnceEveryBranchRunsAndAllKeepsTheBranchOrder() {
        List<UniEmitter<? super String>> running = new ArrayList<>();
        List<Supplier<Uni<String>>> branches = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String name = "m" + i;
            branches.add(() -> Uni.createFrom().<String>emitter(running::add).map(item -> name + "=" + item));
        }
        FanOut<String> fanOut = new FanOut<>(branches, 2);
        List<String> streamed = new ArrayList<>();
        fanOut.outcomes().subscribe().with(streamed::add);

        assertThat(running).hasSize(2);
        running.get(1).complete("b");
        assertThat(running).hasSize(3);
        running.get(0).complete("a");
        assertThat(running).hasSize(4);
        running.get(3).complete("d");
        assertThat(running).hasSize(5);
        running.get(2).complete("c");
        running.get(4).complete("e");

        assertThat(streamed).containsExactly("m1=b", "m0=a", "m3=d", "m2=c", "m4=e");
        assertThat(fanOut.all().await().indefinitely()).containsExactly("m0=a", "m1=b", "m2=c", "m3=d", "m4=e");
    }

    @Test
    void withoutALimitEveryBranchStartsAtOnceAndLateSubscribersSeeEveryOutcome() {
        List<UniEmitter<? super Integer>> running = new ArrayList<>();
        List<Supplier<Uni<Integer>>> branches = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            branches.add(() -> Uni.createFrom().<Integer>emitter(running::add));
        }
        FanOut<Integer> fanOut = new FanOut<>(branches, 0);
        assertThat(running).as("started before anyone subscribes").hasSize(4);
        for (int i = 3; i >= 0; i--) {
            running.get(i).complete(i);
        }
        assertThat(fanOut.outcomes().collect().asList().await().indefinitely()).containsExactly(3, 2, 1, 0);
        assertThat(fanOut.all().await().indefinitely()).containsExactly(0, 1, 2, 3);
    }

    @Test
    void noBranchesGiveAnEmptyAnswer() {
        FanOut<String> fanOut = new FanOut<>(List.of(), 3);
        assertThat(fanOut.outcomes().collect().asList().await().indefinitely()).isEmpty();
        assertThat(fanOut.all().await().indefinitely()).isEmpty();
    }

    @Test
    void theReaderGetsEachOutcomeAsItArrivesOneAtATimeOnTheExecutor() throws InterruptedException {
        List<UniEmitter<? super Integer>> running = new ArrayList<>();
        List<Supplier<Uni<Integer>>> branches = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            branches.add(() -> Uni.createFrom().<Integer>emitter(running::add));
        }
        FanOut<Integer> fanOut = new FanOut<>(branches, 0);
        ExecutorService pool = Executors.newFixedThreadPool(3, r -> new Thread(r, "reader-pool"));
        try {
            List<Integer> read = new CopyOnWriteArrayList<>();
            AtomicInteger inside = new AtomicInteger();
            AtomicInteger overlaps = new AtomicInteger();
            List<String> threads = new CopyOnWriteArrayList<>();
            Uni<List<Integer>> all = fanOut.all(pool, n -> {
                if (inside.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                threads.add(Thread.currentThread().getName());
                read.add(n);
                inside.decrementAndGet();
            });
            CompletableFuture<List<Integer>> done = all.subscribeAsCompletionStage();
            for (int i = 3; i >= 0; i--) {
                running.get(i).complete(i);
                if (i > 0) {
                    // read before the next member answers, not once all have
                    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    while (read.size() < 4 - i && System.nanoTime() < until) {
                        Thread.sleep(1);
                    }
                    assertThat(read).hasSize(4 - i);
                    assertThat(done).isNotDone();
                }
            }

            assertThat(done.join()).containsExactly(0, 1, 2, 3);
            assertThat(read).containsExactly(3, 2, 1, 0);
            assertThat(threads).containsOnly("reader-pool");
            assertThat(overlaps).hasValue(0);
        } finally {
            pool.shutdownNow();
        }
    }
}
