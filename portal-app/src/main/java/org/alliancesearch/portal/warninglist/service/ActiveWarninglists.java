package org.alliancesearch.portal.warninglist.service;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.alliancesearch.model.warninglist.InvalidWarninglistException;
import org.alliancesearch.model.warninglist.Warninglist;
import org.alliancesearch.model.warninglist.WarninglistReader;
import org.alliancesearch.model.warninglist.Warninglists;
import org.alliancesearch.portal.warninglist.persistence.WarninglistRepository;
import org.alliancesearch.portal.warninglist.persistence.WarninglistSetting;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * The warninglists searches are checked against: the bundled MISP lists with what administrators changed (a list
 * switched off, a newer version uploaded). Searches read an immutable snapshot, compiled off the event loop; a change
 * through this replica is applied before it is answered, and a change through another replica is seen by polling a
 * fingerprint of the settings ({@code alliance.warninglists.refresh-interval}, 5 s by default).
 */
@Startup
@ApplicationScoped
public class ActiveWarninglists {
    private static final Logger LOG = Logger.getLogger(ActiveWarninglists.class);
    /** Parsed once: the bundled files do not change while the portal runs. */
    private static final List<Warninglist> BUNDLED = Warninglists.bundled();

    /**
     * One list as searches use it.
     *
     * @param bundledVersion the version bundled with the portal, or null for a list only uploaded
     */
    public record ActiveList(Warninglist list, boolean enabled, boolean uploaded, Long bundledVersion) {
    }

    /** What searches read: the lists and their compiled matcher, and the fingerprint of the settings they came from. */
    record Snapshot(long fingerprint, List<ActiveList> lists, Warninglists compiled) {
        static Snapshot of(long fingerprint, List<ActiveList> lists) {
            return new Snapshot(fingerprint, lists,
                    Warninglists.of(lists.stream().filter(ActiveList::enabled).map(ActiveList::list).toList()));
        }
    }

    private final WarninglistRepository repository;
    private final Vertx vertx;
    /** Compiled once at start, from the settings (or the bundled lists alone when they cannot be read). */
    private volatile Snapshot snapshot;
    /** Refreshes in the order they started reading: a slow one must not install older settings over a newer one. */
    private final java.util.concurrent.atomic.AtomicLong started = new java.util.concurrent.atomic.AtomicLong();
    private long installed;

    public ActiveWarninglists(WarninglistRepository repository, Vertx vertx) {
        this.repository = repository;
        this.vertx = vertx;
    }

    /** The enabled lists, ready to match. */
    public Warninglists current() {
        return snapshot().compiled();
    }

    /** Every list, enabled or not, by name. */
    public List<ActiveList> lists() {
        return snapshot().lists();
    }

    public Optional<ActiveList> find(String name) {
        return snapshot().lists().stream().filter(l -> l.list().name().equals(name)).findFirst();
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        return current != null ? current : bundledOnly();
    }

    /** The bundled lists alone, until the settings could be read; any refresh replaces them. */
    private synchronized Snapshot bundledOnly() {
        if (snapshot == null) {
            snapshot = Snapshot.of(-1, effective(BUNDLED, List.of()));
        }
        return snapshot;
    }

    void onStart(@Observes StartupEvent event) {
        try {
            VertxContextSupport.subscribeAndAwait(this::refresh);
        } catch (Throwable e) {
            // searches still run with the bundled lists; the next poll tries again
            LOG.warnf("Warninglist settings could not be read at start (%s); the bundled lists are used",
                    e.getClass().getName());
            bundledOnly();
        }
    }

    // Each replica polls for its own compiled snapshot: on each one (simple scheduler), never once via Quartz.
    @Scheduled(every = "${alliance.warninglists.refresh-interval:5s}", delayed = "${alliance.warninglists.refresh-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class, executeWith = Scheduled.SIMPLE)
    Uni<Void> poll() {
        return Panache.withSession(repository::fingerprint)
                .flatMap(fingerprint -> fingerprint == snapshot().fingerprint()
                        ? Uni.createFrom().voidItem()
                        : refresh())
                .onFailure().invoke(e -> LOG.warnf("Warninglist refresh failed: %s", e.getClass().getName()))
                .onFailure().recoverWithNull();
    }

    /** Reads the settings and compiles a new snapshot on a worker thread; answers back on the caller's context. */
    public Uni<Void> refresh() {
        return Panache.withSession(() -> {
            long ticket = started.incrementAndGet();
            return repository.fingerprint().flatMap(fingerprint -> repository.all()
                    .map(rows -> Map.entry(ticket, Map.entry(fingerprint, rows))));
        }).flatMap(read -> vertx.executeBlocking(Uni.createFrom().item(() -> Map.entry(read.getKey(),
                Snapshot.of(read.getValue().getKey(), effective(BUNDLED, read.getValue().getValue()))))))
                .invoke(next -> install(next.getKey(), next.getValue())).replaceWithVoid();
    }

    private synchronized void install(long ticket, Snapshot next) {
        if (ticket > installed) {
            installed = ticket;
            snapshot = next;
        }
    }

    /**
     * The bundled lists as the settings change them: a row's upload replaces the bundled version while it is newer,
     * its flag switches it; an uploaded list of a new name is added. An upload that no longer reads is left out (the bundled version,
     * if any, stays), so that one bad row never stops the others.
     */
    static List<ActiveList> effective(List<Warninglist> bundled, List<WarninglistSetting> rows) {
        Map<String, WarninglistSetting> byName = new HashMap<>();
        rows.forEach(r -> byName.put(r.name, r));
        List<ActiveList> lists = new ArrayList<>();
        for (Warninglist b : bundled) {
            WarninglistSetting row = byName.remove(b.name());
            Warninglist uploaded = row == null ? null : uploaded(row);
            if (uploaded != null && uploaded.version() <= b.version()) {
                uploaded = null; // a portal release bundling a newer version supersedes an older upload
            }
            lists.add(new ActiveList(uploaded == null ? b : uploaded, row == null || row.enabled, uploaded != null,
                    b.version()));
        }
        for (WarninglistSetting row : byName.values()) {
            Warninglist uploaded = uploaded(row);
            if (uploaded != null) {
                lists.add(new ActiveList(uploaded, row.enabled, true, null));
            }
        }
        lists.sort((a, b) -> a.list().name().compareToIgnoreCase(b.list().name()));
        return List.copyOf(lists);
    }

    private static Warninglist uploaded(WarninglistSetting row) {
        if (row.uploadedJson == null) {
            return null;
        }
        try {
            Warninglist list = WarninglistReader.read(row.uploadedJson.getBytes(StandardCharsets.UTF_8));
            return list.name().equals(row.name) ? list : null;
        } catch (InvalidWarninglistException e) {
            LOG.errorf("Uploaded warninglist '%s' no longer reads (%s); left out", row.name, e.code());
            return null;
        }
    }
}
