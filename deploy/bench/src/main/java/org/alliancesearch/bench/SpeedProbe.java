package org.alliancesearch.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * A fixed piece of CPU work timed on the driver's thread before and after each run. The same build reads records up to
 * two and a half times slower in some periods of this machine than in others (docs/benchmarks.md), so absolute figures of runs in
 * different periods compare only beside such a probe; ratios to a baseline of the same run do not need it. The work:
 * Jackson's streaming parser over one member's answer to the measured search (its JSON, fetched once), every string's
 * text taken; the figure is the median CPU time of the thread per attribute.
 */
final class SpeedProbe {
    /** How a table's header names the probe. */
    static final String WHAT = "the driver's thread reading one member's answer to scenario 1's search with Jackson";
    /**
     * Reads before the measured ones (about 2 s): with 200, the first probe of a run, taken while the driver's JVM had
     * just started 50 members, read 1.8 times slower than the same answer in a JVM of its own.
     */
    static final int WARMUPS = 1_000;
    static final int RUNS = 31;

    private static final JsonFactory JSON = new JsonFactory();

    private SpeedProbe() {
    }

    /**
     * @param nanosPerAttribute median thread CPU time per attribute over the measured reads
     * @param attributesRead attributes found by the last read
     */
    record Result(long nanosPerAttribute, int attributesRead) {
    }

    /** Reads the answer {@code warmups} times unmeasured, then {@code runs} (at least one) times measured. */
    static Result measure(byte[] answer, int warmups, int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("a probe measures at least one read, not " + runs);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[runs];
        int read = 0;
        for (int i = -warmups; i < runs; i++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            read = attributes(answer);
            long cpu1 = threads.getCurrentThreadCpuTime();
            if (i >= 0) {
                cpu[i] = cpu1 - cpu0;
            }
        }
        if (read <= 0) {
            throw new IllegalArgumentException("the answer holds no attribute with text to read");
        }
        Arrays.sort(cpu);
        return new Result(cpu[runs / 2] / read, read);
    }

    /** The attributes of an answer, counted as objects in {@code response.Attribute}, every string read. */
    static int attributes(byte[] answer) {
        try (JsonParser p = JSON.createParser(answer)) {
            int depth = 0;
            int attributes = 0;
            long text = 0;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    depth++;
                    // {"response": {"Attribute": [ {…} ]}}: an attribute opens at depth 4
                    if (t == JsonToken.START_OBJECT && depth == 4) {
                        attributes++;
                    }
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                } else if (t == JsonToken.VALUE_STRING) {
                    text += p.getText().length();
                }
            }
            // The text is used, so that reading it cannot be left out.
            return text > 0 ? attributes : -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
