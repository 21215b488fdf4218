package org.alliancesearch.portal.search.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;

import org.alliancesearch.portal.search.config.SearchConfig;
import org.junit.jupiter.api.Test;

/** The sliding minute of the rate limiter, with a hand-driven clock. */
class SearchRateLimiterTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private SearchRateLimiter limiter(int limit) {
        SearchConfig config = new SearchConfig() {
            @Override
            public int rateLimitPerMinute() {
                return limit;
            }

            @Override
            public Audit audit() {
                return null;
            }
        };
        return new SearchRateLimiter(config, now::get);
    }

    @Test
    void allowsTheLimitThenRefusesUntilTheOldestLeavesTheMinute() {
        SearchRateLimiter limiter = limiter(3);
        limiter.acquire("u");
        now.addAndGet(10_000_000_000L);
        limiter.acquire("u");
        limiter.acquire("u");
        assertThatThrownBy(() -> limiter.acquire("u")).isInstanceOfSatisfying(RateLimitedException.class,
                e -> assertThat(e.retryAfterSeconds()).isEqualTo(50));
        limiter.acquire("other");
        now.addAndGet(50_000_000_000L); // the first search is now a minute old
        limiter.acquire("u");
        assertThatThrownBy(() -> limiter.acquire("u")).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void refusedAttemptsDoNotCount() {
        SearchRateLimiter limiter = limiter(1);
        limiter.acquire("u");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> limiter.acquire("u")).isInstanceOf(RateLimitedException.class);
        }
        now.addAndGet(60_000_000_000L);
        limiter.acquire("u");
    }
}
