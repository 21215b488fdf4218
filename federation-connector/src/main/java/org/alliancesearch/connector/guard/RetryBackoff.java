package org.alliancesearch.connector.guard;

import java.util.concurrent.ThreadLocalRandom;

import org.alliancesearch.connector.client.MemberCallException;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;

/** Exponential backoff with jitter; a member's {@code Retry-After} (seconds or HTTP date) wins when it sent one. */
final class RetryBackoff implements CustomBackoffStrategy {
    private final long initialMillis;
    private final long maxMillis;
    private final long jitterMillis;
    private int attempt;

    RetryBackoff(long initialMillis, long maxMillis, long jitterMillis) {
        this.initialMillis = Math.max(0, initialMillis);
        this.maxMillis = Math.max(this.initialMillis, maxMillis);
        this.jitterMillis = Math.max(0, jitterMillis);
    }

    @Override
    public long nextDelayInMillis(Throwable exception) {
        long jitter = jitterMillis == 0 ? 0 : ThreadLocalRandom.current().nextLong(jitterMillis + 1);
        if (exception instanceof MemberCallException m && m.retryAfterMillis() >= 0) {
            attempt++;
            return m.retryAfterMillis() + jitter;
        }
        long exp = initialMillis << Math.min(attempt++, 20);
        return Math.min(maxMillis, exp) + jitter;
    }
}
