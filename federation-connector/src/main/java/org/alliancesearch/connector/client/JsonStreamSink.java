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
     * and read again: a value the record before did not have in the same place (a run of {@link RepeatedFields}
     * passes over those). Call {@link #atName} on the field name before the value, with the record it is part of, and
     * {@link #ended} right after the value's last token; the reader restores what it read from the kept value when
     * {@code atName} says it was passed over. Same bytes after the same field name at the same place give the same
     * tokens: nothing the member sends is trusted more, and a value that differs by one byte is read in full.
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
        public boolean atName(RepeatedFields record) {
            int at = parser.position();
            if (length >= 3 && parser.end() - at >= length
                    && java.util.Arrays.equals(input, at, at + length, bytes, 0, length)) {
                record.structurePassed(at + length);
                parser.continueAtEmptyValue(input, at + length);
                passedBytes += length;
                start = -1;
                return true;
            }
            start = at;
            startFeed = feeds;
            return false;
        }

        /**
         * Right after the value's last token: keeps its bytes when they came in one piece, else forgets.
         *
         * @param inside the fields of the value's own level, whose runs may have been passed over in it, or null
         */
        public void ended(RepeatedFields inside) {
            int end = parser.position();
            if (start < 0 || startFeed != feeds) {
                length = -1;
            } else {
                length = end - start;
                if (bytes.length < length) {
                    bytes = new byte[Math.max(length, bytes.length * 2)];
                }
                System.arraycopy(input, start, bytes, 0, length);
                if (inside != null && inside.start >= 0) {
                    // The bytes the member sent are kept, not those the passing over left.
                    inside.putBack(bytes, inside.start - start);
                }
            }
            start = -1;
        }
    }

    /**
     * The fields of a record that repeat, byte for byte, those of the record before it (MISP sends the attributes of a
     * search one after another, and most of their fields are those of the one before: type, category, flags,
     * distribution, often the value, and the event context and the tag list), passed over as one run instead of being
     * tokenised again. Call {@link #started} right after the record's opening token, {@link #atName} at each of its
     * own field names ({@link #atStructureName} at those of the structures the reader reads and restores), then
     * {@link #valueEnded} right after a scalar value, {@link #structureEnded} right after such a structure read in
     * full, and {@link #ended} right after the record's last token; the reader takes the run's values from the record
     * before when {@code atName} says a run was passed over.
     *
     * <p>
     * A run starts after a field name and ends after a value; its bytes and the byte after them are those that
     * followed the same field name in the record before, where they were read as the values of fields one after
     * another: scalars, or structures that the reader read in full or passed over as repeats of the ones it read
     * last. So the parser would make the same tokens of them: nothing the member sends is trusted more. A record is
     * only compared with the one before when that one came in one piece and had no field twice.
     */
    protected final class RepeatedFields {
        /** Shorter runs cost more to take from the record before than to read. */
        private static final int MIN_RUN = 12;
        /** Longer records are not kept for the next one to be compared with. */
        private static final int MAX_KEPT = 65_536;
        /**
         * Fields noted per record at most (MISP's attributes have about twenty): a record with more is read in full
         * past them and never compared with, so a member's record of many small fields costs neither memory nor a
         * look-up among its names for each of them.
         */
        static final int MAX_FIELDS = 64;

        /** The record this one is a value of (its bytes hold this one's), or null. */
        private final RepeatedFields outer;
        private final Fields fields = new Fields();
        private Fields lastFields = new Fields();
        private byte[] last = new byte[2048];
        /** Bytes of the record before, from just after its opening brace to just after its closing one; -1: none. */
        private int lastLength = -1;
        private int start = -1;
        private long startFeed;
        // Where the current record's bytes were overwritten to pass a run, and the three bytes that were there.
        private int patches;
        private int[] patchAt = new int[8];
        private byte[] patchBytes = new byte[24];
        private int runFrom;
        private int runTo;

        public RepeatedFields() {
            this(null);
        }

        /**
         * @param outer the record this one is a value of (an event context's, the attribute's), told of every run
         *        passed over in this one so that the bytes it keeps are those sent
         */
        public RepeatedFields(RepeatedFields outer) {
            this.outer = outer;
        }

        /** Right after the record's opening brace. */
        public void started() {
            start = parser.position();
            startFeed = feeds;
            fields.count = 0;
            fields.tooMany = false;
            patches = 0;
        }

        /**
         * At a field name of the record's own level (the parser has just returned it): passes over the run of fields
         * that follows when it repeats the record before, leaving an empty object in its place.
         *
         * @param repeatable whether this field may begin or be part of a run
         * @return how many fields, this one first, were passed over ({@link #names} from {@link #runFrom} to
         *         {@link #runTo}), 0 when none
         */
        public int atName(String name, boolean repeatable) {
            return atName(name, repeatable, false);
        }

        /**
         * At the field name of a structure the reader reads and can restore (an attribute's {@code Event} and
         * {@code Tag}): as {@link #atName}; the structure's end is noted by {@link #structureEnded} or
         * {@link #structurePassed}, never by a scalar in its place.
         */
        public int atStructureName(String name) {
            return atName(name, true, true);
        }

        private int atName(String name, boolean repeatable, boolean structure) {
            int at = parser.position();
            if (fields.count >= MAX_FIELDS) {
                fields.tooMany = true;
                return 0;
            }
            int index = fields.add(name, at - start, -1, repeatable, structure);
            if (!repeatable || lastLength < 0 || start < 0) {
                return 0;
            }
            Fields before = lastFields;
            int j = before.find(name, index);
            if (j < 0 || before.valueEnds[j] < 0) {
                return 0;
            }
            int from = before.nameEnds[j];
            int most = Math.min(parser.end() - at, lastLength - from);
            int same = java.util.Arrays.mismatch(input, at, at + most, last, from, from + most);
            if (same < 0) {
                same = most;
            }
            // The byte after the run must be the same too: a number ends only where the next byte says.
            int to = j - 1;
            for (int k = j; k < before.count && before.valueEnds[k] >= 0 && before.valueEnds[k] - from < same; k++) {
                to = k;
            }
            if (to < j || before.valueEnds[to] - from < MIN_RUN) {
                return 0;
            }
            int length = before.valueEnds[to] - from;
            int shift = at - start - from;
            fields.valueEnds[index] = before.valueEnds[j] + shift;
            if (fields.count + to - j > MAX_FIELDS) {
                return 0;
            }
            for (int k = j + 1; k <= to; k++) {
                fields.add(before.names[k], before.nameEnds[k] + shift, before.valueEnds[k] + shift, true,
                        before.structure[k]);
            }
            patch(at + length - 3);
            parser.continueAtEmptyValue(input, at + length);
            passedBytes += length;
            runFrom = j;
            runTo = to;
            return to - j + 1;
        }

        /** The names of the record before's fields, which {@link #runFrom} and {@link #runTo} index. */
        public String[] names() {
            return lastFields.names;
        }

        public int runFrom() {
            return runFrom;
        }

        public int runTo() {
            return runTo;
        }

        /** Right after a scalar value of a field of the record's own level. */
        public void valueEnded() {
            int last = fields.count - 1;
            if (last >= 0 && !fields.tooMany && fields.repeatable[last] && !fields.structure[last]) {
                fields.valueEnds[last] = parser.position() - start;
            }
        }

        /** Right after the last token of the structure named last ({@link #atStructureName}), read in full. */
        public void structureEnded() {
            structureEndsAt(parser.position());
        }

        /**
         * The structure named last ({@link #atStructureName}) is passed over as a repeat of the one the reader read
         * last, up to {@code to}; called before the parser is moved there.
         */
        void structurePassed(int to) {
            patch(to - 3);
            structureEndsAt(to);
        }

        private void structureEndsAt(int end) {
            int last = fields.count - 1;
            if (last >= 0 && !fields.tooMany && fields.structure[last] && start >= 0) {
                fields.valueEnds[last] = end - start;
            }
        }

        /**
         * Right after the record's closing brace.
         *
         * @param keep whether the record may be the one the next is compared with (it had no field twice)
         */
        public void ended(boolean keep) {
            int end = parser.position();
            int length = end - start;
            if (!keep || start < 0 || startFeed != feeds || length > MAX_KEPT || fields.tooMany) {
                forget();
                return;
            }
            if (last.length < length) {
                last = new byte[Math.max(length, last.length * 2)];
            }
            System.arraycopy(input, start, last, 0, length);
            putBack(last, 0);
            lastLength = length;
            Fields kept = lastFields;
            lastFields = fields.copyInto(kept);
            start = -1;
        }

        /** The next record is read in full. */
        public void forget() {
            lastLength = -1;
            start = -1;
        }

        /** Notes the three bytes at {@code at} of the input, about to be overwritten to pass a value over. */
        private void patch(int at) {
            if (patches == patchAt.length) {
                patchAt = java.util.Arrays.copyOf(patchAt, patches * 2);
                patchBytes = java.util.Arrays.copyOf(patchBytes, patches * 6);
            }
            patchAt[patches] = at - start;
            System.arraycopy(input, at, patchBytes, patches * 3, 3);
            patches++;
            if (outer != null && outer.start >= 0) {
                outer.patch(at);
            }
        }

        /**
         * Where a value was passed over in this record, its last bytes were overwritten in the input: puts them back
         * into a copy of the record's bytes that starts {@code offset} bytes before the record's.
         */
        private void putBack(byte[] copy, int offset) {
            for (int i = 0; i < patches; i++) {
                System.arraycopy(patchBytes, i * 3, copy, offset + patchAt[i], 3);
            }
        }
    }

    /**
     * The fields of a record's own level: names, where each name and each value that may be part of a run ends (-1:
     * none), and whether the field is one of the structures the reader restores.
     */
    private static final class Fields {
        String[] names = new String[24];
        int[] nameEnds = new int[24];
        int[] valueEnds = new int[24];
        boolean[] repeatable = new boolean[24];
        boolean[] structure = new boolean[24];
        int count;
        /** More fields came than {@link RepeatedFields#MAX_FIELDS}. */
        boolean tooMany;

        int add(String name, int nameEnd, int valueEnd, boolean canRepeat, boolean isStructure) {
            if (count == names.length) {
                names = java.util.Arrays.copyOf(names, count * 2);
                nameEnds = java.util.Arrays.copyOf(nameEnds, count * 2);
                valueEnds = java.util.Arrays.copyOf(valueEnds, count * 2);
                repeatable = java.util.Arrays.copyOf(repeatable, count * 2);
                structure = java.util.Arrays.copyOf(structure, count * 2);
            }
            names[count] = name;
            nameEnds[count] = nameEnd;
            valueEnds[count] = valueEnd;
            repeatable[count] = canRepeat;
            structure[count] = isStructure;
            return count++;
        }

        /** The field of this name, looked for first where the record being read has it. */
        int find(String name, int index) {
            if (index < count && name.equals(names[index])) {
                return index;
            }
            for (int i = 0; i < count; i++) {
                if (name.equals(names[i])) {
                    return i;
                }
            }
            return -1;
        }

        /** Copies these fields into the other (reused) and returns it. */
        Fields copyInto(Fields other) {
            if (other.names.length < count) {
                other.names = new String[names.length];
                other.nameEnds = new int[names.length];
                other.valueEnds = new int[names.length];
                other.repeatable = new boolean[names.length];
                other.structure = new boolean[names.length];
            }
            System.arraycopy(names, 0, other.names, 0, count);
            System.arraycopy(nameEnds, 0, other.nameEnds, 0, count);
            System.arraycopy(valueEnds, 0, other.valueEnds, 0, count);
            System.arraycopy(repeatable, 0, other.repeatable, 0, count);
            System.arraycopy(structure, 0, other.structure, 0, count);
            other.count = count;
            return other;
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
