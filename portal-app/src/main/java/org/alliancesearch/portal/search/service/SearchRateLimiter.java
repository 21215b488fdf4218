package org.alliancesearch.portal.search.service;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.alliancesearch.portal.search.config.SearchConfig;

/**
 * At most {@link SearchConfig#rateLimitPerMinute()} searches per user in any sliding minute. The count lives in this
 * replica's memory: with N replicas behind a round-robin balancer a user may start up to N times as many.
 */
@ApplicationScoped
public class SearchRateLimiter {
    static final long WINDOW_NANOS = 60_000_000_000L;

    private final Map<String, ArrayDeque<Long>> starts = new ConcurrentHashMap<>();
    private final SearchConfig config;
    private final LongSupplier clock;

    @Inject
    public SearchRateLimiter(SearchConfig config) {
        this(config, System::nanoTime);
    }

    SearchRateLimiter(SearchConfig config, LongSupplier clock) {
        this.config = config;
        this.clock = clock;
    }

    public int limit() {
        return config.rateLimitPerMinute();
    }

    /**
     * Counts one search for the user.
     *
     * @throws RateLimitedException when the user has started the limit within the last minute already
     */
    public void acquire(String user) {
        long now = clock.getAsLong();
        long[] waitNanos = {0};
        starts.compute(user, (key, times) -> {
            ArrayDeque<Long> window = times == null ? new ArrayDeque<>() : times;
            while (!window.isEmpty() && now - window.peekFirst() >= WINDOW_NANOS) {
                window.pollFirst();
            }
            if (window.size() >= limit()) {
                waitNanos[0] = WINDOW_NANOS - (now - window.peekFirst());
            } else {
                window.addLast(now);
            }
            return window;
        });
        if (waitNanos[0] > 0) {
            throw new RateLimitedException(limit(), Math.max(1, (waitNanos[0] + 999_999_999L) / 1_000_000_000L));
        }
    }
}
