package org.alliancesearch.model.merge;

/**
 * The indicator of each raw (type, value) spelling seen in a merge, so that each distinct spelling is normalised once.
 * Open addressing by the value's hash, in parallel arrays, so that {@link #touch} can bring a slot and its stored
 * value into cache a few hits before the lookup. No removal.
 */
final class SpellingTable {
    private int[] hashes;
    private String[] values;
    private Object[] types;
    private IndicatorAggregate[] indicators;
    private int mask;
    private int size;

    SpellingTable(int expected) {
        allocate(Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1);
    }

    private void allocate(int cap) {
        hashes = new int[cap];
        values = new String[cap];
        types = new Object[cap];
        indicators = new IndicatorAggregate[cap];
        mask = cap - 1;
    }

    /** The indicator of this spelling; {@code type} is compared by identity (types are interned by the merge). */
    IndicatorAggregate get(Object type, String value, int hash) {
        for (int i = spread(hash) & mask;; i = (i + 1) & mask) {
            String v = values[i];
            if (v == null) {
                return null;
            }
            if (hashes[i] == hash && types[i] == type && (v == value || v.equals(value))) {
                return indicators[i];
            }
        }
    }

    /** Adds a spelling that is not in the table. */
    void putNew(Object type, String value, int hash, IndicatorAggregate indicator) {
        if ((size + 1) * 2 > values.length) {
            grow();
        }
        insert(hash, type, value, indicator);
        size++;
    }

    /** Reads the first slot for this hash (all its arrays); returns a number only to keep the reads. */
    int touchSlot(int hash) {
        int i = spread(hash) & mask;
        return hashes[i] + (values[i] == null ? 0 : 1) + (types[i] == null ? 0 : 1) + (indicators[i] == null ? 0 : 1);
    }

    /** Reads the characters of the value stored in the first slot for this hash. */
    int touchValue(int hash) {
        String v = values[spread(hash) & mask];
        return v == null || v.isEmpty() ? 0 : v.charAt(0);
    }

    private void insert(int hash, Object type, String value, IndicatorAggregate indicator) {
        int i = spread(hash) & mask;
        while (values[i] != null) {
            i = (i + 1) & mask;
        }
        hashes[i] = hash;
        values[i] = value;
        types[i] = type;
        indicators[i] = indicator;
    }

    private void grow() {
        int[] oldHashes = hashes;
        String[] oldValues = values;
        Object[] oldTypes = types;
        IndicatorAggregate[] oldIndicators = indicators;
        allocate(oldValues.length * 2);
        for (int i = 0; i < oldValues.length; i++) {
            if (oldValues[i] != null) {
                insert(oldHashes[i], oldTypes[i], oldValues[i], oldIndicators[i]);
            }
        }
    }

    private static int spread(int h) {
        return (h ^ (h >>> 16)) * 0x9E3779B1;
    }
}
