package org.alliancesearch.connector.client;

import java.nio.charset.StandardCharsets;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;

/** Keeps a small answer in memory, up to a bound; beyond it the read is stopped. */
final class BoundedBodySink implements WriteStream<Buffer> {
    private final long maxBytes;
    private final Buffer body = Buffer.buffer();
    private boolean overflow;

    BoundedBodySink(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public synchronized Future<Void> write(Buffer data) {
        if (overflow || body.length() + data.length() > maxBytes) {
            overflow = true;
            return Future.failedFuture(new AttributeStreamSink.ReadCut());
        }
        body.appendBuffer(data);
        return Future.succeededFuture();
    }

    synchronized boolean overflow() {
        return overflow;
    }

    synchronized byte[] bytes() {
        return body.getBytes();
    }

    synchronized String text() {
        return body.toString(StandardCharsets.UTF_8);
    }

    @Override
    public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        return this;
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
