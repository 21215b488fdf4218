package org.alliancesearch.connector.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Short-lived, size-bounded cache of complete member answers; off unless configured. */
final class AnswerCache {
    private final boolean enabled;
    private final long ttlNanos;
    private final int maxEntries;
    private final LinkedHashMap<AnswerKey, Entry> entries;

    private record Entry(MemberAnswer answer, long expiresNanos) {
    }

    AnswerCache(boolean enabled, long ttlNanos, int maxEntries) {
        this.enabled = enabled && maxEntries > 0 && ttlNanos > 0;
        this.ttlNanos = ttlNanos;
        this.maxEntries = Math.max(1, maxEntries);
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<AnswerKey, Entry> eldest) {
                return size() > AnswerCache.this.maxEntries;
            }
        };
    }

    synchronized Optional<MemberAnswer> get(AnswerKey key) {
        if (!enabled) {
            return Optional.empty();
        }
        Entry e = entries.get(key);
        if (e == null) {
            return Optional.empty();
        }
        if (System.nanoTime() - e.expiresNanos() > 0) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(e.answer());
    }

    synchronized void put(AnswerKey key, MemberAnswer answer) {
        if (enabled) {
            entries.put(key, new Entry(answer, System.nanoTime() + ttlNanos));
        }
    }

    synchronized int size() {
        return entries.size();
    }
}
