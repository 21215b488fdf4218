package org.alliancesearch.connector.registry;

import java.time.Instant;

import org.alliancesearch.connector.MemberEndpoint;
import org.alliancesearch.connector.MemberHealth;
import org.alliancesearch.connector.MemberStatus;
import org.alliancesearch.connector.client.MispClient;
import org.alliancesearch.connector.guard.MemberGuard;
import org.alliancesearch.connector.health.MemberHealthTracker;
import org.alliancesearch.connector.health.MemberMetrics;

/**
 * One registered member with everything that lives as long as its registration: raw client, guard, health, meters.
 * Identity matters: a changed member is a new instance, so nothing (coalescing, cache, circuit) carries over.
 */
public final class MemberInstance {
    private final MemberEndpoint endpoint;
    private final MispClient client;
    private final MemberGuard guard;
    private final MemberHealthTracker health;
    private final MemberMetrics metrics;

    MemberInstance(MemberEndpoint endpoint, MispClient client, MemberGuard guard, MemberHealthTracker health,
            MemberMetrics metrics) {
        this.endpoint = endpoint;
        this.client = client;
        this.guard = guard;
        this.health = health;
        this.metrics = metrics;
    }

    public MemberEndpoint endpoint() {
        return endpoint;
    }

    public String id() {
        return endpoint.id();
    }

    public MispClient client() {
        return client;
    }

    public MemberGuard guard() {
        return guard;
    }

    /** Records one answer of this member in its health statistics and meters. */
    public void recordAnswer(MemberStatus status, String message, long latencyMs) {
        Instant now = Instant.now();
        if (status == MemberStatus.CIRCUIT_OPEN) {
            health.note(status, message, now);
        } else {
            health.record(status, message, latencyMs, now);
        }
        metrics.record(status, latencyMs);
    }

    public MemberHealth health() {
        return health.snapshot(guard.circuitState().name());
    }

    /** Drops the meters of a replaced or removed member. */
    void retire() {
        metrics.remove();
    }

    void closeClient() {
        client.close();
    }

    @Override
    public String toString() {
        return "MemberInstance[" + endpoint + "]";
    }
}
