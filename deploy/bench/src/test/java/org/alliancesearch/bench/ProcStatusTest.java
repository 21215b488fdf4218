package org.alliancesearch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.alliancesearch.bench.ProcStatus.ThreadCpu;
import org.alliancesearch.bench.ProcStatus.ThreadGroup;
import org.junit.jupiter.api.Test;

class ProcStatusTest {

    @Test
    void namesTheThreadGroupsOfAJvm() {
        assertThat(ThreadGroup.of("vert.x-eventloo")).isEqualTo(ThreadGroup.EVENT_LOOPS);
        assertThat(ThreadGroup.of("executor-thread")).isEqualTo(ThreadGroup.WORKERS);
        assertThat(ThreadGroup.of("C2 CompilerThre")).isEqualTo(ThreadGroup.JIT);
        assertThat(ThreadGroup.of("GC Thread#1")).isEqualTo(ThreadGroup.GC);
        assertThat(ThreadGroup.of("G1 Conc#0")).isEqualTo(ThreadGroup.GC);
        assertThat(ThreadGroup.of("Finalizer")).isEqualTo(ThreadGroup.OTHER);
    }

    @Test
    void countsEachThreadSinceTheFirstReadingAndANewOneFromZero() {
        Map<Long, ThreadCpu> before = Map.of(1L, new ThreadCpu(ThreadGroup.EVENT_LOOPS, 100), 2L,
                new ThreadCpu(ThreadGroup.WORKERS, 500), 3L, new ThreadCpu(ThreadGroup.JIT, 40));
        // thread 2 ended (its time is gone, not negative), 4 started, 3 is a new thread with a reused id
        Map<Long, ThreadCpu> after = Map.of(1L, new ThreadCpu(ThreadGroup.EVENT_LOOPS, 130), 3L,
                new ThreadCpu(ThreadGroup.GC, 7), 4L, new ThreadCpu(ThreadGroup.WORKERS, 20));

        assertThat(ProcStatus.usedByGroup(before, after)).containsExactlyInAnyOrderEntriesOf(
                Map.of(ThreadGroup.EVENT_LOOPS, 30L, ThreadGroup.WORKERS, 20L, ThreadGroup.GC, 7L));
    }

    @Test
    void readsTheThreadsOfThisProcess() {
        Map<Long, ThreadCpu> threads = ProcStatus.cpuByThread(ProcessHandle.current().pid());

        assertThat(threads).isNotEmpty();
        assertThat(threads.values()).allSatisfy(t -> assertThat(t.nanos()).isNotNegative());
    }
}
