package org.alliancesearch.model.warninglist.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.alliancesearch.model.indicator.NormalisationResult;
import org.alliancesearch.model.indicator.Normaliser;
import org.alliancesearch.model.warninglist.Warninglist;
import org.alliancesearch.model.warninglist.Warninglists;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Matching one search's 1,000 values against every bundled warninglist. Values: 300 IPv4 addresses (a tenth on a
 * list), 100 IPv6, 300 domains (a fifth on Tranco's top 10k), 150 URLs and 150 hashes (a few empty-file hashes).
 * One operation is the whole 1,000; the score is milliseconds per search.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-XX:ActiveProcessorCount=1", "-Xms1g", "-Xmx1g"})
public class WarninglistBenchmark {
    private Warninglists lists;
    private List<NormalisationResult> values;

    @Setup
    public void setUp() {
        List<Warninglist> bundled = Warninglists.bundled();
        lists = Warninglists.of(bundled);
        List<String> tranco = bundled.stream().filter(l -> l.name().contains("Tranco")).findFirst().orElseThrow()
                .entries();
        Random random = new Random(42);
        List<String> raw = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            raw.add(i % 10 == 0
                    ? "8.8." + (i % 2) + "." + (8 + i % 3)
                    : (random.nextInt(223) + 1) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                            + random.nextInt(256));
        }
        for (int i = 0; i < 100; i++) {
            raw.add("2001:db8:" + Integer.toHexString(random.nextInt(0x10000)) + "::" + Integer.toHexString(i + 1));
        }
        for (int i = 0; i < 300; i++) {
            raw.add(i % 5 == 0
                    ? "www." + tranco.get(random.nextInt(tranco.size()))
                    : "c2-" + Integer.toHexString(random.nextInt()) + ".evil-example.xyz");
        }
        for (int i = 0; i < 150; i++) {
            raw.add("https://" + (i % 5 == 0 ? tranco.get(random.nextInt(tranco.size())) : "drop" + i + ".example.top")
                    + "/gate.php?id=" + i);
        }
        for (int i = 0; i < 150; i++) {
            raw.add(i % 50 == 0 ? "d41d8cd98f00b204e9800998ecf8427e" : String.format("%064x", random.nextLong()));
        }
        values = raw.stream().map(Normaliser::normalise).toList();
    }

    @Benchmark
    public void matchOneSearch(Blackhole hole) {
        for (NormalisationResult value : values) {
            hole.consume(lists.matchSearched(value.kind(), value.value()));
        }
    }
}
