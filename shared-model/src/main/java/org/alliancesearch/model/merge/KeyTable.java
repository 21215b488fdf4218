package org.alliancesearch.model.merge;

/**
 * An open-addressing hash table for the merge's largest maps (one entry per attribute uuid): linear probing, no node
 * per entry, each slot's key and value side by side in one array, so that a lookup costs fewer cache misses and the
 * merge allocates less than with {@link java.util.HashMap}. Keys are compared by hash first, then identity, then
 * {@code equals}. No removal.
 */
final class KeyTable<V> {
    private int[] hashes;
    /** Key of slot i at 2i, its value at 2i + 1. */
    private Object[] entries;
    private int mask;
    private int size;

    KeyTable(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        allocate(cap);
    }

    private void allocate(int cap) {
        hashes = new int[cap];
        entries = new Object[cap * 2];
        mask = cap - 1;
    }

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    V get(Object key) {
        int h = HashSpread.spread(key.hashCode());
        for (int i = h & mask;; i = (i + 1) & mask) {
            Object k = entries[2 * i];
            if (k == null) {
                return null;
            }
            if (hashes[i] == h && (k == key || k.equals(key))) {
                return (V) entries[2 * i + 1];
            }
        }
    }

    /** Reads the slot a key with this hash code starts at, so that a lookup soon after finds it in cache. */
    int touch(int hashCode) {
        int i = HashSpread.spread(hashCode) & mask;
        return entries[2 * i] == null ? 0 : hashes[i];
    }

    /** Adds a key that is not in the table. */
    void putNew(Object key, V value) {
        if ((size + 1) * 2 > hashes.length) {
            grow();
        }
        insert(HashSpread.spread(key.hashCode()), key, value);
        size++;
    }

    private void insert(int h, Object key, Object value) {
        int i = h & mask;
        while (entries[2 * i] != null) {
            i = (i + 1) & mask;
        }
        hashes[i] = h;
        entries[2 * i] = key;
        entries[2 * i + 1] = value;
    }

    private void grow() {
        int[] oldHashes = hashes;
        Object[] oldEntries = entries;
        allocate(oldHashes.length * 2);
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldEntries[2 * i] != null) {
                insert(oldHashes[i], oldEntries[2 * i], oldEntries[2 * i + 1]);
            }
        }
    }

}
