package org.alliancesearch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Values of {@code /proc} files in {@code Name:   1234 kB} form (Linux). */
public final class ProcStatus {
    /** Nanoseconds of one clock tick in {@code /proc/.../stat} (USER_HZ is 100 on Linux). */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ProcStatus() {
    }

    /**
     * The fields of a {@code /proc/.../stat} line after the parenthesised name (which may hold spaces): the state,
     * the parent pid, ...
     */
    private static String[] statFields(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    /** User and system CPU time of a {@link #statFields} line, in nanoseconds (its 12th and 13th fields). */
    private static long statCpuNanos(String[] statFields) {
        return (Long.parseLong(statFields[11]) + Long.parseLong(statFields[12])) * NANOS_PER_TICK;
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

    /** The groups of a JVM's threads whose CPU time {@link #usedByGroup} tells apart. */
    public enum ThreadGroup {
        EVENT_LOOPS("event loops"), WORKERS("workers"), JIT("JIT compiler"), GC("garbage collector"), OTHER("other");

        final String label;

        ThreadGroup(String label) {
            this.label = label;
        }

        static ThreadGroup of(String threadName) {
            if (threadName.startsWith("vert.x-eventloo")) {
                return EVENT_LOOPS;
            }
            if (threadName.startsWith("executor-thread") || threadName.startsWith("vert.x-worker")) {
                return WORKERS;
            }
            if (threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre")) {
                return JIT;
            }
            if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ")) {
                return GC;
            }
            return OTHER;
        }
    }

    /** CPU time a thread has used so far, user and system, in nanoseconds. */
    public record ThreadCpu(ThreadGroup group, long nanos) {
    }

    /**
     * CPU time of each live thread of a process so far, by thread id, read from {@code /proc/PID/task} (Linux; empty
     * elsewhere). A JVM's long-lived threads (event loops, compiler, collector) are all there; worker threads that
     * ended take their time with them.
     */
    public static Map<Long, ThreadCpu> cpuByThread(long pid) {
        Map<Long, ThreadCpu> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    String[] fields = statFields(Files.readString(task.resolve("stat")));
                    threads.put(Long.parseLong(task.getFileName().toString()),
                            new ThreadCpu(ThreadGroup.of(name), statCpuNanos(fields)));
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return threads;
        }
        return threads;
    }

    /**
     * CPU time used between two {@link #cpuByThread} readings by group; a thread that started in between counts from
     * zero, one that ended in between is missing.
     */
    public static EnumMap<ThreadGroup, Long> usedByGroup(Map<Long, ThreadCpu> before, Map<Long, ThreadCpu> after) {
        EnumMap<ThreadGroup, Long> used = new EnumMap<>(ThreadGroup.class);
        after.forEach((tid, now) -> {
            ThreadCpu then = before.get(tid);
            long since = then == null || then.group() != now.group() ? now.nanos() : now.nanos() - then.nanos();
            used.merge(now.group(), since, Long::sum);
        });
        return used;
    }

    /**
     * CPU time used so far by a PostgreSQL server and its backends, found by its data directory; -1 when no such
     * server runs (or the system does not say).
     */
    public static long databaseCpuNanos(Path dataDirectory) {
        return databaseCpuNanos(Path.of("/proc"), dataDirectory.toString());
    }

    /** As {@link #databaseCpuNanos(Path)}, over the process table under {@code proc}. */
    static long databaseCpuNanos(Path proc, String dataDirectory) {
        record ProcessCpu(long parent, long nanos) {
        }
        Map<Long, ProcessCpu> processes = new HashMap<>();
        long server = -1;
        try (Stream<Path> entries = Files.list(proc)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String[] fields = statFields(Files.readString(entry.resolve("stat")));
                    long pid = Long.parseLong(name);
                    processes.put(pid, new ProcessCpu(Long.parseLong(fields[1]), statCpuNanos(fields)));
                    String[] args = Files.readString(entry.resolve("cmdline")).split("\0");
                    // the server itself, not the portal JVM that names the same directory in a system property
                    if (args[0].endsWith("postgres") && List.of(args).contains(dataDirectory)) {
                        server = pid;
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return -1;
        }
        if (server < 0) {
            return -1;
        }
        long nanos = 0;
        for (Map.Entry<Long, ProcessCpu> p : processes.entrySet()) {
            if (p.getKey() == server || p.getValue().parent() == server) {
                nanos += p.getValue().nanos();
            }
        }
        return nanos;
    }

    /**
     * The whole machine's CPU time so far, over all its cores, from the first line of {@code /proc/stat}.
     *
     * @param busyNanos user, nice, system, interrupts and stolen time (a guest's time is within user already)
     * @param idleNanos idle time and time waiting for I/O
     */
    public record MachineCpu(long busyNanos, long idleNanos) {
        /** The share of the machine's cores that were busy between {@code before} and this reading. */
        public double busyShareSince(MachineCpu before) {
            long busy = busyNanos - before.busyNanos;
            long all = busy + idleNanos - before.idleNanos;
            return all <= 0 ? Double.NaN : busy / (double) all;
        }
    }

    /** The machine's CPU time so far; null when the system does not say. */
    public static MachineCpu machineCpu() {
        try {
            return machineCpu(Files.readAllLines(Path.of("/proc/stat")).get(0));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** As {@link #machineCpu()}, from the {@code cpu} line of {@code /proc/stat}. */
    static MachineCpu machineCpu(String cpuLine) {
        String[] f = cpuLine.trim().split("\\s+");
        if (!f[0].equals("cpu") || f.length < 9) {
            throw new IllegalArgumentException("not the machine's cpu line of /proc/stat: " + cpuLine);
        }
        long user = Long.parseLong(f[1]);
        long nice = Long.parseLong(f[2]);
        long system = Long.parseLong(f[3]);
        long idle = Long.parseLong(f[4]);
        long iowait = Long.parseLong(f[5]);
        long irq = Long.parseLong(f[6]);
        long softirq = Long.parseLong(f[7]);
        long steal = Long.parseLong(f[8]);
        return new MachineCpu((user + nice + system + irq + softirq + steal) * NANOS_PER_TICK,
                (idle + iowait) * NANOS_PER_TICK);
    }

    /** Peak resident set size of a process ({@code VmHWM}) in kB. */
    public static long peakRssKb(long pid) {
        return kilobytes(Path.of("/proc/" + pid + "/status"), "VmHWM");
    }
}
