package org.alliancesearch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

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
