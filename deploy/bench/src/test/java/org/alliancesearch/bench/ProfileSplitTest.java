package org.alliancesearch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.alliancesearch.bench.ProfileSplit.Part;
import org.alliancesearch.bench.ProfileSplit.Sample;
import org.alliancesearch.bench.ProfileSplit.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jdk.jfr.Recording;

class ProfileSplitTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private static Sample at(int second, String... stack) {
        return new Sample(T0.plusSeconds(second), List.of(stack));
    }

    @Test
    void eachSampleGoesToTheFirstPartInTheGivenOrderWhoseMarkerIsOnItsStack() {
        List<Sample> samples = List.of(at(0, "a.Json.parse", "x.Oidc.verify", "y.Search.run"),
                at(1, "a.Json.parse", "y.Search.run"), at(2, "b.Netty.write"), at(3, "y.Search.run"));
        List<Part> parts = List.of(Part.parse("token=Oidc"), Part.parse("search=Search.run|Search.other"));

        Split split = ProfileSplit.split(samples, parts, null);

        assertThat(split.samples()).isEqualTo(4);
        assertThat(split.byPart()).containsExactly(java.util.Map.entry("token", 1), java.util.Map.entry("search", 2),
                java.util.Map.entry("other", 1));
        assertThat(split.table()).contains("| 25.0 % | token |").contains("| 50.0 % | search |")
                .contains("| 25.0 % | other |");
    }

    @Test
    void theLastSecondsAreCountedFromTheLastSample() {
        List<Sample> samples = List.of(at(0, "w.Warm.up"), at(50, "m.Measured.one"), at(60, "m.Measured.two"));

        Split split = ProfileSplit.split(samples, List.of(Part.parse("warm=Warm")), Duration.ofSeconds(10));

        assertThat(split.samples()).isEqualTo(2);
        assertThat(split.byPart()).containsEntry("warm", 0).containsEntry("other", 2);
    }

    @Test
    void aPartWithoutMarkersIsRefused() {
        assertThatThrownBy(() -> Part.parse("token")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Part.parse("token=")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsTheJavaSamplesOfARealRecording(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("busy.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
            recording.start();
            long until = System.nanoTime() + Duration.ofMillis(400).toNanos();
            while (System.nanoTime() < until) {
                busyLoop();
            }
            recording.stop();
            recording.dump(file);
        }

        Split split = ProfileSplit.split(ProfileSplit.read(file), List.of(Part.parse("busy=ProfileSplitTest.busy")),
                null);

        assertThat(split.samples()).isPositive();
        // this thread spun in busyLoop the whole time it was recorded
        assertThat(split.byPart().get("busy")).isPositive();
    }

    private static volatile long sink;

    private static void busyLoop() {
        long x = sink;
        for (int i = 0; i < 10_000; i++) {
            x = x * 31 + i;
        }
        sink = x;
    }
}
