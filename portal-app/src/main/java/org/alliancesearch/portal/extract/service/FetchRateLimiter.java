package org.alliancesearch.portal.extract.service;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.alliancesearch.portal.extract.config.ExtractConfig;

/**
 * At most {@code alliance.extract.fetch.rate-limit-per-minute} report fetches per user and clock minute, counted in
 * memory by each replica: a small limit of its own, apart from the search limit, since a fetch reaches one outside
 * host and no member. Behind N replicas a user may fetch up to N times the limit; that is accepted (it bounds
 * abuse, it is no quota).
 */
@ApplicationScoped
public class FetchRateLimiter {
    private record Window(long minute, int count) {
    }

    private final int limit;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    @Inject
    public FetchRateLimiter(ExtractConfig config) {
        this(config.fetch().rateLimitPerMinute(), Clock.systemUTC());
    }

    FetchRateLimiter(int limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /**
     * Counts one fetch for the user.
     *
     * @throws FetchRefusedException {@link FetchRefusal#RATE_LIMITED}, with the seconds left in the minute, when
     *         the user has fetched the limit in this minute already
     */
    public void acquire(String subject) {
        long now = clock.millis();
        long minute = now / 60_000L;
        if (windows.size() > 10_000) {
            windows.values().removeIf(w -> w.minute() < minute);
        }
        boolean[] refused = new boolean[1];
        windows.compute(subject, (k, w) -> {
            if (w == null || w.minute() != minute) {
                return new Window(minute, 1);
            }
            if (w.count() >= limit) {
                refused[0] = true; // a refused fetch does not count
                return w;
            }
            return new Window(minute, w.count() + 1);
        });
        if (refused[0]) {
            throw new FetchRefusedException(FetchRefusal.RATE_LIMITED, null, null,
                    Math.max(1, (60_000L - now % 60_000L + 999L) / 1000L));
        }
    }

    public int limit() {
        return limit;
    }
}
