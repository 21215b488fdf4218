package org.alliancesearch.portal.watch.service;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;

/**
 * Where a webhook receiver's answer goes: counted and dropped, since only the status is used; beyond the budget the
 * write fails, which ends the read, so a receiver that answers without end cannot hold the portal.
 */
final class ResponseBudget implements WriteStream<Buffer> {
    /** The failure of a write past the budget. */
    static final class Exceeded extends RuntimeException {
        Exceeded() {
            super("answer over the byte budget", null, false, false);
        }
    }

    private final long maxBytes;
    private long read;
    private boolean exceeded;

    ResponseBudget(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    synchronized boolean exceeded() {
        return exceeded;
    }

    @Override
    public synchronized Future<Void> write(Buffer data) {
        read += data.length();
        if (read > maxBytes) {
            exceeded = true;
            return Future.failedFuture(new Exceeded());
        }
        return Future.succeededFuture();
    }

    @Override
    public void write(Buffer data, Handler<AsyncResult<Void>> handler) {
        Future<Void> f = write(data);
        if (handler != null) {
            handler.handle(f);
        }
    }

    @Override
    public void end(Handler<AsyncResult<Void>> handler) {
        if (handler != null) {
            handler.handle(Future.succeededFuture());
        }
    }

    @Override
    public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        return this;
    }

    @Override
    public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
        return this;
    }

    @Override
    public boolean writeQueueFull() {
        return false;
    }

    @Override
    public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
        return this;
    }
}
