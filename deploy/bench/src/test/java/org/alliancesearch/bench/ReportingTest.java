package org.alliancesearch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.alliancesearch.bench.PortalClient.SearchReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Table, arguments, and what the scenarios read from the portal's answers, metrics and GC log. */
class ReportingTest {

    @Test
    void tableNamesDateMachineAndCommandAndEscapesCells() {
        ResultTable t = new ResultTable();
        t.add(new ResultTable.Row("1 overhead", "portal HTTP API", "p50 1 ms | p95 2 ms", "—", "≤ 1.10", "yes"));
        String md = t.markdown("2026-11-29", "nproc 2", "deploy/bench/run.sh", "members asked for gzip");
        assertThat(md).startsWith("date: 2026-11-29\nmachine: nproc 2\ncommand: `deploy/bench/run.sh`\n"
                + "settings: members asked for gzip\n\n| scenario |");
        assertThat(md).contains("| 1 overhead | portal HTTP API | p50 1 ms \\| p95 2 ms | — | ≤ 1.10 | yes |");
    }

    @Test
    void argumentsSelectScenariosAndRejectUnknownOnes() {
        BenchMain.Arguments all = BenchMain.Arguments.parse(new String[0]);
        assertThat(all.scenarios()).containsExactly(1, 2, 3, 4, 5, 7);
        assertThat(all.smoke()).isFalse();
        BenchMain.Arguments some = BenchMain.Arguments.parse(new String[]{"--smoke", "--scenario", "3",
                "--scenario=1"});
        assertThat(some.smoke()).isTrue();
        assertThat(some.scenarios()).containsExactly(1, 3);
        assertThat(some.command()).isEqualTo("deploy/bench/run.sh --smoke --scenario 3 --scenario=1");
        assertThatThrownBy(() -> BenchMain.Arguments.parse(new String[]{"--scenario", "6"}))
                .hasMessageContaining("JMH");
        assertThat(BenchMain.Arguments.parse(new String[]{"--scenario", "7"}).scenarios()).containsExactly(7);
        assertThatThrownBy(() -> BenchMain.Arguments.parse(new String[]{"--scenario", "8"}))
                .hasMessageContaining("1 to 5 or 7");
        assertThatThrownBy(() -> BenchMain.Arguments.parse(new String[]{"--fast"})).hasMessageContaining("--fast");
    }

    @Test
    void aSearchCountsOnlyWhenEveryMemberAnsweredAllRecords() {
        assertThat(Scenarios.checked(new SearchReply(200, Map.of("OK", 3), 30, null), 30)).isNull();
        assertThat(Scenarios.checked(new SearchReply(200, Map.of("OK", 3), 29, null), 30)).contains("29");
        assertThat(Scenarios.checked(new SearchReply(200, Map.of("OK", 2, "REJECTED", 1), 20, null), 20))
                .contains("REJECTED");
        assertThat(Scenarios.checked(new SearchReply(429, Map.of(), 0, "rate"), 0)).startsWith("HTTP 429");
    }

    @Test
    void heapFromPrometheusSumsTheHeapPoolsOnly() {
        String metrics = """
                # TYPE jvm_memory_used_bytes gauge
                jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.048576E7
                jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 2.097152E7
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.9E7
                jvm_memory_max_bytes{area="heap",id="G1 Old Gen"} 2.68435456E8
                """;
        assertThat(Scenarios.heapUsed(metrics)).isEqualTo(10_485_760L + 20_971_520L);
    }

    @Test
    void answerBytesFromPrometheusSumOneKindOverEveryMember() {
        String metrics = """
                # TYPE alliance_connector_member_answer_bytes_total counter
                alliance_connector_member_answer_bytes_total{kind="json",member="m1"} 1.5E6
                alliance_connector_member_answer_bytes_total{kind="json",member="m2"} 500000.0
                alliance_connector_member_answer_bytes_total{kind="passed-over",member="m1"} 7.0E5
                alliance_connector_member_answer_bytes_total{kind="received",member="m1"} 9.0E4
                alliance_connector_member_answer_records_total{member="m1"} 1000.0
                """;
        assertThat(Scenarios.answerBytes(metrics, "json")).isEqualTo(2_000_000.0);
        assertThat(Scenarios.answerBytes(metrics, "passed-over")).isEqualTo(700_000.0);
        assertThat(Scenarios.answerBytes(metrics, "none")).isZero();
    }

    @Test
    void peakHeapIsTheLargestOccupancyBeforeACollectionAfterTheOffset(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("gc.log");
        String startUp = "[0.5s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 250M->20M(256M) 3ms\n";
        Files.writeString(log, startUp
                + "[9.1s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 120M->40M(256M) 5.1ms\n"
                + "[9.4s][info][gc] GC(2) Pause Young (Concurrent Start) (G1 Humongous Allocation) 198M->90M(256M)"
                + " 7.0ms\n[9.6s][info][gc] GC(3) Pause Remark 150M->150M(256M) 1.2ms\n");
        assertThat(Scenarios.peakHeapBeforeGcMb(log, startUp.length())).isEqualTo(198);
        assertThat(Scenarios.peakHeapBeforeGcMb(log, 0)).isEqualTo(250);
        assertThat(Scenarios.peakHeapBeforeGcMb(dir.resolve("missing.log"), 0)).isEqualTo(-1);
    }

    @Test
    void smokeSizesAreSmallerThanTheFullRunAndNeedFewerInstances() {
        BenchSizes full = BenchSizes.fullRun();
        BenchSizes smoke = BenchSizes.smokeRun();
        assertThat(full.instances()).isEqualTo(50);
        assertThat(smoke.instances()).isLessThan(full.instances());
        assertThat(full.memberCounts()).containsExactly(1, 5, 20, 50);
        assertThat(Set.of(full.sequentialMembers())).containsExactly(20);
        assertThat(smoke.throughputDuration()).isLessThan(full.throughputDuration());
    }

    @Test
    void theWarmUpGoesOnWhileTheCompilerIsBusyForAtMostTheGivenSlices() {
        assertThat(Scenarios.keepWarming(false, 0.42, 1, Scenarios.WARM_UP_SLICES_AT_MOST)).isTrue();
        assertThat(Scenarios.keepWarming(false, 0.11, 17, Scenarios.WARM_UP_SLICES_AT_MOST)).isTrue();
        assertThat(Scenarios.keepWarming(false, 0.10, 1, Scenarios.WARM_UP_SLICES_AT_MOST)).isFalse();
        assertThat(Scenarios.keepWarming(false, 0.42, 18, Scenarios.WARM_UP_SLICES_AT_MOST)).isFalse();
        assertThat(Scenarios.keepWarming(false, 0.42, 7, Scenarios.OVERHEAD_WARM_UP_SLICES_AT_MOST)).isTrue();
        assertThat(Scenarios.keepWarming(false, 0.42, 8, Scenarios.OVERHEAD_WARM_UP_SLICES_AT_MOST)).isFalse();
        // a smoke run only shows that the scenario works: one slice
        assertThat(Scenarios.keepWarming(true, 0.42, 1, Scenarios.WARM_UP_SLICES_AT_MOST)).isFalse();
    }

    @Test
    void cpuPerRecordIsNotANumberWhenAReadingFailed() {
        assertThat(Scenarios.microsPerRecord(1_000_000, 3_000_000, 1_000)).isEqualTo(2.0);
        assertThat(Scenarios.microsPerRecord(-1, 3_000_000, 1_000)).isNaN();
        assertThat(Scenarios.microsPerRecord(1_000_000, -1, 1_000)).isNaN();
    }

    @Test
    void scenarioOneIsMetOnlyWhenTheRatioAndTheCpuPerRecordAreBothWithinTheirTargets() {
        assertThat(Scenarios.overheadVerdict(1.15, 1.01, 0.98, 0, 1.9)).startsWith("yes (ratio p50 1.01");
        assertThat(Scenarios.overheadVerdict(1.15, 1.01, 0.98, 0, 4.77))
                .isEqualTo("**no** (ratio p50 1.01, p95 0.98, CPU 4.77 µs per record)");
        assertThat(Scenarios.overheadVerdict(1.15, 1.20, 0.98, 0, 1.9)).startsWith("**no**");
        assertThat(Scenarios.overheadVerdict(1.15, 1.01, 0.98, 1, 1.9)).startsWith("**no**");
        assertThat(Scenarios.overheadVerdict(1.15, 1.01, 0.98, 0, Double.NaN)).startsWith("**no**");
        assertThat(Scenarios.overheadVerdict(null, 1.01, 0.98, 0, 9.0)).isEqualTo("n/a (ratio p50 1.01, p95 0.98)");
    }
}
