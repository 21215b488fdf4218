package org.alliancesearch.portal.member.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.alliancesearch.connector.MemberEndpoint;
import org.alliancesearch.connector.MemberRegistry;
import org.alliancesearch.portal.common.changes.ChangeFeed;
import org.alliancesearch.portal.member.persistence.MemberEntity;
import org.alliancesearch.portal.member.persistence.MemberRepository;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Keeps the connector's {@link MemberRegistry} equal to the database: loaded at start, updated on every change through
 * this replica, and reconciled periodically so that changes made through another replica arrive here too. Disabled
 * members are registered with {@code enabled=false} so that searches can report them as DISABLED.
 */
@ApplicationScoped
public class MemberRegistrySync {
    private static final Logger LOG = Logger.getLogger(MemberRegistrySync.class);

    private final MemberRegistry registry;
    private final MemberRepository repository;
    private final MemberSecrets secrets;
    private final ChangeFeed changes;
    private final Vertx vertx;

    public MemberRegistrySync(MemberRegistry registry, MemberRepository repository, MemberSecrets secrets,
            ChangeFeed changes, Vertx vertx) {
        this.registry = registry;
        this.repository = repository;
        this.secrets = secrets;
        this.changes = changes;
        this.vertx = vertx;
        changes.subscribe(ChangeFeed.MEMBERS, this::changedSomewhere);
    }

    /**
     * A member changed through any replica (or a change may have been missed): reconciled now rather than at the
     * next periodic sync, so that a member disabled or deleted anywhere is asked by no replica.
     */
    private void changedSomewhere() {
        // Hibernate Reactive needs a context of its own, marked safe; notifications arrive on the listener's
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> reconcile().subscribe().with(n -> {
        }, e -> LOG.warnf("Member sync after a change failed: %s", e.getClass().getName())));
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        int count = VertxContextSupport.subscribeAndAwait(this::reconcile);
        LOG.infof("Loaded %d member instance(s) into the connector", count);
    }

    // Every replica keeps its own connector registry: this runs on each one (simple scheduler), never once via Quartz.
    @Scheduled(every = "${alliance.members.sync-interval:30s}", delayed = "${alliance.members.sync-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, executeWith = Scheduled.SIMPLE)
    Uni<Void> periodic() {
        return reconcile().replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("Member sync failed: %s", e.getClass().getName()))
                .onFailure().recoverWithNull();
    }

    /** Makes the registry equal to the live members in the database; returns their number. */
    public Uni<Integer> reconcile() {
        return Panache.withSession(repository::live).map(this::apply);
    }

    private int apply(List<MemberEntity> live) {
        Map<String, MemberEndpoint> wanted = new HashMap<>();
        for (MemberEntity m : live) {
            try {
                wanted.put(m.id.toString(), secrets.endpoint(m));
            } catch (RuntimeException e) {
                // e.g. its key id is no longer configured: leave it out rather than stop the others
                LOG.errorf("Member %s cannot be loaded: %s", m.id, e.getMessage());
            }
        }
        for (MemberEndpoint known : registry.all()) {
            if (!wanted.containsKey(known.id())) {
                registry.remove(known.id());
            }
        }
        wanted.forEach((id, endpoint) -> {
            MemberEndpoint current = registry.find(id).orElse(null);
            if (!Objects.equals(current, endpoint)) {
                registry.upsert(endpoint);
            }
        });
        return wanted.size();
    }

    /** After a committed change of one member. */
    void changed(MemberEntity m) {
        changes.changedHere(ChangeFeed.MEMBERS);
        if (m.deletedAt != null) {
            registry.remove(m.id.toString());
            LOG.debugf("Removed member %s from the connector", m.id);
        } else {
            MemberEndpoint endpoint = secrets.endpoint(m);
            registry.upsert(endpoint);
            LOG.debugf("Registered %s with the connector", endpoint);
        }
    }
}
