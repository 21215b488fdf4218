package org.alliancesearch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.alliancesearch.bench.MispDirect.Encoding;
import org.alliancesearch.simulator.SimulatedMisp;
import org.alliancesearch.simulator.SimulatorCluster;
import org.alliancesearch.simulator.SimulatorOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code -Dbench.compressed-answers}: one option for both sides of scenario 1's ratio, the portals' setting and the
 * baseline they are compared with.
 */
class CompressedAnswersTest {
    private static final String PORTAL_SETTING = "-Dalliance.connector.compressed-answers=false";
    private static final String[] NO_ARGS = new String[0];

    static SimulatorCluster cluster;
    static SimulatedMisp member;

    @BeforeAll
    static void start() {
        cluster = SimulatorCluster.start(SimulatorOptions.builder().instances(1).events(2).attributesPerEvent(2)
                .plant(Stack.BULK_VALUE, "domain", 50).build());
        member = cluster.instances().get(0);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static BenchMain.Arguments parse(Map<String, String> properties, String... args) {
        return BenchMain.Arguments.parse(args, properties::get);
    }

    @Test
    void theOptionIsTrueByDefaultAndTakesTrueOrFalse() {
        assertThat(parse(Map.of()).encoding()).isEqualTo(Encoding.GZIP);
        assertThat(parse(Map.of("bench.compressed-answers", "true")).encoding()).isEqualTo(Encoding.GZIP);
        assertThat(parse(Map.of("bench.compressed-answers", "false")).encoding()).isEqualTo(Encoding.PLAIN);
        assertThat(parse(Map.of("bench.compressed-answers", " false ")).encoding()).isEqualTo(Encoding.PLAIN);
        // other settings of the portals stay theirs
        assertThat(parse(Map.of("bench.compressed-answers", "false", "bench.portal.jvm", "-Xss1m"), "--scenario",
                "1").encoding()).isEqualTo(Encoding.PLAIN);
    }

    @Test
    void anyOtherValueIsRejectedWithItsName() {
        for (String wrong : List.of("no", "0", "", "FALSE", "yes")) {
            assertThatThrownBy(() -> parse(Map.of("bench.compressed-answers", wrong)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("-Dbench.compressed-answers takes true")
                    .hasMessageContaining("not '" + wrong + "'");
        }
    }

    @Test
    void thePortalsSettingGivenThroughTheirJvmOptionsIsRejected() {
        // it would leave the baseline asking for gzip while the portals ask for plain JSON
        assertThatThrownBy(() -> parse(Map.of("bench.portal.jvm", "-Xss1m " + PORTAL_SETTING)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-Dbench.compressed-answers=false instead");
    }

    @Test
    void theCommandAndTheHeaderSayHowTheMembersAreAsked() {
        BenchMain.Arguments gzip = parse(Map.of(), "--scenario", "1");
        assertThat(gzip.command()).isEqualTo("deploy/bench/run.sh --scenario 1");
        assertThat(gzip.membersAsked())
                .isEqualTo("members asked for gzip by the portal and the baselines (-Dbench.compressed-answers=true)");

        BenchMain.Arguments plain = parse(Map.of("bench.compressed-answers", "false"), "--scenario", "1");
        assertThat(plain.command()).isEqualTo("deploy/bench/run.sh -Dbench.compressed-answers=false --scenario 1");
        assertThat(plain.membersAsked()).isEqualTo(
                "members asked for plain JSON by the portal and the baselines (-Dbench.compressed-answers=false)");
        ResultTable table = new ResultTable();
        assertThat(table.markdown("2026-12-06", "nproc 2", plain.command(), plain.membersAsked()))
                .contains("\nsettings: members asked for plain JSON by the portal and the baselines");
    }

    @Test
    void thePortalsAskForPlainJsonExactlyWhenTheOptionIsFalse() {
        List<String> scenario = List.of("-Xmx256m");
        assertThat(Stack.portalJvmOptions(scenario, null, Encoding.GZIP)).containsExactly("-Xmx256m");
        assertThat(Stack.portalJvmOptions(scenario, " -Xss1m  -XX:+UseSerialGC ", Encoding.GZIP))
                .containsExactly("-Xmx256m", "-Xss1m", "-XX:+UseSerialGC")
                .noneMatch(o -> o.contains("compressed-answers"));

        assertThat(Stack.portalJvmOptions(List.of(), null, Encoding.PLAIN)).containsExactly(PORTAL_SETTING);
        assertThat(Stack.portalJvmOptions(scenario, "-Xss1m", Encoding.PLAIN))
                .containsExactly("-Xmx256m", "-Xss1m", PORTAL_SETTING);
    }

    @Test
    void theRatiosBaselineAsksAsThePortalsAndTheOtherOneIsReportedBeside() throws Exception {
        Scenarios.Baselines gzip = Scenarios.baselines(5_000, parse(Map.of()).encoding());
        assertThat(gzip.asThePortal().answerSize(member, Stack.BULK_VALUE).contentEncoding()).isEqualTo("gzip");
        assertThat(gzip.other().answerSize(member, Stack.BULK_VALUE).contentEncoding()).isEqualTo("identity");

        Scenarios.Baselines plain = Scenarios.baselines(5_000,
                parse(Map.of("bench.compressed-answers", "false")).encoding());
        assertThat(plain.asThePortal().answerSize(member, Stack.BULK_VALUE).contentEncoding()).isEqualTo("identity");
        assertThat(plain.other().answerSize(member, Stack.BULK_VALUE).contentEncoding()).isEqualTo("gzip");
        assertThat(plain.asThePortal().count(member, Stack.BULK_VALUE)).isEqualTo(50);
    }

    @Test
    void baselinesAreNamedAsBeforeWhenTheMembersAreAskedForGzip() {
        // the default run's figures keep their names; a run with plain JSON names its baseline
        assertThat("1 all members directly at once p50" + Encoding.GZIP.unlessDefault(", ") + ", 20 members")
                .isEqualTo("1 all members directly at once p50, 20 members");
        assertThat("1 all members directly at once p50" + Encoding.PLAIN.unlessDefault(", ") + ", 20 members")
                .isEqualTo("1 all members directly at once p50, plain JSON, 20 members");
        assertThat(Encoding.GZIP.other()).isEqualTo(Encoding.PLAIN);
        assertThat(Encoding.PLAIN.other()).isEqualTo(Encoding.GZIP);
    }
}
