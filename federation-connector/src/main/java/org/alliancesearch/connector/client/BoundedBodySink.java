package org.alliancesearch.connector.client;

import java.nio.charset.StandardCharsets;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/** Keeps a small answer in memory, up to a bound; beyond it the read is stopped. */
final class BoundedBodySink extends SynchronousSink {
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
            return Future.failedFuture(new JsonStreamSink.ReadCut());
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
}
