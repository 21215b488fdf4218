package org.alliancesearch.model.misp.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The workload of {@link AttributeReadBenchmark} measured as CPU time of the reading thread plus garbage collection
 * time, for machines where other processes compete for the cores (wall-clock scores there say more about the
 * neighbours). The two paths run alternately; prints the median per attribute after warm-up (system properties
 * {@code read.warmups}, default 10, and {@code read.runs}, default 15).
 *
 * <p>
 * Run: {@code mvn -o -B -pl shared-model test-compile exec:exec@attribute-read-cputime}.
 */
public final class AttributeReadCpuTime {
    private AttributeReadCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        int warmups = Integer.getInteger("read.warmups", 10);
        int runs = Integer.getInteger("read.runs", 15);
        AttributeReadBenchmark bench = new AttributeReadBenchmark();
        bench.generate();
        System.gc();
        String[] names = {"treePath", "tokenReader", "tokensOnly"};
        List<Callable<Object>> paths = List.of(bench::treePath, bench::tokenReader, bench::tokensOnly);
        long[][] cpu = new long[paths.size()][runs];
        long[][] gc = new long[paths.size()][runs];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = -warmups; i < runs; i++) {
            for (int p = 0; p < paths.size(); p++) {
                long gc0 = gcMillis();
                long cpu0 = threads.getCurrentThreadCpuTime();
                paths.get(p).call();
                long cpu1 = threads.getCurrentThreadCpuTime();
                long gc1 = gcMillis();
                if (i >= 0) {
                    cpu[p][i] = cpu1 - cpu0;
                    gc[p][i] = gc1 - gc0;
                }
            }
        }
        System.out.printf("%d attributes, %d bytes%n", AttributeReadBenchmark.ATTRIBUTES, bench.answer.length);
        for (int p = 0; p < paths.size(); p++) {
            System.out.printf(
                    "%-12s median reading-thread CPU %6d ns/attribute, GC %4d ms per answer (CPU runs ms %s)%n",
                    names[p], median(cpu[p]) / AttributeReadBenchmark.ATTRIBUTES, median(gc[p]),
                    Arrays.toString(Arrays.stream(cpu[p]).map(n -> n / 1_000_000).toArray()));
        }
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
