package org.alliancesearch.connector.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import org.alliancesearch.connector.MemberStatus;
import org.alliancesearch.connector.client.AnswerVolume;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Micrometer meters of one member, tagged with the member id only (never a URL or a key): answer latency, answers by
 * status, circuit state (0 closed, 1 half-open, 2 open), and the volume of its search answers. Removed with the member.
 */
public final class MemberMetrics {
    public static final String LATENCY = "alliance.connector.member.latency";
    public static final String OUTCOMES = "alliance.connector.member.outcomes";
    public static final String CIRCUIT = "alliance.connector.member.circuit.state";
    /** Bytes of search answers, tag {@code kind}: {@code received}, {@code json} and {@code passed-over}. */
    public static final String ANSWER_BYTES = "alliance.connector.member.answer.bytes";
    public static final String ANSWER_RECORDS = "alliance.connector.member.answer.records";

    private final MeterRegistry registry;
    private final String memberId;
    private final Timer latency;
    private final List<Meter> meters = new ArrayList<>();
    /** The answers counter of each status seen so far; guarded by {@link #meters}. */
    private final Map<MemberStatus, Counter> outcomes = new EnumMap<>(MemberStatus.class);
    private boolean removed;

    public MemberMetrics(MeterRegistry registry, String memberId, Supplier<Number> circuitState, AnswerVolume volume) {
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
        meters.add(answerBytes(volume, "received", AnswerVolume::receivedBytes,
                "Bytes of a member's search answers as they came over the wire"));
        meters.add(answerBytes(volume, "json", AnswerVolume::jsonBytes,
                "Bytes of JSON a member's search answers held, inflated"));
        meters.add(answerBytes(volume, "passed-over", AnswerVolume::passedOverBytes,
                "Bytes of a member's answers passed over as repeats of a value already read, not tokenised again"));
        meters.add(FunctionCounter.builder(ANSWER_RECORDS, volume, AnswerVolume::records)
                .description("Records (attributes or events) read from a member's search answers")
                .tag("member", memberId)
                .register(registry));
    }

    private Meter answerBytes(AnswerVolume volume, String kind, ToDoubleFunction<AnswerVolume> count,
            String description) {
        return FunctionCounter.builder(ANSWER_BYTES, volume, count)
                .description(description)
                .baseUnit("bytes")
                .tag("member", memberId)
                .tag("kind", kind)
                .register(registry);
    }

    public void record(MemberStatus status, long latencyMs) {
        Counter outcome;
        synchronized (meters) {
            if (removed) {
                return;
            }
            // registered at a status's first answer, then kept: no look-up in the registry per answer
            outcome = outcomes.computeIfAbsent(status, s -> {
                Counter c = Counter.builder(OUTCOMES)
                        .description("Answers of a member by status")
                        .tag("member", memberId)
                        .tag("status", s.name())
                        .register(registry);
                meters.add(c);
                return c;
            });
        }
        if (status != MemberStatus.CIRCUIT_OPEN && status != MemberStatus.DISABLED) {
            latency.record(Duration.ofMillis(latencyMs));
        }
        outcome.increment();
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
