package org.alliancesearch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Values of {@code /proc} files in {@code Name:   1234 kB} form (Linux). */
public final class ProcStatus {
    private ProcStatus() {
    }

    /** The value of {@code field} in kB, or -1 when absent. */
    public static long kilobytes(Path file, String field) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /**
     * CPU time a process has used so far, user and system, all its threads (JIT and GC included), in nanoseconds;
     * -1 when the system does not say. Linux counts it in clock ticks (10 ms).
     */
    public static long cpuNanos(long pid) {
        return ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration()).map(d -> d.toNanos()).orElse(-1L);
    }

    /** Peak resident set size of a process ({@code VmHWM}) in kB. */
    public static long peakRssKb(long pid) {
        return kilobytes(Path.of("/proc/" + pid + "/status"), "VmHWM");
    }
}
