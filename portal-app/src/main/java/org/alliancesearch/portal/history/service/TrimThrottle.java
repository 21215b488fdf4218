package org.alliancesearch.portal.history.service;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * When a search trims its owner's history: at most once per interval per person on this replica. Each trim walks the
 * person's newest entries up to the cap, so a script's burst of searches trimming one by one cost the database more
 * than the searches' own rows; a person searching by hand is still trimmed with every search.
 */
final class TrimThrottle {
    /** People remembered before expired ones are swept out (an expired one is as good as unknown). */
    private static final int SWEEP_ABOVE = 10_000;

    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Long> lastTrim = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep;

    TrimThrottle(Duration interval, LongSupplier nanoClock) {
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
        this.lastSweep = new AtomicLong(nanoClock.getAsLong());
    }

    /** Whether this search of {@code owner} trims; when it does, the next ones within the interval do not. */
    boolean due(String owner) {
        if (intervalNanos <= 0) {
            return true;
        }
        long now = nanoClock.getAsLong();
        boolean[] due = {false};
        lastTrim.compute(owner, (key, last) -> {
            if (last == null || now - last >= intervalNanos) {
                due[0] = true;
                return now;
            }
            return last;
        });
        sweep(now);
        return due[0];
    }

    /** People remembered (for tests). */
    int remembered() {
        return lastTrim.size();
    }

    /** Forgets people whose interval has passed, at most once per interval, when many are remembered. */
    private void sweep(long now) {
        long last = lastSweep.get();
        if (lastTrim.size() > SWEEP_ABOVE && now - last >= intervalNanos && lastSweep.compareAndSet(last, now)) {
            lastTrim.values().removeIf(at -> now - at >= intervalNanos);
        }
    }
}
