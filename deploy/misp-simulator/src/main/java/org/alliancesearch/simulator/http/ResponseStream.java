package org.alliancesearch.simulator.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * Streams a large answer from a worker thread into a chunked response in 256 KB pieces, waiting while the client's
 * write queue is full, so that a search over a million attributes never sits in memory whole (MISP streams too).
 * Writing fails with an {@link IOException} once the client has gone away.
 */
final class ResponseStream extends OutputStream {
    private static final int PIECE = 256 * 1024;
    private final HttpServerResponse response;
    private Buffer pending = Buffer.buffer(PIECE + 1024);

    ResponseStream(HttpServerResponse response) {
        this.response = response;
    }

    @Override
    public void write(int b) throws IOException {
        pending.appendByte((byte) b);
        if (pending.length() >= PIECE) {
            push();
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        pending.appendBytes(b, off, len);
        if (pending.length() >= PIECE) {
            push();
        }
    }

    private void push() throws IOException {
        if (response.closed()) {
            throw new IOException("client went away");
        }
        Buffer piece = pending;
        pending = Buffer.buffer(PIECE + 1024);
        response.write(piece);
        while (response.writeQueueFull()) {
            CountDownLatch drained = new CountDownLatch(1);
            response.drainHandler(v -> drained.countDown());
            if (!response.writeQueueFull()) {
                break;
            }
            try {
                if (!drained.await(100, TimeUnit.MILLISECONDS) && response.closed()) {
                    throw new IOException("client went away");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (response.closed()) {
            return;
        }
        response.end(pending);
    }
}
