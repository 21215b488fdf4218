package org.alliancesearch.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Drives calls and times them: one after another (latency), or from N clients in a closed loop for a fixed time
 * (throughput: each client sends its next call when the previous one answered).
 */
public final class LoadDriver {

    /** One measured call. Returns null when the answer was as expected, else what was wrong. */
    @FunctionalInterface
    public interface Call {
        String run(int sequence) throws Exception;
    }

    private LoadDriver() {
    }

    /** {@code warmUp} calls (not measured), then {@code calls} calls one after another. */
    public static LoadResult sequential(int warmUp, int calls, Call call) {
        return sequential(warmUp, calls, call, () -> {
        });
    }

    /** As {@link #sequential(int, int, Call)}, running {@code measuring} between the warm-up and the first timed call. */
    public static LoadResult sequential(int warmUp, int calls, Call call, Runnable measuring) {
        AtomicInteger sequence = new AtomicInteger();
        for (int i = 0; i < warmUp; i++) {
            timed(call, sequence.getAndIncrement(), new Tally());
        }
        measuring.run();
        Tally tally = new Tally();
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            timed(call, sequence.getAndIncrement(), tally);
        }
        return tally.result(System.nanoTime() - start);
    }

    /**
     * {@code clients} threads, each calling in a loop until {@code duration} has passed (a call running then is
     * completed and counted). The sequence number given to each call is unique across clients.
     */
    public static LoadResult closedLoop(int clients, Duration duration, Call call) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger sequence = new AtomicInteger();
        List<Tally> tallies = new ArrayList<>();
        List<Future<?>> running = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        try {
            for (int c = 0; c < clients; c++) {
                Tally t = new Tally();
                tallies.add(t);
                running.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        timed(call, sequence.getAndIncrement(), t);
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a client failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        long elapsed = System.nanoTime() - start;
        Tally all = new Tally();
        tallies.forEach(all::addAll);
        return all.result(elapsed);
    }

    private static void timed(Call call, int sequence, Tally tally) {
        long t0 = System.nanoTime();
        String problem;
        try {
            problem = call.run(sequence);
        } catch (Exception e) {
            problem = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        tally.add(System.nanoTime() - t0, problem);
    }

    /** Samples of one client (no sharing between threads while running). */
    private static final class Tally {
        private long[] samples = new long[1024];
        private int count;
        private int errors;
        private final AtomicReference<String> firstError = new AtomicReference<>();

        void add(long nanos, String problem) {
            if (count == samples.length) {
                samples = Arrays.copyOf(samples, count * 2);
            }
            samples[count++] = nanos;
            if (problem != null) {
                errors++;
                firstError.compareAndSet(null, problem);
            }
        }

        void addAll(Tally other) {
            for (int i = 0; i < other.count; i++) {
                add(other.samples[i], null);
            }
            errors += other.errors;
            if (other.firstError.get() != null) {
                firstError.compareAndSet(null, other.firstError.get());
            }
        }

        LoadResult result(long elapsedNanos) {
            if (count == 0) {
                throw new IllegalStateException("no call completed");
            }
            return new LoadResult(count, errors, elapsedNanos, LatencyStats.of(Arrays.copyOf(samples, count)),
                    firstError.get());
        }
    }
}
