package org.alliancesearch.model.merge.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

import org.alliancesearch.model.merge.IndicatorMerger;
import org.alliancesearch.model.merge.MergedResult;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.result.MemberHit;

/**
 * The same workload as {@link MergeBenchmark}, measured as CPU time of the merging thread plus garbage collection
 * time, for machines where other processes compete for the cores and wall-clock throughput says more about the
 * neighbours than about the merge. Prints the median of the runs after warm-up (system properties
 * {@code merge.warmups}, default 10, and {@code merge.runs}, default 15).
 *
 * <p>
 * Run: {@code mvn -B -pl shared-model test-compile exec:exec@merge-cputime} (see docs/benchmarks.md).
 */
public final class MergeCpuTime {
    private MergeCpuTime() {
    }

    public static void main(String[] args) {
        // Enough warm-up for the JIT to settle on its final code for both shapes (the first runs of a shape vary by 2x).
        int warmups = Integer.getInteger("merge.warmups", 10);
        int runs = Integer.getInteger("merge.runs", 15);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        IndicatorMerger merger = new IndicatorMerger();
        AlliancePolicy policy = AlliancePolicy.defaults();
        for (String arg : args.length == 0 ? new String[]{"1000", "200000"} : args) {
            int values = Integer.parseInt(arg);
            List<MemberHit> hits = MergeBenchmark.generate(values, 42);
            System.gc();
            long[] cpu = new long[runs];
            long[] gc = new long[runs];
            long[] wall = new long[runs];
            int indicators = 0;
            for (int i = -warmups; i < runs; i++) {
                long gc0 = gcMillis();
                long cpu0 = threads.getCurrentThreadCpuTime();
                long wall0 = System.nanoTime();
                MergedResult r = merger.merge(hits, policy);
                long wall1 = System.nanoTime();
                long cpu1 = threads.getCurrentThreadCpuTime();
                long gc1 = gcMillis();
                indicators = r.indicators().size();
                if (i >= 0) {
                    cpu[i] = (cpu1 - cpu0) / 1_000_000;
                    gc[i] = gc1 - gc0;
                    wall[i] = (wall1 - wall0) / 1_000_000;
                }
            }
            System.out.printf("values=%d hits=%d indicators=%d: median merge-thread CPU %d ms, GC %d ms, wall %d ms"
                    + " (CPU runs %s)%n", values, hits.size(), indicators, median(cpu), median(gc), median(wall),
                    Arrays.toString(cpu));
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
