package org.alliancesearch.connector.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.alliancesearch.connector.MemberStatus;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Micrometer meters of one member, tagged with the member id only (never a URL or a key): answer latency, answers by
 * status, and circuit state (0 closed, 1 half-open, 2 open). Removed with the member.
 */
public final class MemberMetrics {
    public static final String LATENCY = "alliance.connector.member.latency";
    public static final String OUTCOMES = "alliance.connector.member.outcomes";
    public static final String CIRCUIT = "alliance.connector.member.circuit.state";

    private final MeterRegistry registry;
    private final String memberId;
    private final Timer latency;
    private final List<Meter> meters = new ArrayList<>();
    private boolean removed;

    public MemberMetrics(MeterRegistry registry, String memberId, Supplier<Number> circuitState) {
        this.registry = registry;
        this.memberId = memberId;
        this.latency = Timer.builder(LATENCY)
                .description("Time a member took to answer one federated search")
                .tag("member", memberId)
                .register(registry);
        meters.add(latency);
        meters.add(Gauge.builder(CIRCUIT, circuitState)
                .description("Circuit breaker of the member: 0 closed, 1 half-open, 2 open")
                .tag("member", memberId)
                .strongReference(true)
                .register(registry));
    }

    public void record(MemberStatus status, long latencyMs) {
        synchronized (meters) {
            if (removed) {
                return;
            }
        }
        if (status != MemberStatus.CIRCUIT_OPEN && status != MemberStatus.DISABLED) {
            latency.record(Duration.ofMillis(latencyMs));
        }
        Counter c = Counter.builder(OUTCOMES)
                .description("Answers of a member by status")
                .tag("member", memberId)
                .tag("status", status.name())
                .register(registry);
        synchronized (meters) {
            if (!meters.contains(c)) {
                meters.add(c);
            }
        }
        c.increment();
    }

    /** Drops every meter of this member. */
    public void remove() {
        synchronized (meters) {
            removed = true;
            meters.forEach(registry::remove);
            meters.clear();
        }
    }
}
