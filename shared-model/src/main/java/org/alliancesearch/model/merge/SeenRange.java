package org.alliancesearch.model.merge;

import java.time.Instant;

/**
 * The earliest and latest of some instants, kept with their seconds and nanoseconds so that merging two ranges
 * compares numbers instead of reaching for the instants again.
 */
class SeenRange {
    Instant first;
    long firstSeconds;
    int firstNanos;
    Instant last;
    long lastSeconds;
    int lastNanos;

    final void add(Instant t) {
        if (t != null) {
            add(t, t.getEpochSecond(), t.getNano(), t, t.getEpochSecond(), t.getNano());
        }
    }

    final void add(SeenRange other) {
        if (other.first != null) {
            add(other.first, other.firstSeconds, other.firstNanos, other.last, other.lastSeconds,
                    other.lastNanos);
        }
    }

    private void add(Instant f, long fs, int fn, Instant l, long ls, int ln) {
        if (first == null || fs < firstSeconds || (fs == firstSeconds && fn < firstNanos)) {
            first = f;
            firstSeconds = fs;
            firstNanos = fn;
        }
        if (last == null || ls > lastSeconds || (ls == lastSeconds && ln > lastNanos)) {
            last = l;
            lastSeconds = ls;
            lastNanos = ln;
        }
    }
}
