package org.alliancesearch.connector.guard;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.enterprise.util.TypeLiteral;

import org.alliancesearch.connector.MemberMessage;
import org.alliancesearch.connector.client.MemberCallException;
import org.alliancesearch.connector.config.ConnectorConfig;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;

/**
 * The fault-tolerance state of one member: timeout per call, bulkhead, circuit breaker and retry, built with the
 * SmallRye Fault Tolerance programmatic API. One guard lives exactly as long as its member's registration: a changed or
 * removed member drops it, so a new endpoint starts with a closed circuit and an empty bulkhead.
 * <p>
 * Retry applies only to failures where no HTTP answer came (connect refused, reset, closed) and to HTTP 429, 502, 503,
 * 504, with exponential backoff plus jitter, or the member's {@code Retry-After}. The circuit breaker counts
 * availability failures only (timeouts, transport errors, 5xx, 429), not a refused key or a bad answer.
 */
public final class MemberGuard {
    private final TypedGuard<Uni<Object>> guard;
    private final AtomicReference<CircuitBreakerState> circuit = new AtomicReference<>(CircuitBreakerState.CLOSED);
    private final long timeoutMillis;

    public MemberGuard(ConnectorConfig config, Duration callTimeout) {
        this.timeoutMillis = callTimeout.toMillis();
        ConnectorConfig.Retry retry = config.retry();
        ConnectorConfig.CircuitBreaker cb = config.circuitBreaker();
        this.guard = TypedGuard.create(new TypeLiteral<Uni<Object>>() {
        })
                .withTimeout()
                .duration(callTimeout.toMillis(), ChronoUnit.MILLIS)
                .done()
                .withBulkhead()
                .limit(Math.max(1, config.bulkhead().maxConcurrent()))
                .queueSize(Math.max(1, config.bulkhead().queue()))
                .done()
                .withCircuitBreaker()
                .requestVolumeThreshold(Math.max(1, cb.requestVolumeThreshold()))
                .failureRatio(cb.failureRatio())
                .delay(cb.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(Math.max(1, cb.successThreshold()))
                .when(MemberGuard::availabilityFailure)
                .onStateChange(circuit::set)
                .done()
                .withRetry()
                .maxRetries(Math.max(0, retry.maxRetries()))
                .delay(retry.initialDelay().toMillis(), ChronoUnit.MILLIS)
                .maxDuration(Math.max(config.deadline().toMillis(), retry.initialDelay().toMillis() + 1),
                        ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                .whenException(t -> t instanceof MemberCallException m && m.retryable())
                .withCustomBackoff()
                .strategy(() -> new RetryBackoff(retry.initialDelay().toMillis(), retry.maxDelay().toMillis(),
                        retry.jitter().toMillis()))
                .done()
                .done()
                .build();
    }

    /**
     * Runs one call to the member under this guard; the call is made (again) on every attempt. Attribute and event
     * searches share the member's one guard: one bulkhead, one circuit breaker.
     */
    @SuppressWarnings("unchecked")
    public <T> Uni<T> call(Supplier<Uni<T>> action) {
        return Uni.createFrom().<T>deferred(() -> {
            try {
                return (Uni<T>) (Uni<?>) guard.call(() -> (Uni<Object>) (Uni<?>) action.get());
            } catch (Exception e) {
                return Uni.createFrom().failure(e);
            }
        })
                .onFailure(TimeoutException.class)
                .transform(t -> MemberCallException.timeout(MemberMessage.NO_ANSWER_WITHIN.format(timeoutMillis)));
    }

    /** CLOSED, OPEN or HALF_OPEN. */
    public CircuitBreakerState circuitState() {
        return circuit.get();
    }

    static boolean availabilityFailure(Throwable t) {
        if (t instanceof MemberCallException m) {
            return m.availabilityFailure();
        }
        return !(t instanceof BulkheadException) && !(t instanceof CircuitBreakerOpenException);
    }
}
