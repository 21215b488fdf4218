package org.alliancesearch.drill;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.alliancesearch.bench.ProcStatus;
import org.alliancesearch.demo.PortalProcess;
import org.alliancesearch.simulator.Fault;
import org.alliancesearch.simulator.SimulatedMisp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Scenario 1: one simulated member per hostile mode, all at once beside three honest ones. The honest members'
 * indicators must come out byte for byte as in a run without the hostile ones.
 */
final class HostileMembers {
    static final List<String> HONEST = List.of("org-a", "org-b", "org-c");
    /** Values only the honest members hold (what the byte comparison covers). */
    static final List<String> HONEST_VALUES = List.of("h1.drill.example", "h2.drill.example", "h3.drill.example");
    /** Values every member holds, so that the hostile ones answer with their tricks. */
    static final List<String> SHARED_VALUES = List.of("s1.drill.example", "s2.drill.example");
    /** Hostile member org-d onwards, one mode each. */
    static final List<String> MODES = List.of("hostile", "rtl", "bad-utf8", "malformed", "deep-json=10000",
            "duplicate-keys", "oversized=200", "huge-records=256", "gzip-bomb=1024", "drip=50",
            "redirect=http://127.0.0.2:9/attributes/restSearch", "wrong-content-type", "reuse-uuids=org-a",
            "forged-orgc=org-b", "unsearched-values");
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final Alliance alliance;
    private final PortalApi api;
    private final DrillSizes sizes;
    private final Report report;
    private final List<String> hostileIds = new ArrayList<>();

    HostileMembers(Alliance alliance, PortalApi api, DrillSizes sizes, Report report) {
        this.alliance = alliance;
        this.api = api;
        this.sizes = sizes;
        this.report = report;
    }

    static String hostileOrg(int i) {
        return org.alliancesearch.simulator.SimulatorOptions.organisationName(HONEST.size() + i);
    }

    static String mode(int i, DrillSizes sizes) {
        return MODES.get(i).replace("oversized=200", "oversized=" + sizes.oversizedMb());
    }

    /** Ids of the hostile members, to remove them before the next scenario. */
    List<String> hostileIds() {
        return hostileIds;
    }

    void run(PortalProcess portal) throws IOException, InterruptedException {
        String base = portal.url();
        String s = "1 hostile members";
        List<String> values = new ArrayList<>(HONEST_VALUES);
        values.addAll(SHARED_VALUES);
        for (String org : HONEST) {
            api.addMember(base, alliance.member(org), 5000);
        }
        Http.Reply baseline = api.search(base, Callers.ADMIN, values);
        if (baseline.status() != 200) {
            throw new IllegalStateException("the baseline search failed: " + baseline.brief());
        }
        String expected = honestIndicators(baseline.json());
        String expectedUntagged = withoutTags(expected);
        Files.writeString(alliance.work().resolve("honest-baseline.json"), expected);

        Set<Integer> hostilePorts = new HashSet<>();
        for (int i = 0; i < MODES.size(); i++) {
            SimulatedMisp m = alliance.member(hostileOrg(i));
            m.setFault(Fault.parse(mode(i, sizes)));
            hostilePorts.add(m.port());
            hostileIds.add(api.addMember(base, m, 5000));
        }
        AtomicLong peakHeap = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<String> heapMissing = new java.util.concurrent.atomic.AtomicReference<>();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    peakHeap.accumulateAndGet(heapBytes(portal.managementUrl()), Math::max);
                } catch (IllegalStateException e) {
                    heapMissing.compareAndSet(null, e.getMessage());
                }
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        int answered = 0;
        int identical = 0;
        int identicalUntagged = 0;
        TreeMap<String, String> statuses = new TreeMap<>();
        String firstDifference = null;
        long t0 = System.nanoTime();
        for (int i = 0; i < sizes.hostileSearches(); i++) {
            Http.Reply r = api.search(base, Callers.ADMIN, values);
            if (r.status() == 200) {
                answered++;
                String got = honestIndicators(r.json());
                if (withoutTags(got).equals(expectedUntagged)) {
                    identicalUntagged++;
                }
                if (got.equals(expected)) {
                    identical++;
                } else if (firstDifference == null) {
                    firstDifference = "see target/drill-run/honest-differs.json";
                    Files.writeString(alliance.work().resolve("honest-differs.json"), got);
                }
                PortalApi.statuses(r.json()).forEach((org, st) -> statuses.put(org, st));
            } else {
                report.note("scenario 1: search " + (i + 1) + " answered " + r.brief());
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        sampler.interrupt();
        Thread.sleep(5000);
        int connections = connectionsTo(hostilePorts);
        report.add(s, "searches answered (hostile members in each)", answered + " of " + sizes.hostileSearches()
                + String.format(Locale.ROOT, " (%.1f s each)", seconds / Math.max(1, sizes.hostileSearches())),
                "all", answered == sizes.hostileSearches(), null, true);
        report.add(s, "portal restarts", portal.isAlive() ? 0 : 1, "0", portal.isAlive(),
                portal.isAlive() ? null : "the portal died", true);
        report.add(s, "honest indicators byte-identical to the run without hostile members, tags aside",
                identicalUntagged + " of " + answered, "all", identicalUntagged == answered && answered > 0,
                identicalUntagged == answered ? null : firstDifference, true);
        // The creator's own copy speaks for a record's tags: a member reusing another member's uuids adds none.
        boolean tagsToo = identical == answered && answered > 0;
        report.add(s, "honest indicators byte-identical to the run without hostile members, tags included",
                identical + " of " + answered, "all", tagsToo, tagsToo ? null : firstDifference, true);
        if (peakHeap.get() == 0) {
            // a missing figure is a failure of the drill, not a heap of 0 MB
            report.add(s, "peak heap used (portal, -Xmx512m)", "missing", "< 512 MB", false, heapMissing.get(), true);
        } else {
            report.add(s, "peak heap used (portal, -Xmx512m)", peakHeap.get() / (1024 * 1024) + " MB", "< 512 MB",
                    peakHeap.get() < 512L * 1024 * 1024, null, false);
        }
        long rssKb = ProcStatus.peakRssKb(portal.pid());
        if (rssKb <= 0) {
            report.add(s, "peak RSS (portal)", "missing", "a figure", false,
                    "no VmHWM in /proc/" + portal.pid() + "/status", true);
        } else {
            report.info(s, "peak RSS (portal)", rssKb / 1024 + " MB", null);
        }
        report.add(s, "connections open to hostile members 5 s after the run", connections,
                "≤ " + MODES.size() + " (one idle keep-alive each)", connections <= MODES.size(), null, false);
        StringBuilder st = new StringBuilder();
        for (int i = 0; i < MODES.size(); i++) {
            st.append(mode(i, sizes)).append(" → ").append(statuses.getOrDefault(hostileOrg(i), "?")).append("; ");
        }
        report.info(s, "status the portal gave each hostile member", st.toString(), null);
    }

    /**
     * The indicators of honest-only values, as honest members make them: member and organisation lists and events
     * restricted to the honest ones, every other field as the portal answered it, in canonical JSON.
     */
    static String honestIndicators(JsonNode answer) throws IOException {
        TreeMap<String, JsonNode> byValue = new TreeMap<>();
        for (JsonNode ind : answer.path("indicators")) {
            String value = ind.path("value").asText();
            if (!HONEST_VALUES.contains(value)) {
                continue;
            }
            ObjectNode copy = ind.deepCopy();
            copy.set("organisations", honestOnly(ind.path("organisations")));
            ArrayNode members = Http.JSON.createArrayNode();
            for (JsonNode m : ind.path("members")) {
                if (HONEST.stream().anyMatch(o -> m.asText().equals("MISP " + o))) {
                    members.add(m);
                }
            }
            copy.set("members", members);
            ArrayNode events = Http.JSON.createArrayNode();
            for (JsonNode e : ind.path("events")) {
                if (HONEST.contains(e.path("organisation").asText())
                        && HONEST.stream().anyMatch(o -> e.path("member").asText().equals("MISP " + o))) {
                    events.add(e);
                }
            }
            copy.set("events", events);
            byValue.put(value, copy);
        }
        Object plain = CANONICAL.treeToValue(CANONICAL.valueToTree(byValue), Object.class);
        return CANONICAL.writerWithDefaultPrettyPrinter().writeValueAsString(plain);
    }

    private static ArrayNode honestOnly(JsonNode orgs) {
        ArrayNode out = Http.JSON.createArrayNode();
        for (JsonNode o : orgs) {
            if (HONEST.contains(o.asText())) {
                out.add(o);
            }
        }
        return out;
    }

    /** The canonical JSON of {@link #honestIndicators} without any {@code tags} field. */
    static String withoutTags(String canonical) throws IOException {
        JsonNode tree = CANONICAL.readTree(canonical);
        stripTags(tree);
        return CANONICAL.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    }

    private static void stripTags(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove("tags");
        }
        node.forEach(HostileMembers::stripTags);
    }

    /**
     * Heap in use by the portal: the sum of {@code jvm_memory_used_bytes{area="heap"}} over the heap pools of its
     * Prometheus metrics. The metrics route only produces {@code text/plain}, so it is asked for that (with the API's
     * {@code Accept: application/json} it answers no metrics at all). A figure the drill needs never reads 0: when the
     * metric is missing this fails, naming what the endpoint answered.
     */
    static long heapBytes(String management) {
        Http.Reply r = Http.send("GET", management + "/q/metrics", null, null, null, java.time.Duration.ofSeconds(30),
                "text/plain");
        long sum = 0;
        int pools = 0;
        for (String line : r.body().split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                try {
                    sum += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    pools++;
                } catch (NumberFormatException e) {
                    // not a sample line
                }
            }
        }
        if (pools == 0) {
            throw new IllegalStateException(
                    "no jvm_memory_used_bytes{area=\"heap\"} in " + management + "/q/metrics (HTTP "
                            + r.brief() + ")");
        }
        return sum;
    }

    /** Established TCP connections from this machine to any of {@code ports} (the portal's side of them). */
    static int connectionsTo(Set<Integer> ports) {
        int n = 0;
        for (String file : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(file))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length < 4 || !f[3].equals("01") || !f[2].contains(":")) {
                        continue;
                    }
                    int remote = Integer.parseInt(f[2].substring(f[2].indexOf(':') + 1), 16);
                    if (ports.contains(remote)) {
                        n++;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // not Linux
            }
        }
        return n;
    }
}
