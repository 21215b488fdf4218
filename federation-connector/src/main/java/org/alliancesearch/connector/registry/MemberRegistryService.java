package org.alliancesearch.connector.registry;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.connector.MemberEndpoint;
import org.alliancesearch.connector.MemberRegistry;
import org.alliancesearch.connector.client.MispClient;
import org.alliancesearch.connector.client.MispClientFactory;
import org.alliancesearch.connector.config.ConnectorConfig;
import org.alliancesearch.connector.guard.MemberGuard;
import org.alliancesearch.connector.health.MemberHealthTracker;
import org.alliancesearch.connector.health.MemberMetrics;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.vertx.mutiny.core.Vertx;

/**
 * The members the connector talks to. An upsert with an unchanged endpoint keeps the member's state; any change (URL,
 * key, TLS material, timeout, enabled flag) replaces it with a fresh client, guard, health and meters. A replaced or
 * removed member's client is closed once searches still using it have had time to end.
 */
@ApplicationScoped
public class MemberRegistryService implements MemberRegistry {
    private static final Logger LOG = Logger.getLogger(MemberRegistryService.class);
    private static final Comparator<MemberEndpoint> ORDER = Comparator
            .comparing((MemberEndpoint e) -> e.ref().name().toLowerCase(java.util.Locale.ROOT))
            .thenComparing(MemberEndpoint::id);

    private final ConcurrentMap<String, MemberInstance> members = new ConcurrentHashMap<>();
    private final MispClientFactory clients;
    private final ConnectorConfig config;
    private final MeterRegistry meters;
    private final Vertx vertx;

    public MemberRegistryService(MispClientFactory clients, ConnectorConfig config, MeterRegistry meters,
            Vertx vertx) {
        this.clients = clients;
        this.config = config;
        this.meters = meters;
        this.vertx = vertx;
    }

    @Override
    public void upsert(MemberEndpoint endpoint) {
        MemberInstance[] replaced = new MemberInstance[1];
        members.compute(endpoint.id(), (id, old) -> {
            if (old != null && old.endpoint().equals(endpoint) && sameRef(old.endpoint(), endpoint)) {
                return old;
            }
            if (old != null) {
                old.retire();
                replaced[0] = old;
            }
            return create(endpoint);
        });
        if (replaced[0] != null) {
            LOG.infof("member %s changed: fresh client and fault-tolerance state", endpoint.id());
            closeLater(replaced[0]);
        } else {
            LOG.debugf("member %s registered", endpoint.id());
        }
    }

    @Override
    public void remove(String memberId) {
        MemberInstance old = members.remove(memberId);
        if (old != null) {
            old.retire();
            closeLater(old);
            LOG.infof("member %s removed", memberId);
        }
    }

    @Override
    public List<MemberEndpoint> all() {
        return members.values().stream().map(MemberInstance::endpoint).sorted(ORDER).toList();
    }

    @Override
    public Optional<MemberEndpoint> find(String memberId) {
        return Optional.ofNullable(members.get(memberId)).map(MemberInstance::endpoint);
    }

    /** The registered members in display order (name, then id). */
    public List<MemberInstance> instances() {
        return members.values().stream().sorted(Comparator.comparing(MemberInstance::endpoint, ORDER)).toList();
    }

    public Optional<MemberInstance> instance(String memberId) {
        return Optional.ofNullable(members.get(memberId));
    }

    @PreDestroy
    void shutdown() {
        members.values().forEach(m -> {
            m.retire();
            m.closeClient();
        });
        members.clear();
    }

    private MemberInstance create(MemberEndpoint endpoint) {
        MispClient client = clients.create(endpoint);
        MemberGuard guard = new MemberGuard(config, client.timeout());
        MemberHealthTracker health = new MemberHealthTracker(endpoint.id(), config.health().window());
        MemberMetrics metrics = new MemberMetrics(meters, endpoint.id(), () -> circuitValue(guard.circuitState()),
                client.answerVolume());
        return new MemberInstance(endpoint, client, guard, health, metrics);
    }

    /** The old client stays usable until searches that hold it have passed their deadline. */
    private void closeLater(MemberInstance old) {
        // Meters are dropped at once; the HTTP client only after the longest search could still be using it.
        vertx.setTimer(config.deadline().toMillis() + 1000, id -> old.closeClient());
    }

    private static boolean sameRef(MemberEndpoint a, MemberEndpoint b) {
        return a.ref().equals(b.ref());
    }

    private static int circuitValue(CircuitBreakerState state) {
        return switch (state) {
            case CLOSED -> 0;
            case HALF_OPEN -> 1;
            case OPEN -> 2;
        };
    }
}
