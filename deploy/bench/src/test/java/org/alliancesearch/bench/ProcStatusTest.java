package org.alliancesearch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.alliancesearch.bench.ProcStatus.ThreadCpu;
import org.alliancesearch.bench.ProcStatus.ThreadGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void countsTheMachinesBusyAndIdleTicksApart() {
        // user nice system idle iowait irq softirq steal guest guest_nice, in ticks of 10 ms
        ProcStatus.MachineCpu before = ProcStatus.machineCpu("cpu  100 2 30 500 8 1 4 5 50 0");
        ProcStatus.MachineCpu after = ProcStatus.machineCpu("cpu  160 2 50 540 8 1 4 5 80 0");

        assertThat(before.busyNanos()).isEqualTo(142 * 10_000_000L);
        assertThat(before.idleNanos()).isEqualTo(508 * 10_000_000L);
        // 80 ticks busy (the guest's 30 inside user's 60) and 40 idle
        assertThat(after.busyShareSince(before)).isEqualTo(80 / 120.0);
        assertThatThrownBy(() -> ProcStatus.machineCpu("cpu0 1 2 3 4 5 6 7 8"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsThisMachinesCpuTime() {
        ProcStatus.MachineCpu now = ProcStatus.machineCpu();

        assertThat(now).isNotNull();
        assertThat(now.busyNanos() + now.idleNanos()).isPositive();
    }

    @Test
    void readsTheThreadsOfThisProcess() {
        Map<Long, ThreadCpu> threads = ProcStatus.cpuByThread(ProcessHandle.current().pid());

        assertThat(threads).isNotEmpty();
        assertThat(threads.values()).allSatisfy(t -> assertThat(t.nanos()).isNotNegative());
    }

    @Test
    void countsADatabaseServerAndItsBackendsNotThePortalNamingItsDirectory(@TempDir Path proc) throws Exception {
        String dir = "/srv/portal-1/postgres";
        process(proc, 100, 1, 500, "java", "-Dalliance.database.embedded.data-dir=" + dir, "-jar", "portal.jar");
        // the server: "postgres -D dir ..."; its backends name themselves after the database
        process(proc, 200, 1, 30, "/opt/pg/bin/postgres", "-D", dir, "-p", "5432");
        process(proc, 201, 200, 12, "postgres: alliance alliance 127.0.0.1(4711) idle");
        process(proc, 202, 200, 3, "postgres: walwriter");
        // another server and its backend
        process(proc, 300, 1, 1000, "/opt/pg/bin/postgres", "-D", "/srv/portal-2/postgres");
        process(proc, 301, 300, 1000, "postgres: checkpointer");

        assertThat(ProcStatus.databaseCpuNanos(proc, dir)).isEqualTo(45 * 10_000_000L);
        assertThat(ProcStatus.databaseCpuNanos(proc, "/srv/none")).isEqualTo(-1);
    }

    /** One process under a fake {@code /proc}: its stat line (parent, user and system ticks) and command line. */
    private static void process(Path proc, long pid, long parent, long ticks, String... args) throws Exception {
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(dir.resolve("stat"), pid + " (some name) S " + parent
                + " 1 1 0 -1 4194560 100 0 0 0 " + (ticks - 1) + " 1 0 0 20 0 1 0 100 1000 10");
        Files.writeString(dir.resolve("cmdline"), String.join("\0", args) + "\0");
    }
}
