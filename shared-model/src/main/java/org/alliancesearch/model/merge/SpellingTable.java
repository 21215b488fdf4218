package org.alliancesearch.model.merge;

/**
 * The indicator of each raw (type, value) spelling seen in a merge, so that each distinct spelling is normalised once;
 * also used for the indicators by (family, canonical value).
 * Open addressing by the value's hash; a slot's value, type and indicator sit side by side in one array, so that
 * {@link #touchSlot} can bring a slot into cache with one read a few hits before the lookup. No removal.
 */
final class SpellingTable {
    private static final int STRIDE = 4;
    /** Slot i: value at 4i + 1, type at 4i + 2, indicator at 4i + 3 (4i unused: a slot stays in one cache line). */
    private Object[] slots;
    private int[] hashes;
    private int mask;
    private int size;

    SpellingTable(int expected) {
        allocate(Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1);
    }

    private void allocate(int cap) {
        slots = new Object[cap * STRIDE];
        hashes = new int[cap];
        mask = cap - 1;
    }

    /** The indicator of this (type or family, value); types are interned by the merge, so mostly identical. */
    IndicatorAggregate get(Object type, String value, int hash) {
        for (int i = HashSpread.spread(hash) & mask;; i = (i + 1) & mask) {
            int at = i * STRIDE;
            String v = (String) slots[at + 1];
            if (v == null) {
                return null;
            }
            Object t = slots[at + 2];
            if (hashes[i] == hash && (t == type || t.equals(type)) && (v == value || v.equals(value))) {
                return (IndicatorAggregate) slots[at + 3];
            }
        }
    }

    /** Adds a spelling that is not in the table. */
    void putNew(Object type, String value, int hash, IndicatorAggregate indicator) {
        if ((size + 1) * 2 > hashes.length) {
            grow();
        }
        insert(hash, type, value, indicator);
        size++;
    }

    /** Reads the first slot for this hash; returns a number only to keep the reads. */
    int touchSlot(int hash) {
        int i = HashSpread.spread(hash) & mask;
        return slots[i * STRIDE + 1] == null ? 0 : hashes[i];
    }

    /** Reads the characters of the value stored in the first slot for this hash. */
    int touchValue(int hash) {
        String v = (String) slots[(HashSpread.spread(hash) & mask) * STRIDE + 1];
        return v == null || v.isEmpty() ? 0 : v.charAt(v.length() - 1);
    }

    private void insert(int hash, Object type, String value, IndicatorAggregate indicator) {
        int i = HashSpread.spread(hash) & mask;
        while (slots[i * STRIDE + 1] != null) {
            i = (i + 1) & mask;
        }
        hashes[i] = hash;
        slots[i * STRIDE + 1] = value;
        slots[i * STRIDE + 2] = type;
        slots[i * STRIDE + 3] = indicator;
    }

    private void grow() {
        Object[] old = slots;
        int[] oldHashes = hashes;
        allocate(oldHashes.length * 2);
        for (int i = 0; i < oldHashes.length; i++) {
            if (old[i * STRIDE + 1] != null) {
                insert(oldHashes[i], old[i * STRIDE + 2], (String) old[i * STRIDE + 1],
                        (IndicatorAggregate) old[i * STRIDE + 3]);
            }
        }
    }

}
