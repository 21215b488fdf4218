package org.alliancesearch.simulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.alliancesearch.simulator.http.MispApi;
import org.alliancesearch.simulator.store.MispStore;
import org.alliancesearch.simulator.store.Organisation;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

/**
 * One simulated MISP server: its own port, organisation, API keys and data. Obtained from
 * {@link SimulatorCluster#instances()}; closed with the cluster.
 */
public final class SimulatedMisp {
    private final Vertx vertx;
    private final String host;
    private final MispStore store;
    private final List<String> apiKeys;
    private final Router router;
    private final MispApi api;
    private volatile Fault fault = Fault.NONE;
    private volatile HttpServer server;
    private volatile int port;
    private volatile boolean closed;
    /**
     * While {@code down}: a socket bound to the port but not listening, so connections are refused and the operating
     * system cannot hand the port to an outgoing connection (the listening port was an ephemeral one), which would
     * keep the member from coming back.
     */
    private Socket reservation;

    SimulatedMisp(Vertx vertx, String host, MispStore store, List<String> apiKeys, String serverUuid, long seed,
            java.util.function.Function<String, MispStore> peers) {
        this.vertx = vertx;
        this.host = host;
        this.store = store;
        this.apiKeys = List.copyOf(apiKeys);
        this.api = new MispApi(vertx, store, Set.copyOf(apiKeys), () -> fault, serverUuid,
                "api@" + store.owner().name() + ".example", seed, peers);
        this.router = api.router();
    }

    Future<Void> listen(int requestedPort) {
        // a gzip bomb is encoded already: the server's own compression would wrap it a second time
        boolean compress = fault.tricks().gzipBombMb() == 0;
        HttpServer s = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(requestedPort)
                .setCompressionSupported(compress).setDecompressionSupported(true)
                // HTTP/1.1 only, as MISP behind its web server: no h2c upgrade of a client's request
                .setHttp2ClearTextEnabled(false));
        return s.requestHandler(router).listen().map(started -> {
            server = started;
            port = started.actualPort();
            return null;
        });
    }

    /** The organisation running this server (its {@code Orgc} on own events). */
    public Organisation organisation() {
        return store.owner();
    }

    /** The organisation's short name ({@code org-a}, …). */
    public String name() {
        return store.owner().name();
    }

    /** Base URL, e.g. {@code http://127.0.0.1:9441}. */
    public String url() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port;
    }

    public int port() {
        return port;
    }

    /** The first API key (give it in {@code Authorization}). */
    public String apiKey() {
        return apiKeys.get(0);
    }

    /** Every accepted API key. */
    public List<String> apiKeys() {
        return apiKeys;
    }

    /** The data of this server (read-only use). */
    public MispStore store() {
        return store;
    }

    /**
     * Adds records while the server runs, so that "something new" happens with the dates the caller gives: MISP event
     * JSON as restSearch or an export answers it ({@code {"Event": {...}}}, a bare event, a list of them or
     * {@code {"response": [...]}}), with {@code date}, {@code timestamp}, {@code publish_timestamp},
     * {@code published} and the attributes' {@code timestamp}. Later searches see them. Returns how many events were
     * added.
     */
    public int addEvents(com.fasterxml.jackson.databind.JsonNode events) {
        return org.alliancesearch.simulator.data.MispLoader.loadTree(store, events,
                "runtime-" + java.util.UUID.randomUUID());
    }

    /** Adds one event built in code (see {@link #addEvents}); returns its local id. */
    public int addEvent(org.alliancesearch.simulator.store.EventDraft event) {
        return store.addEvent(event) + 1;
    }

    /** Gives or takes {@code perm_sighting} from one of this server's keys (every key has it at start). */
    public void setSightingPermission(String apiKey, boolean allowed) {
        api.sightingPermission(apiKey, allowed);
    }

    /** Whether a key of this server may add sightings. */
    public boolean sightingAllowed(String apiKey) {
        return api.sightingAllowed(apiKey);
    }

    public Fault fault() {
        return fault;
    }

    /**
     * Switches the fault mode and waits until it is in force (for {@code down}: the port is closed; back from
     * {@code down}: listening again). Do not call on a Vert.x event-loop thread; use {@link #applyFault(Fault)}
     * there.
     */
    public void setFault(Fault newFault) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("setFault blocks; use applyFault on an event loop");
        }
        try {
            applyFault(newFault).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not apply fault " + newFault + " to " + name(), e);
        }
    }

    /**
     * Switches the fault mode without blocking. The new fault is kept only when the switch worked: if the port cannot
     * be listened on again, the member stays {@code down} and a later call tries again.
     */
    public synchronized Future<Void> applyFault(Fault newFault) {
        if (closed) {
            return Future.failedFuture(name() + " is closed");
        }
        Fault old = fault;
        fault = newFault;
        if (newFault.down() && !old.down() && server != null) {
            HttpServer s = server;
            server = null;
            return s.close().compose(v -> reserve(20));
        }
        if (!newFault.down() && old.down() && server == null) {
            release();
            return listenAgain(RELISTEN_TRIES).recover(e -> {
                synchronized (this) {
                    fault = old;
                    reserve();
                }
                return Future.failedFuture(e);
            });
        }
        if ((newFault.tricks().gzipBombMb() > 0) != (old.tricks().gzipBombMb() > 0) && server != null) {
            HttpServer s = server;
            server = null;
            return s.close().compose(closed -> listenAgain(RELISTEN_TRIES));
        }
        return Future.succeededFuture();
    }

    /** How often {@link #listenAgain(int)} tries, 50 ms apart: the closed listener may hold the port a moment. */
    private static final int RELISTEN_TRIES = 40;

    /**
     * Listens on this member's port again after its listener was closed. The operating system may refuse the port
     * for a moment after the close (seen as "Address already in use"), so a refused bind is tried again.
     */
    private Future<Void> listenAgain(int tries) {
        return listen(port).recover(e -> {
            if (tries <= 1 || closed) {
                return Future.failedFuture(e);
            }
            io.vertx.core.Promise<Void> later = io.vertx.core.Promise.promise();
            vertx.setTimer(50, id -> listenAgain(tries - 1).onComplete(later));
            return later.future();
        });
    }

    /**
     * Holds the port of a {@code down} member (see {@link #reservation}). The closed listener may hold the port a
     * moment longer, so a refused bind is tried again, every 50 ms, this many times; if it never works, coming back up
     * reports it.
     */
    private Future<Void> reserve(int tries) {
        if (tryReserve() || tries <= 1) {
            return Future.succeededFuture();
        }
        io.vertx.core.Promise<Void> later = io.vertx.core.Promise.promise();
        vertx.setTimer(50, id -> reserve(tries - 1).onComplete(later));
        return later.future();
    }

    private void reserve() {
        tryReserve();
    }

    /** Whether the port is held now (or need not be). */
    private synchronized boolean tryReserve() {
        if (reservation != null || closed || !fault.down()) {
            return true;
        }
        Socket s = new Socket();
        try {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(host, port));
            reservation = s;
            return true;
        } catch (IOException e) {
            closeQuietly(s);
            return false;
        }
    }

    private synchronized void release() {
        if (reservation != null) {
            closeQuietly(reservation);
            reservation = null;
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing held any more
        }
    }

    /**
     * Stops this server for good (the port is released; {@link #setFault(Fault)} does not bring it back). The
     * cluster closes every instance on {@link SimulatorCluster#close()}; this is for a test that wants one member gone.
     */
    public void close() {
        synchronized (this) {
            closed = true;
            fault = Fault.serverDown();
        }
        try {
            stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not stop " + name(), e);
        }
    }

    Future<Void> stop() {
        release();
        HttpServer s = server;
        server = null;
        return s == null ? Future.succeededFuture() : s.close();
    }

    @Override
    public String toString() {
        return name() + " " + url();
    }
}
