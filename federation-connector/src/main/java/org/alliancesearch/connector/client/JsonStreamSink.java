package org.alliancesearch.connector.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.alliancesearch.connector.MemberMessage;
import org.alliancesearch.connector.client.PageResult.Cut;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/**
 * Reads a member's JSON answer as it arrives, with Jackson's non-blocking parser, and hands each token to the
 * subclass (which keeps one record at a time, never the whole body). Enforces what every answer is held to: the byte
 * cap of one answer, the member's and the search's byte budget (every decompressed byte charged), gzip inflated in
 * bounded steps (a gzip bomb meets the same caps), malformed or truncated JSON or gzip. Stops the read (by failing the
 * write, which ends the HTTP exchange) when a cap is reached or the JSON is malformed; what was read before stays
 * available. The first bytes are also kept for reading error bodies.
 *
 * @param <R> what one page read yields
 */
public abstract class JsonStreamSink<R> extends SynchronousSink {
    private static final int PREFIX_BYTES = 4096;

    private final long maxBytes;
    private final ReadBudget budget;
    private Gunzip gunzip;
    private long rawBytes;
    private final RepeatSkippingParser parser;
    private final ByteArrayFeeder feeder;
    /** The array last fed to the parser, and how many pieces were fed (a value read within one piece can be kept). */
    private byte[] input;
    private long feeds;
    private long passedBytes;
    private final byte[] prefix = new byte[PREFIX_BYTES];
    private byte[] chunkBuffer = new byte[0];
    private int prefixLength;
    private long bytes;
    private boolean sawToken;
    private Cut cut = Cut.NONE;
    private String cutMessage;

    /**
     * @param maxBytes bytes read at most (decompressed)
     * @param budget the member's and the search's byte budget, charged with every decompressed byte
     */
    protected JsonStreamSink(ObjectMapper mapper, long maxBytes, ReadBudget budget) {
        this.maxBytes = maxBytes;
        this.budget = budget;
        this.parser = RepeatSkippingParser.create(mapper.getFactory());
        this.feeder = parser;
    }

    /** Handles one token of the answer (never {@code NOT_AVAILABLE}); may end the read with {@link #cut}. */
    protected abstract void token(JsonParser parser, JsonToken token) throws IOException;

    /** Records read so far, readable or not (for messages). */
    protected abstract int records();

    /** What was kept so far, for messages ("12 attributes"). */
    protected abstract String kept();

    /** The page read so far. */
    public abstract R result(int serverSkipped);

    /** The body is gzip ({@code Content-Encoding: gzip}): it is inflated here, in bounded steps. */
    public synchronized void gzip() {
        if (gunzip == null) {
            gunzip = new Gunzip();
        }
    }

    @Override
    public synchronized Future<Void> write(Buffer data) {
        if (cut != Cut.NONE) {
            return Future.failedFuture(new ReadCut());
        }
        // The parser (or the inflater) has taken every byte of the last chunk when plain() (or feed()) returns: one
        // array serves all chunks (a new array per chunk was as much garbage as the records read from it).
        int length = data.length();
        if (chunkBuffer.length < length) {
            chunkBuffer = new byte[length];
        }
        data.getBytes(chunkBuffer, 0);
        if (gunzip == null) {
            plain(chunkBuffer, length);
        } else {
            rawBytes += length;
            if (rawBytes > maxBytes) {
                cut(Cut.BYTE_CAP, MemberMessage.ANSWER_TOO_LARGE_KEPT.format(maxBytes, kept()));
            } else {
                try {
                    gunzip.feed(chunkBuffer, length, this::plain);
                } catch (java.util.zip.DataFormatException | RuntimeException e) {
                    cut(Cut.MALFORMED, MemberMessage.MALFORMED_GZIP.format(records()));
                }
            }
        }
        return cut == Cut.NONE ? Future.succeededFuture() : Future.failedFuture(new ReadCut());
    }

    /** Reads decompressed bytes; false once the read is cut. */
    private boolean plain(byte[] chunk, int length) {
        if (cut != Cut.NONE) {
            return false;
        }
        int allowed = (int) Math.min(length, Math.max(0, maxBytes - bytes));
        int granted = (int) budget.grant(allowed);
        bytes += length;
        if (prefixLength < PREFIX_BYTES) {
            int n = Math.min(PREFIX_BYTES - prefixLength, length);
            System.arraycopy(chunk, 0, prefix, prefixLength, n);
            prefixLength += n;
        }
        try {
            if (granted > 0) {
                feeder.feedInput(chunk, 0, granted);
                input = chunk;
                feeds++;
                drain();
            }
        } catch (IOException | RuntimeException e) {
            cut(Cut.MALFORMED, MemberMessage.MALFORMED_JSON.format(records()));
        }
        if (cut == Cut.NONE && granted < allowed) {
            cut(Cut.BUDGET, budget.stopReason() != null ? budget.stopReason() : MemberMessage.BYTE_BUDGET.format());
        } else if (cut == Cut.NONE && allowed < length) {
            cut(Cut.BYTE_CAP, MemberMessage.ANSWER_TOO_LARGE_KEPT.format(maxBytes, kept()));
        }
        return cut == Cut.NONE;
    }

    /** Bytes the parser passed over as repeats of a value read before. */
    public synchronized long passedBytes() {
        return passedBytes;
    }

    /**
     * A value the member repeats from record to record (an attribute's event context, its tag list), kept as the bytes
     * it was last read from so that the same bytes are passed over when they come again, instead of being tokenised
     * and read again. Call {@link #atName} on the field name before the value and {@link #ended} right after the
     * value's last token; the reader restores what it read from the kept value when {@code atName} says it was
     * passed over. Same bytes after the same field name at the same place give the same tokens: nothing the member
     * sends is trusted more, and a value that differs by one byte is read in full.
     */
    protected final class RepeatedValue {
        private byte[] bytes = new byte[64];
        /** Length of the kept value, -1 when none is kept. */
        private int length = -1;
        private int start = -1;
        private long startFeed;

        /**
         * At the field name (the parser has just returned it): passes over the value that follows when its bytes are
         * those kept, leaving an empty object in its place.
         *
         * @return true when the value was passed over
         */
        public boolean atName() {
            int at = parser.position();
            if (length >= 3 && parser.end() - at >= length
                    && java.util.Arrays.equals(input, at, at + length, bytes, 0, length)) {
                parser.continueAtEmptyValue(input, at + length);
                passedBytes += length;
                start = -1;
                return true;
            }
            start = at;
            startFeed = feeds;
            return false;
        }

        /** Right after the value's last token: keeps its bytes when they came in one piece, else forgets. */
        public void ended() {
            int end = parser.position();
            if (start < 0 || startFeed != feeds) {
                length = -1;
            } else {
                length = end - start;
                if (bytes.length < length) {
                    bytes = new byte[Math.max(length, bytes.length * 2)];
                }
                System.arraycopy(input, start, bytes, 0, length);
            }
            start = -1;
        }
    }

    /** Called when the member finished sending: detects a truncated or empty answer. */
    public synchronized void finish() {
        if (cut != Cut.NONE) {
            return;
        }
        if (gunzip != null && !gunzip.finished()) {
            cut(Cut.MALFORMED, MemberMessage.GZIP_ENDED_EARLY.format(records()));
            return;
        }
        try {
            feeder.endOfInput();
            drain();
            if (!sawToken) {
                cut(Cut.MALFORMED, MemberMessage.EMPTY_ANSWER.format());
            }
        } catch (IOException | RuntimeException e) {
            cut(Cut.MALFORMED, MemberMessage.MALFORMED_JSON.format(records()));
        }
    }

    private void drain() throws IOException {
        JsonToken token;
        while (cut == Cut.NONE && (token = parser.nextToken()) != null && token != JsonToken.NOT_AVAILABLE) {
            sawToken = true;
            token(parser, token);
        }
    }

    /** Ends the read now with this reason; what was read is kept. */
    protected void cut(Cut why, String message) {
        cut = why;
        cutMessage = message;
        cutHook();
        if (gunzip != null) {
            gunzip.close();
        }
    }

    /** Lets a subclass drop a record it was reading when the read is cut. */
    protected void cutHook() {
    }

    /** Ends the read from outside (a budget used up elsewhere, the search giving up); what was read is kept. */
    public synchronized void stop(String reason) {
        if (cut == Cut.NONE) {
            cut(Cut.BUDGET, reason);
        }
    }

    /** Decompressed bytes read (the JSON). */
    public synchronized long bytesRead() {
        return bytes;
    }

    /** Bytes of the body as they came over the wire (compressed or not). */
    public synchronized long receivedBytes() {
        return gunzip == null ? bytes : rawBytes;
    }

    /** Records read so far, readable or not. */
    public synchronized int recordsRead() {
        return records();
    }

    public synchronized Cut cut() {
        return cut;
    }

    protected String cutMessage() {
        return cutMessage;
    }

    /** The first bytes of the answer as text (for error bodies). */
    public synchronized String prefixText() {
        return new String(prefix, 0, prefixLength, StandardCharsets.UTF_8);
    }

    /** Ends the HTTP exchange early; the reason is kept in the sink. */
    static final class ReadCut extends RuntimeException {
        ReadCut() {
            super(MemberMessage.READ_STOPPED.format(), null, false, false);
        }
    }
}
