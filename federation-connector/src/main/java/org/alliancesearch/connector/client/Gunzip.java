package org.alliancesearch.connector.client;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates a gzip body as it arrives, in steps of at most {@value #STEP} bytes, each handed to the consumer before the
 * next is inflated: a gzip bomb never grows in memory beyond one step, and the consumer (which counts the
 * decompressed bytes against the budgets) stops it as soon as a budget is used up.
 */
final class Gunzip {
    static final int STEP = 16 * 1024;
    private static final int MAX_HEADER = 16 * 1024;

    /** Takes one inflated step; false stops the inflation. */
    interface Output {
        boolean accept(byte[] data, int length);
    }

    private final Inflater inflater = new Inflater(true);
    private final byte[] out = new byte[STEP];
    private ByteArrayOutputStream header = new ByteArrayOutputStream();
    private boolean finished;

    /**
     * Feeds the first {@code length} compressed bytes of {@code chunk}; returns false when the output stopped it.
     *
     * @throws DataFormatException when the body is not gzip
     */
    boolean feed(byte[] chunk, int length, Output output) throws DataFormatException {
        if (finished) {
            return true;
        }
        byte[] input = chunk;
        int offset = 0;
        int end = length;
        if (header != null) {
            header.write(chunk, 0, length);
            byte[] h = header.toByteArray();
            int start = headerLength(h);
            if (start < 0) {
                if (h.length > MAX_HEADER) {
                    throw new DataFormatException("gzip header too long");
                }
                return true;
            }
            header = null;
            input = h;
            offset = start;
            end = h.length;
        }
        // Inflates until the inflater needs more input: when this returns, none of the chunk is left to read (unless
        // the stream finished or the output stopped it), so the caller may fill the same array again.
        inflater.setInput(input, offset, end - offset);
        while (true) {
            int n = inflater.inflate(out);
            if (n > 0 && !output.accept(out, n)) {
                return false;
            }
            if (inflater.finished()) {
                finished = true;
                inflater.end();
                return true;
            }
            if (inflater.needsDictionary()) {
                throw new DataFormatException("gzip stream needs a dictionary");
            }
            if (n == 0 && inflater.needsInput()) {
                return true;
            }
        }
    }

    /** True when the whole gzip stream was read (its trailer may still be on the way). */
    boolean finished() {
        return finished;
    }

    void close() {
        inflater.end();
    }

    /** Length of the gzip header at the start of {@code h}, or -1 when incomplete. */
    static int headerLength(byte[] h) throws DataFormatException {
        if (h.length < 10) {
            return -1;
        }
        if ((h[0] & 0xff) != 0x1f || (h[1] & 0xff) != 0x8b || h[2] != 8) {
            throw new DataFormatException("not gzip");
        }
        int flags = h[3] & 0xff;
        int p = 10;
        if ((flags & 4) != 0) {
            if (h.length < p + 2) {
                return -1;
            }
            p += 2 + ((h[p] & 0xff) | (h[p + 1] & 0xff) << 8);
        }
        for (int bit : new int[]{8, 16}) {
            if ((flags & bit) != 0) {
                while (p < h.length && h[p] != 0) {
                    p++;
                }
                if (p >= h.length) {
                    return -1;
                }
                p++;
            }
        }
        if ((flags & 2) != 0) {
            p += 2;
        }
        return p <= h.length ? p : -1;
    }
}
