package org.alliancesearch.model.merge;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Puts built indicators in {@link IndicatorMerger#ORDER}, comparing the organisation count and the last-seen time
 * from numbers kept beside them: the comparator on the records reaches into each record's lists and instants, a cache
 * miss per comparison once the result no longer fits in cache.
 */
final class ResultOrder {
    private final MergedIndicator[] indicators;
    private final int[] organisations;
    private final long[] lastSeconds;
    private final int[] lastNanos;
    private final boolean[] hasLast;
    private int size;

    ResultOrder(int capacity) {
        indicators = new MergedIndicator[capacity];
        organisations = new int[capacity];
        lastSeconds = new long[capacity];
        lastNanos = new int[capacity];
        hasLast = new boolean[capacity];
    }

    /** Adds a built indicator with its organisation count and seen range (numbers kept by the aggregate). */
    void add(MergedIndicator indicator, int organisationCount, SeenRange seen) {
        indicators[size] = indicator;
        organisations[size] = organisationCount;
        if (seen.last != null) {
            hasLast[size] = true;
            lastSeconds[size] = seen.lastSeconds;
            lastNanos[size] = seen.lastNanos;
        }
        size++;
    }

    List<MergedIndicator> sorted() {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        sort(order, new int[size], 0, size);
        MergedIndicator[] out = new MergedIndicator[size];
        for (int i = 0; i < size; i++) {
            out[i] = indicators[order[i]];
        }
        return Arrays.asList(out);
    }

    /** Merge sort of positions [from, to) of {@code a}, using {@code tmp} as scratch. */
    private void sort(int[] a, int[] tmp, int from, int to) {
        if (to - from <= 16) {
            for (int i = from + 1; i < to; i++) {
                int x = a[i];
                int j = i - 1;
                while (j >= from && compare(a[j], x) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = x;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        sort(a, tmp, from, mid);
        sort(a, tmp, mid, to);
        if (compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, from, tmp, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && compare(tmp[i], tmp[j]) <= 0)) {
                a[k] = tmp[i++];
            } else {
                a[k] = tmp[j++];
            }
        }
    }

    /** The same order as {@link IndicatorMerger#ORDER}. */
    private int compare(int a, int b) {
        int c = Integer.compare(organisations[b], organisations[a]);
        if (c != 0) {
            return c;
        }
        if (hasLast[a] && hasLast[b]) {
            c = Long.compare(lastSeconds[b], lastSeconds[a]);
            if (c == 0) {
                c = Integer.compare(lastNanos[b], lastNanos[a]);
            }
            if (c != 0) {
                return c;
            }
        } else if (hasLast[a] || hasLast[b]) {
            return IndicatorMerger.ORDER.compare(indicators[a], indicators[b]);
        }
        MergedIndicator x = indicators[a];
        MergedIndicator y = indicators[b];
        c = x.value().compareTo(y.value());
        return c != 0 ? c : x.family().compareTo(y.family());
    }

    /** {@link IndicatorMerger#ORDER}: more organisations first, then the most recently seen, then value and family. */
    static int compareIndicators(MergedIndicator a, MergedIndicator b) {
        int c = Integer.compare(b.organisations().size(), a.organisations().size());
        if (c != 0) {
            return c;
        }
        c = compareNewestFirst(a.lastSeen(), b.lastSeen());
        if (c != 0) {
            return c;
        }
        c = a.value().compareTo(b.value());
        return c != 0 ? c : a.family().compareTo(b.family());
    }

    /** Negative when {@code a} is the newer; an instant before none. */
    private static int compareNewestFirst(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == b ? 0 : a == null ? 1 : -1;
        }
        return b.compareTo(a);
    }
}
