package org.alliancesearch.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/** The machine a figure was measured on: cores, memory, Java, load. */
public final class Machine {
    private Machine() {
    }

    /** E.g. {@code nproc 2 (AMD EPYC …), 23.5 GiB RAM, OpenJDK 17.0.15}. */
    public static String describe() {
        return "nproc " + Runtime.getRuntime().availableProcessors() + cpuModel() + ", "
                + String.format(Locale.ROOT, "%.1f GiB RAM", memTotalKb() / 1024.0 / 1024.0) + ", "
                + System.getProperty("java.vm.name").replace(" 64-Bit Server VM", "") + " "
                + System.getProperty("java.version");
    }

    /** The 1-minute load average, or -1 where unknown. */
    public static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * The machine's speed now at the work a portal does per record, as a yardstick for figures taken on other days:
     * this thread's CPU time to inflate a member's answer (compressed here as gzip, level 6) and take every token of it
     * with Jackson, median of {@code passes} after as many unmeasured, in ns per record. The same code and the same
     * bytes every time: only the machine moves it (the cores of this virtual machine run slower in some periods than
     * in others, by as much as the portal's own changes, see docs/benchmarks.md, tenth round).
     *
     * @param json one answer's JSON
     * @param records the records it holds
     */
    public static double referenceNanosPerRecord(byte[] json, int records, int passes) throws IOException {
        if (records <= 0 || passes <= 0) {
            throw new IllegalArgumentException("records and passes must be positive");
        }
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(json);
        }
        byte[] wire = compressed.toByteArray();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        JsonFactory factory = new JsonFactory();
        long[] nanos = new long[passes];
        long tokens = 0;
        for (int pass = -passes; pass < passes; pass++) {
            long start = threads.getCurrentThreadCpuTime();
            tokens += tokens(factory, wire);
            if (pass >= 0) {
                nanos[pass] = threads.getCurrentThreadCpuTime() - start;
            }
        }
        if (tokens == 0) {
            throw new IllegalStateException("the answer held no tokens");
        }
        Arrays.sort(nanos);
        return nanos[passes / 2] / (double) records;
    }

    /** Every token of a gzip-compressed JSON document, inflated on the fly; their number. */
    static long tokens(JsonFactory factory, byte[] gzip) throws IOException {
        long n = 0;
        try (JsonParser parser = factory.createParser(new java.util.zip.GZIPInputStream(
                new java.io.ByteArrayInputStream(gzip), 16 * 1024))) {
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if (t == JsonToken.VALUE_STRING) {
                    parser.getText();
                }
                n++;
            }
        }
        return n;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return " (" + line.substring(line.indexOf(':') + 1).trim() + ")";
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "";
    }

    private static long memTotalKb() {
        return ProcStatus.kilobytes(Path.of("/proc/meminfo"), "MemTotal");
    }
}
