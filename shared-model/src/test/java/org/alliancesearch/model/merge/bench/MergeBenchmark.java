package org.alliancesearch.model.merge.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.alliancesearch.model.merge.IndicatorMerger;
import org.alliancesearch.model.merge.MergedResult;
import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.misp.MispEvent;
import org.alliancesearch.model.misp.MispTag;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.result.MemberHit;
import org.alliancesearch.model.result.MemberRef;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Merge + policy over 10 members × 100,000 hits with 30% overlap (synchronised copies of shared events), realistic
 * tags (TLP in several spellings, a few percent tlp:red / PAP:RED, OSINT, galaxy and workflow tags, event tags
 * inherited onto attributes) and values with spelling variants (case, trailing dots, ip-src vs ip-dst).
 *
 * <p>
 * One benchmark operation is one hit: the score is hits per second and {@code gc.alloc.rate.norm} is bytes allocated
 * per hit. The JVM is told it has one processor, so the figure is what one core does (serial GC included).
 * {@code values} is how many distinct indicator values the hits carry: 1,000 is a full-size search (1,000 values with
 * many sightings each), 200,000 a wide one (many indicators, few sightings each).
 *
 * <p>
 * Run: {@code mvn -B -pl shared-model test-compile exec:exec@merge-benchmark} (see docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(MergeBenchmark.HITS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-Xmn3g", "-XX:ActiveProcessorCount=1"})
public class MergeBenchmark {
    static final int MEMBERS = 10;
    static final int HITS_PER_MEMBER = 100_000;
    static final int HITS = MEMBERS * HITS_PER_MEMBER;
    static final double OVERLAP = 0.30;
    static final int COPIES_PER_SHARED_ATTRIBUTE = 3;
    static final int ATTRIBUTES_PER_EVENT = 50;

    @Param({"1000", "200000"})
    public int values;

    List<MemberHit> hits;
    final IndicatorMerger merger = new IndicatorMerger();
    final AlliancePolicy policy = AlliancePolicy.defaults();

    @Setup
    public void generate() {
        hits = generate(values, 42);
        // Move the input (it is long-lived, like an answer being merged) out of the young generation now, so the
        // measured collections are the merge's own and not a one-time copy of the test data.
        System.gc();
    }

    @Benchmark
    public MergedResult mergeAndPolicy() {
        return merger.merge(hits, policy);
    }

    /** The benchmark data; deterministic for a seed. */
    public static List<MemberHit> generate(int distinctValues, long seed) {
        Random rnd = new Random(seed);
        List<MemberRef> members = new ArrayList<>();
        for (int m = 0; m < MEMBERS; m++) {
            members.add(new MemberRef("member-" + m, "MISP " + m, "Org " + m, "https://misp" + m + ".example"));
        }
        String[] orgs = new String[30];
        for (int i = 0; i < orgs.length; i++) {
            orgs[i] = "Creator Org " + i;
        }
        String[] galaxies = new String[50];
        for (int i = 0; i < galaxies.length; i++) {
            galaxies[i] = "misp-galaxy:threat-actor=\"Actor " + i + "\"";
        }
        List<List<MemberHit>> perMember = new ArrayList<>();
        for (int m = 0; m < MEMBERS; m++) {
            perMember.add(new ArrayList<>(HITS_PER_MEMBER));
        }
        // Shared attributes: synchronised events, each attribute copied to COPIES_PER_SHARED_ATTRIBUTE members.
        int sharedHitsPerMember = (int) (HITS_PER_MEMBER * OVERLAP);
        int sharedAttributes = sharedHitsPerMember * MEMBERS / COPIES_PER_SHARED_ATTRIBUTE;
        MispEvent event = null;
        for (int a = 0; a < sharedAttributes; a++) {
            if (a % ATTRIBUTES_PER_EVENT == 0) {
                event = event(rnd, orgs[rnd.nextInt(orgs.length)], galaxies);
            }
            MispAttribute attribute = attribute(rnd, distinctValues, event);
            int first = rnd.nextInt(MEMBERS);
            for (int c = 0; c < COPIES_PER_SHARED_ATTRIBUTE; c++) {
                int m = (first + c * 3) % MEMBERS;
                if (perMember.get(m).size() < sharedHitsPerMember) {
                    perMember.get(m).add(new MemberHit(members.get(m), attribute));
                }
            }
        }
        // Each member's own records fill the rest; some members hide the creator organisation.
        for (int m = 0; m < MEMBERS; m++) {
            List<MemberHit> list = perMember.get(m);
            boolean revealsOrgc = m % 4 != 3;
            int n = 0;
            while (list.size() < HITS_PER_MEMBER) {
                if (n++ % ATTRIBUTES_PER_EVENT == 0) {
                    event = event(rnd, revealsOrgc ? orgs[rnd.nextInt(orgs.length)] : null, galaxies);
                }
                list.add(new MemberHit(members.get(m), attribute(rnd, distinctValues, event)));
            }
        }
        // Members answer in parallel and the connector hands over each member's answer as it came, so hits arrive
        // member by member; inside one member's answer shared and own records are mixed.
        List<MemberHit> all = new ArrayList<>(HITS);
        for (List<MemberHit> list : perMember) {
            Collections.shuffle(list, rnd);
            all.addAll(list);
        }
        return all;
    }

    private static MispEvent event(Random rnd, String orgc, String[] galaxies) {
        List<MispTag> tags = new ArrayList<>();
        int r = rnd.nextInt(100);
        String tlp = r < 3
                ? "tlp:red"
                : r < 30
                        ? "tlp:green"
                        : r < 45
                                ? "TLP:GREEN"
                                : r < 65
                                        ? "tlp:white"
                                        : r < 70
                                                ? "tlp:clear"
                                                : r < 95 ? "tlp:amber" : "TLP:AMBER+STRICT";
        tags.add(new MispTag(tlp, true));
        if (rnd.nextInt(100) == 0) {
            tags.add(new MispTag("PAP:RED", true));
        }
        tags.add(new MispTag("osint:source-type=\"blog-post\"", true));
        tags.add(new MispTag(galaxies[rnd.nextInt(galaxies.length)], true));
        if (rnd.nextBoolean()) {
            tags.add(new MispTag("workflow:state=\"complete\"", true));
        }
        return new MispEvent(Integer.toString(rnd.nextInt(1_000_000)), new UUID(rnd.nextLong(), rnd.nextLong())
                .toString(), "OSINT report " + rnd.nextInt(10_000),
                LocalDate.of(2020 + rnd.nextInt(6), 1 + rnd
                        .nextInt(12), 1 + rnd.nextInt(28)),
                orgc, null, 1 + rnd.nextInt(4), true, Instant
                        .ofEpochSecond(1_600_000_000L + rnd.nextInt(150_000_000)),
                1, tags);
    }

    private static MispAttribute attribute(Random rnd, int distinctValues, MispEvent event) {
        int v = rnd.nextInt(distinctValues);
        String type;
        String value;
        switch (v % 4) {
            case 0 -> {
                type = rnd.nextBoolean() ? "ip-src" : "ip-dst";
                value = (10 + v % 200) + "." + (v >> 16 & 255) + "." + (v >> 8 & 255) + "." + (v & 255);
            }
            case 1 -> {
                type = rnd.nextInt(4) == 0 ? "hostname" : "domain";
                String d = "host" + v + ".example.com";
                value = rnd.nextInt(10) == 0 ? d.toUpperCase(Locale.ROOT) + "." : d;
            }
            case 2 -> {
                type = "sha256";
                String h = String.format("%064x", (long) v * 0x9E3779B97F4A7C15L);
                value = rnd.nextInt(5) == 0 ? h.toUpperCase(Locale.ROOT) : h;
            }
            default -> {
                type = "url";
                value = "https://site" + v + ".example/path/" + v + "/index.php";
            }
        }
        List<MispTag> tags = new ArrayList<>(event.tags().size() + 2);
        tags.addAll(event.tags()); // includeEventTags
        if (rnd.nextInt(3) == 0) {
            tags.add(new MispTag("osint:certainty=\"" + (50 + rnd.nextInt(5) * 10) + "\"", false));
        }
        if (rnd.nextInt(200) == 0) {
            tags.add(new MispTag("tlp:red", false));
        }
        long ts = event.timestamp().getEpochSecond() - rnd.nextInt(1_000_000);
        Instant firstSeen = rnd.nextInt(10) == 0 ? Instant.ofEpochSecond(ts - 86_400) : null;
        return new MispAttribute(Integer.toString(rnd.nextInt(10_000_000)), new UUID(rnd.nextLong(), rnd.nextLong())
                .toString(), event.id(), "0", null, "Network activity", type, value, rnd.nextInt(4) != 0,
                Instant
                        .ofEpochSecond(ts),
                firstSeen, null, 5, "", rnd.nextInt(500) == 0, tags, event);
    }
}
