package org.alliancesearch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The summary over several runs: median, minimum, maximum and the verdict on the median. */
class FiguresTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(Figures.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Figures.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
        assertThat(Figures.median(List.of(7.0))).isEqualTo(7.0);
    }

    @Test
    void judgesTheMedianNotTheBestRun() {
        Figures f = new Figures();
        Figures.Judgement ratio = Figures.Judgement.atMost("", 1.15, "≤ 1.15");
        f.add("1 ratio, 20 members", 1.10, ratio);
        f.add("1 ratio, 20 members", 1.40, ratio);
        f.add("1 ratio, 20 members", 1.20, ratio);
        Figures.Judgement rate = Figures.Judgement.atLeast("searches/s", 600, "≥ 600/s");
        f.add("4 throughput", 650, rate);
        f.add("4 throughput", 590, rate);
        f.add("4 throughput", 610, rate);
        f.add("5 peak RSS", 500, Figures.Judgement.reported("MB"));
        assertThat(f.markdown())
                .contains("| 1 ratio, 20 members | 1.20 | 1.10 | 1.40 | 3 | ≤ 1.15 | **no** |")
                .contains("| 4 throughput | 610 searches/s | 590 searches/s | 650 searches/s | 3 | ≥ 600/s | yes |")
                .contains("| 5 peak RSS | 500 MB | 500 MB | 500 MB | 1 | (reported) | n/a |");
    }

    @Test
    void scenarioOneIsJudgedAtTwentyAndFiftyMembersOnly() {
        assertThat(Scenarios.ratioLimit(false, 20)).isEqualTo(1.15);
        assertThat(Scenarios.ratioLimit(false, 50)).isEqualTo(1.30);
        assertThat(Scenarios.ratioLimit(false, 1)).isNull();
        assertThat(Scenarios.ratioLimit(false, 5)).isNull();
        assertThat(Scenarios.ratioLimit(true, 20)).isNull();
    }

    @Test
    void runsAreParsedAndBounded() {
        assertThat(BenchMain.Arguments.parse(new String[]{"--runs", "3"}).runs()).isEqualTo(3);
        assertThat(BenchMain.Arguments.parse(new String[0]).runs()).isEqualTo(1);
        assertThatThrownBy(() -> BenchMain.Arguments.parse(new String[]{"--runs", "0"})).hasMessageContaining("1 to 9");
        assertThatThrownBy(() -> BenchMain.Arguments.parse(new String[]{"--runs", "x"})).hasMessageContaining("1 to 9");
    }

    @Test
    void cpuTimeOfThisProcessIsReadAndGrows() {
        long pid = ProcessHandle.current().pid();
        long before = ProcStatus.cpuNanos(pid);
        long spin = System.nanoTime() + 200_000_000L;
        long x = 0;
        while (System.nanoTime() < spin) {
            x += System.nanoTime() % 7;
        }
        assertThat(x).isNotNegative();
        assertThat(ProcStatus.cpuNanos(pid)).isGreaterThan(before);
        assertThat(ProcStatus.cpuNanos(Long.MAX_VALUE)).isEqualTo(-1);
    }
}
