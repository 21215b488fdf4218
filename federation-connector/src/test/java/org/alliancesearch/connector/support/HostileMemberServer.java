package org.alliancesearch.connector.support;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

/**
 * A small Vert.x HTTP server playing a hostile member where WireMock cannot: it drips, it streams a gzip bomb, and it
 * counts the connections open right now and the bytes it managed to send.
 */
public final class HostileMemberServer implements AutoCloseable {
    private final Vertx vertx = Vertx.vertx();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicLong sent = new AtomicLong();
    private final HttpServer server;
    private volatile Consumer<HttpServerRequest> behaviour = r -> r.response().setStatusCode(404).end();

    public HostileMemberServer() throws Exception {
        server = vertx.createHttpServer()
                .connectionHandler(c -> {
                    open.incrementAndGet();
                    c.closeHandler(v -> open.decrementAndGet());
                })
                .requestHandler(r -> {
                    requests.incrementAndGet();
                    r.body().onSuccess(b -> behaviour.accept(r));
                });
        server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    public void behave(Consumer<HttpServerRequest> b) {
        behaviour = b;
    }

    public Vertx vertx() {
        return vertx;
    }

    /** Connections open right now. */
    public int openConnections() {
        return open.get();
    }

    public int requests() {
        return requests.get();
    }

    /** Bytes of bodies this server wrote so far (before compression by nobody: as sent). */
    public long sentBytes() {
        return sent.get();
    }

    public void countSent(long n) {
        sent.addAndGet(n);
    }

    public void reset() {
        requests.set(0);
        sent.set(0);
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
