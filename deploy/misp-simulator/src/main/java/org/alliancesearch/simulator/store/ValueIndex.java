package org.alliancesearch.simulator.store;

import java.util.Arrays;

/**
 * Open hash index from attribute value (or either half of a composite value) to attributes, matching
 * case-insensitively as MISP's MySQL collation does. Stores three ints per entry and no key strings: the key is
 * compared against the stored value text on lookup.
 */
public final class ValueIndex {
    private int[] heads = new int[1 << 12];
    private int[] entryRef = new int[1 << 12];
    private int[] entryHash = new int[1 << 12];
    private int[] entryNext = new int[1 << 12];
    private int size;

    /** Entry reference = attribute * 2 + half (0: whole value or left half, 1: right half). */
    void add(String value, int from, int to, int attribute, int half) {
        if (size == entryRef.length) {
            int n = size * 2;
            entryRef = Arrays.copyOf(entryRef, n);
            entryHash = Arrays.copyOf(entryHash, n);
            entryNext = Arrays.copyOf(entryNext, n);
        }
        if (size >= heads.length * 3 / 4) {
            rehash(heads.length * 2);
        }
        int h = hash(value, from, to);
        int slot = h & (heads.length - 1);
        entryRef[size] = attribute * 2 + half;
        entryHash[size] = h;
        entryNext[size] = heads[slot] - 1;
        heads[slot] = size + 1;
        size++;
    }

    private void rehash(int capacity) {
        heads = new int[capacity];
        for (int e = 0; e < size; e++) {
            int slot = entryHash[e] & (capacity - 1);
            entryNext[e] = heads[slot] - 1;
            heads[slot] = e + 1;
        }
    }

    /** Number of index entries (attributes plus the second halves of composite values). */
    public int size() {
        return size;
    }

    /**
     * Calls {@code sink} with each attribute whose value, or one half of whose composite value, equals {@code key}
     * ignoring case. An attribute may be reported twice when both halves match.
     */
    public void lookup(MispStore store, String key, java.util.function.IntConsumer sink) {
        int h = hash(key, 0, key.length());
        for (int e = heads[h & (heads.length - 1)] - 1; e >= 0; e = entryNext[e]) {
            if (entryHash[e] != h) {
                continue;
            }
            int at = entryRef[e] >>> 1;
            String v = store.attributeValue(at);
            int from = 0;
            int to = v.length();
            if (store.attributeComposite(at)) {
                int bar = v.indexOf('|');
                if (bar >= 0) {
                    if ((entryRef[e] & 1) == 0) {
                        to = bar;
                    } else {
                        from = bar + 1;
                    }
                }
            }
            if (to - from == key.length() && v.regionMatches(true, from, key, 0, key.length())) {
                sink.accept(at);
            }
        }
    }

    static int hash(String s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + Character.toLowerCase(Character.toUpperCase(s.charAt(i)));
        }
        return h ^ (h >>> 16);
    }
}
