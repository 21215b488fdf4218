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

    /** Peak resident set size of a process ({@code VmHWM}) in kB. */
    public static long peakRssKb(long pid) {
        return kilobytes(Path.of("/proc/" + pid + "/status"), "VmHWM");
    }
}
