package org.alliancesearch.portal.search.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.portal.search.config.SearchConfig;

/**
 * The searches running now, on this replica: at most {@link SearchConfig#concurrentPerUser()} per user and
 * {@link SearchConfig#concurrentTotal()} in all. A slot is taken before a search starts and given back once when it
 * completes or fails (a caller who goes away does not end the search: it is still completed and audited, and holds
 * its slot until then, which the members' timeouts bound). Users with no search running take no memory.
 */
@ApplicationScoped
public class SearchSlots {
    private final Map<String, Integer> perUser = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final SearchConfig config;

    public SearchSlots(SearchConfig config) {
        this.config = config;
    }

    /** A search's hold on its slots; {@link #release()} gives them back, once, however often it is called. */
    public final class Slot {
        private final String subject;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(String subject) {
            this.subject = subject;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                perUser.computeIfPresent(subject, (key, n) -> n <= 1 ? null : n - 1);
                total.decrementAndGet();
            }
        }
    }

    /**
     * @throws TooManySearchesException when the user, or this replica, runs as many searches as allowed already
     */
    public Slot take(String subject) {
        int cap = config.concurrentTotal();
        if (total.incrementAndGet() > cap) {
            total.decrementAndGet();
            throw new TooManySearchesException(false, cap, config.busyRetryAfterSeconds());
        }
        int userCap = config.concurrentPerUser();
        boolean[] refused = {false};
        perUser.compute(subject, (key, n) -> {
            int running = n == null ? 0 : n;
            if (running >= userCap) {
                refused[0] = true;
                return n;
            }
            return running + 1;
        });
        if (refused[0]) {
            total.decrementAndGet();
            throw new TooManySearchesException(true, userCap, config.busyRetryAfterSeconds());
        }
        return new Slot(subject);
    }

    /** The searches running on this replica (for tests and metrics). */
    public int running() {
        return total.get();
    }
}
