package org.alliancesearch.portal.common.changes;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.SslMode;

/**
 * Tells every replica at once that a table read on each search changed, wherever the change was made: PostgreSQL
 * triggers (V34) send {@code NOTIFY alliance_changes, '<table>'} when a transaction that wrote the table commits, and
 * each replica listens on one connection of its own. While that connection is down nothing can be trusted to be
 * current, so {@link #listening()} is false, caches read the database every time, and every subscriber is told
 * (a change may have been missed); it reconnects with doubling back-off.
 */
@ApplicationScoped
public class ChangeFeed {
    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);
    /** The PostgreSQL channel the triggers notify. */
    static final String CHANNEL = "alliance_changes";
    /** The alliance policy ({@code alliance_policy}). */
    public static final String POLICY = "alliance_policy";
    /** Members, their endpoints and their stricter policies ({@code member_instance}). */
    public static final String MEMBERS = "member_instance";
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final Optional<String> url;
    private final Optional<String> user;
    private final Optional<String> password;
    private final Optional<String> sslMode;
    private final Map<String, List<Runnable>> subscribers = new ConcurrentHashMap<>();
    private final AtomicBoolean listening = new AtomicBoolean();
    private volatile boolean stopped;
    private volatile PgConnection connection;
    private volatile long retryMillis = FIRST_RETRY.toMillis();
    private volatile boolean warned;

    public ChangeFeed(Vertx vertx, @ConfigProperty(name = "quarkus.datasource.reactive.url") Optional<String> url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
            @ConfigProperty(name = "quarkus.datasource.reactive.postgresql.ssl-mode") Optional<String> sslMode) {
        this.vertx = vertx;
        this.url = url;
        this.user = user;
        this.password = password;
        this.sslMode = sslMode;
    }

    void onStart(@Observes StartupEvent event) {
        connect();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
        PgConnection c = connection;
        if (c != null) {
            c.close();
        }
    }

    /** True while this replica hears every committed change; a cache must not be trusted otherwise. */
    public boolean listening() {
        return listening.get();
    }

    /** Runs {@code onChange} after a change of {@code table}, and whenever a change may have been missed. */
    public void subscribe(String table, Runnable onChange) {
        subscribers.computeIfAbsent(table, t -> new CopyOnWriteArrayList<>()).add(onChange);
    }

    /**
     * A change this replica just committed: its own caches are told at once, before its next request, rather than
     * when the notification comes back (the other replicas hear it from PostgreSQL).
     */
    public void changedHere(String table) {
        tell(table);
    }

    private void tell(String table) {
        for (Runnable r : subscribers.getOrDefault(table, List.of())) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.errorf("A change subscriber of %s failed: %s", table, e.getClass().getName());
            }
        }
    }

    private void tellAll() {
        subscribers.keySet().forEach(this::tell);
    }

    private void connect() {
        if (stopped) {
            return;
        }
        if (url.isEmpty()) {
            LOG.warn("No reactive datasource URL: changes made through other replicas are read on every search");
            return;
        }
        PgConnectOptions options;
        try {
            options = PgConnectOptions.fromUri(url.get().replaceFirst("^vertx-reactive:", ""));
        } catch (RuntimeException e) {
            LOG.warnf("Cannot listen for changes: the datasource URL is not understood (%s)", e.getClass().getName());
            return;
        }
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        sslMode.ifPresent(mode -> options.setSslMode(SslMode.of(mode)));
        options.setReconnectAttempts(0);
        PgConnection.connect(vertx, options)
                .compose(c -> c.query("LISTEN " + CHANNEL).execute().map(rows -> c))
                .onSuccess(this::listen)
                .onFailure(e -> retry(e));
    }

    private void listen(PgConnection c) {
        connection = c;
        c.notificationHandler(n -> {
            if (CHANNEL.equals(n.getChannel())) {
                tell(n.getPayload());
            }
        });
        c.closeHandler(ignored -> {
            listening.set(false);
            connection = null;
            if (stopped) {
                return; // the replica is stopping: nothing to reload, and the database pool may be gone
            }
            tellAll();
            retry(null);
        });
        retryMillis = FIRST_RETRY.toMillis();
        warned = false;
        listening.set(true);
        // whatever changed while nobody listened
        tellAll();
        LOG.debug("Listening for changes of the policy and the members");
    }

    private void retry(Throwable cause) {
        listening.set(false);
        if (stopped) {
            return;
        }
        if (!warned) {
            // never the message: a driver may quote connection settings in it
            LOG.warnf("Not listening for changes made through other replicas (%s); searches read the policy and the"
                    + " members from the database until it is back",
                    cause == null
                            ? "connection closed"
                            : cause.getClass().getName());
            warned = true;
        }
        long delay = retryMillis;
        retryMillis = Math.min(LAST_RETRY.toMillis(), retryMillis * 2);
        vertx.setTimer(delay, id -> connect());
    }
}
