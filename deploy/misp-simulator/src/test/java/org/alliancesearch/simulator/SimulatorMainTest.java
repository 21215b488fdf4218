package org.alliancesearch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Command-line parsing and the start banner. */
class SimulatorMainTest {

    @Test
    void parsesEveryOption() {
        SimulatorOptions o = SimulatorMain.parse(new String[]{"--instances", "4", "--base-port", "9500", "--seed=7",
                "--events", "10", "--attributes-per-event", "5", "--load", "feed", "--load", "org-b=one.json",
                "--fault", "org-c=down", "--fault", "org-b=latency=100-200,error-rate=0.5", "--bind", "127.0.0.1",
                "--admin-token", "t"});
        assertThat(o.instances()).isEqualTo(4);
        assertThat(o.basePort()).isEqualTo(9500);
        assertThat(o.adminPort()).isEqualTo(9499);
        assertThat(o.seed()).isEqualTo(7);
        assertThat(o.eventsPerInstance()).isEqualTo(10);
        assertThat(o.attributesPerEvent()).isEqualTo(5);
        assertThat(o.loadForAll()).containsExactly(Path.of("feed"));
        assertThat(o.loadPerInstance().get("org-b")).containsExactly(Path.of("one.json"));
        assertThat(o.faults().get("org-c").down()).isTrue();
        assertThat(o.faults().get("org-b")).isEqualTo(Fault.parse("error-rate=0.5,latency=100-200"));
        assertThat(o.adminToken()).isEqualTo("t");
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> SimulatorMain.parse(new String[]{"--instances", "x"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--instances");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[]{"--nope", "1"}))
                .hasMessageContaining("unknown option");
        assertThatThrownBy(() -> SimulatorMain.parse(new String[]{"--fault", "org-a=explode"}))
                .hasMessageContaining("explode");
        assertThat(SimulatorMain.parse(new String[]{"--help"})).isNull();
    }

    @Test
    void faultTextRoundTrips() {
        Fault f = Fault.parse("latency=10-20,error-rate=0.25,forbidden,drip=5,malformed,truncated,oversized=3,"
                + "hostile,down");
        assertThat(Fault.parse(f.toString())).isEqualTo(f);
        assertThat(Fault.parse("none")).isEqualTo(Fault.NONE);
        assertThat(Fault.NONE.toString()).isEqualTo("none");
    }

    @Test
    void bannerPrintsUrlOrganisationKeyAndDemoValues() {
        try (SimulatorCluster cluster = SimulatorCluster
                .start(SimulatorOptions.builder().instances(3).events(5).attributesPerEvent(3).adminPort(0).build())) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            SimulatorMain.print(cluster, new PrintStream(bytes, true, StandardCharsets.UTF_8));
            String out = bytes.toString(StandardCharsets.UTF_8);
            for (SimulatedMisp misp : cluster.instances()) {
                assertThat(out).contains(misp.url(), misp.name(), misp.apiKey());
            }
            assertThat(out).contains(cluster.adminToken(), "203.0.113.77", "org-a, org-b, org-c");
        }
    }

    @Test
    void closingOneInstanceLeavesTheOthersServing() {
        try (SimulatorCluster cluster = SimulatorCluster
                .start(SimulatorOptions.builder().instances(2).events(2).attributesPerEvent(2).build())) {
            SimulatedMisp a = cluster.instance("org-a");
            a.close();
            assertThatThrownBy(() -> Http.post(a, "/attributes/restSearch", "{}"))
                    .isInstanceOf(java.io.UncheckedIOException.class);
            assertThatThrownBy(() -> a.setFault(Fault.NONE)).isInstanceOf(IllegalStateException.class);
            assertThat(Http.post(cluster.instance("org-b"), "/attributes/restSearch", "{}").status()).isEqualTo(200);
        }
    }
}
