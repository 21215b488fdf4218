package org.alliancesearch.connector.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.alliancesearch.connector.client.PageResult.Cut;
import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.misp.MispFormatException;
import org.alliancesearch.model.misp.JsonTreeBuilder;
import org.alliancesearch.model.misp.MispJson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/**
 * Reads a MISP {@code attributes/restSearch} answer as it arrives, with Jackson's non-blocking parser: only the tokens
 * of one attribute ({@code response.Attribute[i]}) are held at a time, never the whole body. Stops the read (by failing
 * the write, which ends the HTTP exchange) when the byte cap or the record cap is reached, or the JSON is malformed;
 * what was read before stays available. The first bytes are also kept for reading error bodies.
 */
public final class AttributeStreamSink extends SynchronousSink {
    private static final int PREFIX_BYTES = 4096;

    private final long maxBytes;
    private final int maxRecords;
    private final ReadBudget budget;
    private final StringCaps caps;
    private Gunzip gunzip;
    private long rawBytes;
    private int truncated;
    private final JsonParser parser;
    private final ByteArrayFeeder feeder;
    private final List<MispAttribute> attributes = new ArrayList<>();
    private final RecordSharing sharing = new RecordSharing();
    private final byte[] prefix = new byte[PREFIX_BYTES];
    private int prefixLength;
    private long bytes;
    private int records;
    private int skipped;
    private boolean sawToken;
    private JsonTreeBuilder current;
    private Cut cut = Cut.NONE;
    private String cutMessage;

    /**
     * @param maxBytes bytes read at most (decompressed)
     * @param maxRecords readable attributes kept at most; one more ends the read with {@link Cut#RECORD_CAP}
     */
    public AttributeStreamSink(ObjectMapper mapper, long maxBytes, int maxRecords) {
        this(mapper, maxBytes, maxRecords, ReadBudget.unlimited(), StringCaps.none());
    }

    /**
     * @param budget the member's and the search's byte budget, charged with every decompressed byte
     * @param caps caps on each record's strings
     */
    public AttributeStreamSink(ObjectMapper mapper, long maxBytes, int maxRecords, ReadBudget budget, StringCaps caps) {
        this.maxBytes = maxBytes;
        this.maxRecords = maxRecords;
        this.budget = budget;
        this.caps = caps;
        try {
            this.parser = mapper.getFactory().createNonBlockingByteArrayParser();
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a JSON parser", e);
        }
        this.feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
    }

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
        byte[] chunk = data.getBytes();
        if (gunzip == null) {
            plain(chunk, chunk.length);
        } else {
            rawBytes += chunk.length;
            if (rawBytes > maxBytes) {
                cut(Cut.BYTE_CAP, "answer larger than " + maxBytes + " bytes, read stopped after " + attributes.size()
                        + " attributes");
            } else {
                try {
                    gunzip.feed(chunk, this::plain);
                } catch (java.util.zip.DataFormatException | RuntimeException e) {
                    cut(Cut.MALFORMED, "malformed gzip after " + records + " records");
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
                drain();
            }
        } catch (IOException | RuntimeException e) {
            cut(Cut.MALFORMED, "malformed JSON after " + records + " records");
        }
        if (cut == Cut.NONE && granted < allowed) {
            cut(Cut.BUDGET, budget.stopReason() != null ? budget.stopReason() : "byte budget used up");
        } else if (cut == Cut.NONE && allowed < length) {
            cut(Cut.BYTE_CAP, "answer larger than " + maxBytes + " bytes, read stopped after " + attributes.size()
                    + " attributes");
        }
        return cut == Cut.NONE;
    }

    /** Called when the member finished sending: detects a truncated or empty answer. */
    public synchronized void finish() {
        if (cut != Cut.NONE) {
            return;
        }
        if (gunzip != null && !gunzip.finished()) {
            cut(Cut.MALFORMED, "gzip answer ended early after " + records + " records");
            return;
        }
        try {
            feeder.endOfInput();
            drain();
            if (!sawToken) {
                cut(Cut.MALFORMED, "empty answer");
            }
        } catch (IOException | RuntimeException e) {
            cut(Cut.MALFORMED, "malformed JSON after " + records + " records");
        }
    }

    private void drain() throws IOException {
        JsonToken token;
        while (cut == Cut.NONE && (token = parser.nextToken()) != null && token != JsonToken.NOT_AVAILABLE) {
            sawToken = true;
            if (current != null) {
                if (current.add(parser, token)) {
                    endRecord();
                }
            } else if (inAttributeArray(token)) {
                if (token.isStructStart()) {
                    current = new JsonTreeBuilder(parser, token);
                } else if (!token.isStructEnd()) {
                    records++;
                    skipped++;
                }
            }
        }
    }

    /** True when the token is an element (or the start of one) of {@code response.Attribute[]}. */
    private boolean inAttributeArray(JsonToken token) {
        JsonStreamContext ctx = parser.getParsingContext();
        JsonStreamContext array = token.isStructStart() ? ctx.getParent() : ctx;
        if (array == null || !array.inArray() || token.isStructEnd()) {
            return false;
        }
        JsonStreamContext response = array.getParent();
        if (response == null || !response.inObject() || !"Attribute".equals(response.getCurrentName())) {
            return false;
        }
        JsonStreamContext root = response.getParent();
        return root != null && root.inObject() && "response".equals(root.getCurrentName()) && root.getParent() != null
                && root.getParent().inRoot();
    }

    private void endRecord() {
        JsonNode node = current.tree();
        current = null;
        if (attributes.size() >= maxRecords) {
            cut(Cut.RECORD_CAP, "result cap of " + maxRecords + " attributes reached");
            return;
        }
        records++;
        if (caps.apply(node)) {
            truncated++;
        }
        try {
            attributes.add(sharing.share(MispJson.attribute(node)));
        } catch (MispFormatException e) {
            skipped++;
        }
    }

    private void cut(Cut why, String message) {
        cut = why;
        cutMessage = message;
        current = null;
        if (gunzip != null) {
            gunzip.close();
        }
    }

    /** Ends the read from outside (a budget used up elsewhere, the search giving up); what was read is kept. */
    public synchronized void stop(String reason) {
        if (cut == Cut.NONE) {
            cut(Cut.BUDGET, reason);
        }
    }

    /** Decompressed bytes read (for tests). */
    public synchronized long bytesRead() {
        return bytes;
    }

    public synchronized Cut cut() {
        return cut;
    }

    /** The page read so far. */
    public synchronized PageResult result(int serverSkipped) {
        return new PageResult(attributes, records, skipped, serverSkipped, cut, cutMessage, truncated);
    }

    public synchronized int attributeCount() {
        return attributes.size();
    }

    /** The first bytes of the answer as text (for error bodies). */
    public synchronized String prefixText() {
        return new String(prefix, 0, prefixLength, StandardCharsets.UTF_8);
    }

    /** Ends the HTTP exchange early; the reason is kept in the sink. */
    static final class ReadCut extends RuntimeException {
        ReadCut() {
            super("read stopped", null, false, false);
        }
    }
}
