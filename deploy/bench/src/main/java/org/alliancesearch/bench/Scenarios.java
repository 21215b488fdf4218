package org.alliancesearch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.alliancesearch.bench.PortalClient.SearchReply;
import org.alliancesearch.bench.ResultTable.Row;
import org.alliancesearch.demo.PortalProcess;
import org.alliancesearch.simulator.Fault;
import org.alliancesearch.simulator.SimulatedMisp;

/**
 * Scenarios 1–5 of docs/benchmarks.md, each measured in the same run as its baseline. Scenarios 1, 3 and 4 share
 * one portal whose members are onboarded step by step; scenario 2 has a portal with member concurrency 1; scenario 5
 * a portal with a small heap.
 */
public final class Scenarios {
    private static final int DEFAULT_TIMEOUT_MS = 10_000;
    private static final Pattern GC_HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private final Stack stack;
    private final BenchSizes sizes;
    private final Set<Integer> selected;
    private final ResultTable table;
    /** The members asked as the portals of the run ask them: the baseline the portal is compared with. */
    private final MispDirect direct;
    /** The members asked the other way (gzip or plain JSON), reported beside. */
    private final MispDirect directOther;
    private final Figures figures;
    private LoadResult parallelAtSequentialCount;
    /** The same members asked at once straight from the driver, at scenario 2's count: no portal at all. */
    private LoadResult membersAloneAtSequentialCount;

    public Scenarios(Stack stack, BenchSizes sizes, Set<Integer> selected, ResultTable table, Figures figures) {
        this.figures = figures;
        this.stack = stack;
        this.sizes = sizes;
        this.selected = selected;
        this.table = table;
        Baselines baselines = baselines(sizes.pageSize(), stack.encoding());
        this.direct = baselines.asThePortal();
        this.directOther = baselines.other();
    }

    /**
     * The members asked directly by the driver: as the portals ask them (the baseline of the ratios), and the other
     * way (reported beside).
     */
    record Baselines(MispDirect asThePortal, MispDirect other) {
    }

    /** @param portalEncoding how the portals of the run ask the members */
    static Baselines baselines(int pageSize, MispDirect.Encoding portalEncoding) {
        return new Baselines(new MispDirect(pageSize, portalEncoding),
                new MispDirect(pageSize, portalEncoding.other()));
    }

    public void run() throws IOException, InterruptedException {
        if (selected.contains(1) || selected.contains(2) || selected.contains(3) || selected.contains(4)) {
            sharedPortal();
        }
        if (selected.contains(2)) {
            sequentialPortal();
        }
        if (selected.contains(5)) {
            memoryPortal();
        }
        if (selected.contains(7)) {
            mispApiPortal();
        }
    }

    private SimulatedMisp member(int i) {
        return stack.members().get(i);
    }

    /** Sets the fault of the first {@code members} simulated members. */
    private void setFaultOfFirst(int members, Fault fault) {
        for (int i = 0; i < members; i++) {
            member(i).setFault(fault);
        }
    }

    // ---- scenarios 1, 3, 4 (and the parallel side of 2) on one portal ----

    private void sharedPortal() throws IOException, InterruptedException {
        PortalProcess portal = stack.startPortal("shared", Map.of(), List.of());
        try {
            PortalClient client = new PortalClient(portal.url(), portal.managementUrl(), stack.realmUrl());
            TreeSet<Integer> points = new TreeSet<>();
            if (selected.contains(1)) {
                points.addAll(sizes.memberCounts());
            }
            if (selected.contains(2)) {
                points.add(sizes.sequentialMembers());
            }
            if (selected.contains(3)) {
                points.add(sizes.hungAmong());
            }
            if (selected.contains(4)) {
                points.add(sizes.throughputMembers());
            }
            List<String> ids = new ArrayList<>();
            for (int point : points) {
                while (ids.size() < point) {
                    ids.add(client.addMember(member(ids.size()), DEFAULT_TIMEOUT_MS));
                }
                if (point == sizes.throughputMembers() && selected.contains(4)) {
                    throughput(client, point, portal);
                }
                if ((selected.contains(1) && sizes.memberCounts().contains(point))
                        || (selected.contains(2) && point == sizes.sequentialMembers())) {
                    overhead(client, point, portal.pid());
                }
                if (point == sizes.hungAmong() && selected.contains(3)) {
                    hungMember(client, point, ids.get(point - 1));
                }
            }
        } finally {
            stack.stopPortal(portal);
        }
    }

    /**
     * Scenario 1: the portal's latency against the members' own, same request, same run, and the portal's CPU time
     * per member record.
     */
    private void overhead(PortalClient client, int members, long portalPid) throws IOException,
            InterruptedException {
        System.out.printf(Locale.ROOT, "Scenario 1: %d member(s), %d hits each, %d ms latency%n", members,
                sizes.hits(), sizes.latencyMs());
        LoadResult own = LoadDriver.sequential(sizes.warmUp(), sizes.measured(),
                n -> direct.search(member(n % members), Stack.BULK_VALUE));
        int expected = members * sizes.hits();
        LoadDriver.Call search = n -> checked(client.search(Stack.BULK_VALUE), expected);
        long warmUpSearches = warmUp(portalPid, members, client, search);
        System.out.printf(Locale.ROOT, "  warm after %d searches; measuring %d%n", warmUpSearches, sizes.measured());
        long[] cpu = new long[1];
        // this JVM runs the simulated members (and the driver): their CPU while they answer, per record
        long self = ProcessHandle.current().pid();
        long[] membersCpu = new long[1];
        List<Map<Long, ProcStatus.ThreadCpu>> byThread = new ArrayList<>();
        // what the members sent over the measured searches, as the portal's meters count it
        String answersBefore = client.metrics();
        LoadResult portal = LoadDriver.sequential(0, sizes.measured(), search, () -> {
            cpu[0] = ProcStatus.cpuNanos(portalPid);
            membersCpu[0] = ProcStatus.cpuNanos(self);
            byThread.add(ProcStatus.cpuByThread(portalPid));
        });
        long cpuAfter = ProcStatus.cpuNanos(portalPid);
        String answersAfter = client.metrics();
        double records = (double) sizes.measured() * expected;
        double jsonPerRecord = (answerBytes(answersAfter, "json") - answerBytes(answersBefore, "json")) / records;
        double passedOverPerRecord = (answerBytes(answersAfter, "passed-over")
                - answerBytes(answersBefore, "passed-over")) / records;
        double membersForPortal = microsPerRecord(membersCpu[0], ProcStatus.cpuNanos(self), records);
        byThread.add(ProcStatus.cpuByThread(portalPid));
        // The baseline: the slowest of all members asked at once straight from the driver, i.e. what the members
        // alone cost when they share this machine's cores (they run in the driver's JVM).
        List<SimulatedMisp> all = stack.members().subList(0, members);
        LoadResult allAtOnce = LoadDriver.sequential(sizes.warmUp(), sizes.measured(),
                n -> direct.searchAll(all, Stack.BULK_VALUE), () -> membersCpu[0] = ProcStatus.cpuNanos(self));
        double membersAllAtOnce = microsPerRecord(membersCpu[0], ProcStatus.cpuNanos(self), records);
        if (members == sizes.sequentialMembers()) {
            parallelAtSequentialCount = portal;
            membersAloneAtSequentialCount = allAtOnce;
        }
        if (!selected.contains(1)) {
            return;
        }
        // The same, asked the other way: plain JSON (what the earlier rounds compared with) when the portal asks for
        // gzip, gzip when it asks for plain JSON.
        LoadResult allAtOnceOther = LoadDriver.sequential(sizes.warmUp(), sizes.measured(),
                n -> directOther.searchAll(all, Stack.BULK_VALUE), () -> membersCpu[0] = ProcStatus.cpuNanos(self));
        double membersForOther = microsPerRecord(membersCpu[0], ProcStatus.cpuNanos(self), records);
        MispDirect.Encoding asked = stack.encoding();
        MispDirect.AnswerSize size = direct.answerSize(member(0), Stack.BULK_VALUE);
        double r50 = portal.latency().p50Millis() / allAtOnce.latency().p50Millis();
        double r95 = portal.latency().p95Millis() / allAtOnce.latency().p95Millis();
        // Every thread of the portal process (event loops, workers, JIT, GC, the database client) over the measured
        // searches, per record the members sent.
        double cpuPerRecordMicros = microsPerRecord(cpu[0], cpuAfter, records);
        Double limit = ratioLimit(sizes.smoke(), members);
        String met = overheadVerdict(limit, r50, r95, portal.errors(), cpuPerRecordMicros);
        String label = "1 overhead: " + members + " member(s) × " + sizes.hits() + " hits, " + sizes.latencyMs()
                + " ms";
        table.add(new Row(label, "portal HTTP API (" + sizes.measured() + " searches, 1 client, warm after "
                + warmUpSearches + ")",
                latencies(portal) + errors(portal) + String.format(Locale.ROOT,
                        "; portal CPU %.2f µs per record (%s; members' JSON: %,d bytes per record, %,d on the wire"
                                + " (%s); the portal read %,.0f bytes of JSON per record and passed over %,.0f of"
                                + " them as repeats)",
                        cpuPerRecordMicros, threadGroups(byThread, 1_000.0 * records, "µs"),
                        size.json() / sizes.hits(), size.wire() / sizes.hits(), size.contentEncoding(),
                        jsonPerRecord, passedOverPerRecord),
                "all " + members + " members directly at once" + asked.unlessDefault(", asked for ") + ", slowest: "
                        + latencies(allAtOnce) + "; the same asked for " + asked.other().label + ": "
                        + latencies(allAtOnceOther)
                        + "; one member directly, same request: " + latencies(own)
                        + String.format(Locale.ROOT, "; members' CPU per record (with the driver's): %.2f µs"
                                + " answering the portal, %.2f µs all at once, %.2f µs %s", membersForPortal,
                                membersAllAtOnce, membersForOther, asked.other().shortLabel),
                limit == null
                        ? "(reported)"
                        : String.format(Locale.ROOT, "p50 ratio ≤ %.2f; ≤ 2 µs CPU per record",
                                limit),
                met));
        String at = members + " members";
        figures.add("1 portal p50, " + at, portal.latency().p50Millis(), Figures.Judgement.reported("ms"));
        figures.add("1 all members directly at once p50" + asked.unlessDefault(", ") + ", " + at,
                allAtOnce.latency().p50Millis(), Figures.Judgement.reported("ms"));
        if (!Double.isNaN(membersForPortal) && !Double.isNaN(membersForOther)) {
            figures.add("1 members' CPU per record answering the portal, " + at, membersForPortal,
                    Figures.Judgement.reported("µs"));
            figures.add("1 members' CPU per record asked for " + asked.other().label + ", " + at, membersForOther,
                    Figures.Judgement.reported("µs"));
        }
        figures.add("1 all members directly at once p50, " + asked.other().label + ", " + at,
                allAtOnceOther.latency().p50Millis(), Figures.Judgement.reported("ms"));
        figures.add("1 ratio portal p50 / all at once p50" + asked.unlessDefault(", ") + ", " + at, r50, limit == null
                ? Figures.Judgement.reported("")
                : Figures.Judgement.atMost("", limit, String.format(Locale.ROOT, "≤ %.2f", limit)));
        if (!Double.isNaN(cpuPerRecordMicros)) {
            figures.add("1 portal CPU per member record, " + at, cpuPerRecordMicros, members >= 20
                    ? Figures.Judgement.atMost("µs", 2, "≤ 2 µs")
                    : Figures.Judgement.reported("µs"));
        }
    }

    /** CPU time between two readings, in µs per record; NaN when either could not be read (negative). */
    static double microsPerRecord(long nanosBefore, long nanosAfter, double records) {
        return nanosBefore < 0 || nanosAfter < 0 ? Double.NaN : (nanosAfter - nanosBefore) / 1_000.0 / records;
    }

    /**
     * The measured CPU by group of the portal's threads, e.g. "µs by threads: event loops 6.10, JIT compiler 1.20".
     *
     * @param nanosPerUnit nanoseconds of one {@code unit} times the records or searches measured
     */
    private static String threadGroups(List<Map<Long, ProcStatus.ThreadCpu>> beforeAndAfter, double nanosPerUnit,
            String unit) {
        if (beforeAndAfter.size() != 2 || beforeAndAfter.get(1).isEmpty()) {
            return "threads not told apart here";
        }
        Map<ProcStatus.ThreadGroup, Long> used = ProcStatus.usedByGroup(beforeAndAfter.get(0), beforeAndAfter.get(1));
        java.util.StringJoiner text = new java.util.StringJoiner(", ", unit + " by threads: ", "");
        for (ProcStatus.ThreadGroup group : ProcStatus.ThreadGroup.values()) {
            text.add(group.label
                    + String.format(Locale.ROOT, " %.2f", used.getOrDefault(group, 0L) / nanosPerUnit));
        }
        return text.toString();
    }

    /**
     * Scenario 1's warm-up, in three parts. First small searches (one record from every member, the members answering
     * at once), in slices of {@link BenchSizes#throughputWarmUp()} under {@link #SMALL_WARM_UP_CLIENTS} clients while
     * the JIT compiler took more than {@link #WARM_JIT_SHARE} of the portal's CPU in the last slice (for at most
     * {@link #SMALL_WARM_UP_SLICES_AT_MOST}): code run once per search or per member's answer (the token check, the
     * fan-out, the requests, the answer, the rows) is run thousands of times, as in a portal that has served for a
     * while; the large searches alone make a few a second and left it compiling during the measurement (the compiler
     * took up to 1.75 µs per record at 20 members). Then the measured search itself under {@link #WARM_UP_CLIENTS}
     * clients in slices, with the same rule (at most {@link #OVERHEAD_WARM_UP_SLICES_AT_MOST}), for the code run per
     * record; then {@link BenchSizes#warmUp()} searches one by one.
     *
     * @return the searches made
     */
    private long warmUp(long portalPid, int members, PortalClient client, LoadDriver.Call search)
            throws InterruptedException {
        setFaultOfFirst(members, Fault.NONE);
        long searches;
        try {
            searches = warmUpSlices(portalPid, SMALL_WARM_UP_CLIENTS, SMALL_WARM_UP_SLICES_AT_MOST,
                    n -> checked(client.search(Stack.WARM_VALUE), members));
        } finally {
            setFaultOfFirst(members, Fault.latency(sizes.latencyMs()));
        }
        searches += warmUpSlices(portalPid, WARM_UP_CLIENTS, OVERHEAD_WARM_UP_SLICES_AT_MOST, search);
        LoadDriver.sequential(0, sizes.warmUp(), search);
        return searches + sizes.warmUp();
    }

    /** Slices of load while the JIT compiler is busy (see {@link #keepWarming}); the searches made. */
    private long warmUpSlices(long portalPid, int clients, int atMost, LoadDriver.Call search)
            throws InterruptedException {
        int slices = 0;
        long searches = 0;
        double jitShare;
        do {
            Map<Long, ProcStatus.ThreadCpu> before = ProcStatus.cpuByThread(portalPid);
            LoadResult slice = LoadDriver.closedLoop(clients, sizes.throughputWarmUp(), search);
            if (slice.errors() * 2 > slice.calls()) {
                // a warm-up that mostly failed would leave the measurement on a cold portal, unsaid
                throw new IllegalStateException("warm-up: " + slice.errors() + " of " + slice.calls()
                        + " searches failed, the first: " + slice.firstError());
            }
            searches += slice.calls();
            slices++;
            Map<ProcStatus.ThreadGroup, Long> used = ProcStatus.usedByGroup(before, ProcStatus.cpuByThread(
                    portalPid));
            long all = used.values().stream().mapToLong(Long::longValue).sum();
            jitShare = all <= 0 ? 0 : used.getOrDefault(ProcStatus.ThreadGroup.JIT, 0L) / (double) all;
        } while (keepWarming(sizes.smoke(), jitShare, slices, atMost));
        return searches;
    }

    /** Scenario 1's target for the p50 ratio at this number of members, or null where it is only reported. */
    /**
     * Scenario 1's verdict at one member count: met when the p50 ratio is within its limit, no search failed and the
     * portal's CPU per record is at most 2 µs (a CPU time that could not be read does not meet it).
     *
     * @param limit the p50 ratio's limit, null where this member count has no target
     */
    static String overheadVerdict(Double limit, double r50, double r95, long errors, double cpuPerRecordMicros) {
        String ratios = String.format(Locale.ROOT, "ratio p50 %.2f, p95 %.2f", r50, r95);
        if (limit == null) {
            return "n/a (" + ratios + ")";
        }
        return verdict(r50 <= limit && errors == 0 && cpuPerRecordMicros <= 2,
                ratios + String.format(Locale.ROOT, ", CPU %.2f µs per record", cpuPerRecordMicros));
    }

    static Double ratioLimit(boolean smoke, int members) {
        if (smoke) {
            return null;
        }
        if (members == 20) {
            return 1.15;
        }
        return members == 50 ? Double.valueOf(1.30) : null;
    }

    /**
     * The warm-up goes on, slice by slice, while the JIT compiler used more than this share: of a core (scenario 4), of
     * the portal's CPU (scenario 1, whose searches are few and large).
     */
    static final double WARM_JIT_SHARE = 0.10;
    /** ... but for at most this many slices of {@link BenchSizes#throughputWarmUp()} in scenario 4 ... */
    static final int WARM_UP_SLICES_AT_MOST = 18;
    /** ... and this many slices under {@link #WARM_UP_CLIENTS} clients in scenario 1. */
    static final int OVERHEAD_WARM_UP_SLICES_AT_MOST = 8;
    /** Clients of scenario 1's warm-up: enough to keep both cores busy between the members' answers. */
    static final int WARM_UP_CLIENTS = 4;
    /** Clients of scenario 1's small searches, which the members answer at once. */
    static final int SMALL_WARM_UP_CLIENTS = 8;
    /** ... and at most this many slices of them. */
    static final int SMALL_WARM_UP_SLICES_AT_MOST = 6;

    /**
     * Whether to warm up for another slice: while the JIT compiler's share in the last one was above
     * {@link #WARM_JIT_SHARE}, for at most {@code atMost} slices; a smoke run takes one slice.
     */
    static boolean keepWarming(boolean smoke, double jitShareOfLastSlice, int slicesDone, int atMost) {
        return !smoke && jitShareOfLastSlice > WARM_JIT_SHARE && slicesDone < atMost;
    }

    /**
     * Scenario 4: closed-loop throughput from many clients, distinct values so that no searches coalesce, measured
     * on a warm portal: the unmeasured load goes on until the JIT compiler has (nearly) done its work, since on two
     * cores a compiler busy for minutes after the start would be measured instead of the portal.
     */
    private void throughput(PortalClient client, int members, PortalProcess portal) throws InterruptedException {
        System.out.printf(Locale.ROOT, "Scenario 4: %d clients, %d members at %d ms, %d s%n",
                sizes.throughputClients(), members, sizes.throughputLatencyMs(),
                sizes.throughputDuration().toSeconds());
        setFaultOfFirst(members, Fault.latency(sizes.throughputLatencyMs()));
        int expected = members * sizes.throughputHits();
        LoadDriver.Call call = n -> checked(client.search(Stack.throughputValue(sizes, n)), expected);
        try {
            Duration slice = sizes.throughputWarmUp();
            int slices = 0;
            double jitShare;
            do {
                Map<Long, ProcStatus.ThreadCpu> before = ProcStatus.cpuByThread(portal.pid());
                LoadDriver.closedLoop(sizes.throughputClients(), slice, call);
                slices++;
                jitShare = ProcStatus.usedByGroup(before, ProcStatus.cpuByThread(portal.pid()))
                        .getOrDefault(ProcStatus.ThreadGroup.JIT, 0L) / (double) slice.toNanos();
            } while (keepWarming(sizes.smoke(), jitShare, slices, WARM_UP_SLICES_AT_MOST));
            System.out.printf(Locale.ROOT, "Scenario 4: warm after %d s (JIT compiler %.0f %% of a core in the last"
                    + " %d s)%n", slices * slice.toSeconds(), jitShare * 100, slice.toSeconds());
            Map<Long, ProcStatus.ThreadCpu> threadsBefore = ProcStatus.cpuByThread(portal.pid());
            long portalBefore = ProcStatus.cpuNanos(portal.pid());
            long databaseBefore = ProcStatus.databaseCpuNanos(portal.databaseDir());
            // this JVM runs the simulated members and the driver: what the rig takes of the cores the portal uses
            long self = ProcessHandle.current().pid();
            long rigBefore = ProcStatus.cpuNanos(self);
            ProcStatus.MachineCpu machineBefore = ProcStatus.machineCpu();
            LoadResult r = LoadDriver.closedLoop(sizes.throughputClients(), sizes.throughputDuration(), call);
            long portalUsed = ProcStatus.cpuNanos(portal.pid()) - portalBefore;
            long databaseUsed = ProcStatus.databaseCpuNanos(portal.databaseDir()) - databaseBefore;
            long rigUsed = ProcStatus.cpuNanos(self) - rigBefore;
            ProcStatus.MachineCpu machineAfter = ProcStatus.machineCpu();
            List<Map<Long, ProcStatus.ThreadCpu>> byThread = List.of(threadsBefore,
                    ProcStatus.cpuByThread(portal.pid()));
            double searches = Math.max(1, r.calls());
            boolean met = r.perSecond() >= 600 && r.latency().p99Millis() <= 250 && r.errors() == 0;
            figures.add("4 throughput", r.perSecond(), Figures.Judgement.atLeast("searches/s", 600, "≥ 600/s"));
            figures.add("4 p99", r.latency().p99Millis(), Figures.Judgement.atMost("ms", 250, "≤ 250 ms"));
            figures.add("4 errors", r.errors(), Figures.Judgement.atMost("", 0, "0"));
            String cost = "";
            if (portalBefore >= 0 && databaseBefore >= 0) {
                figures.add("4 portal CPU per search", portalUsed / 1e6 / searches, Figures.Judgement.reported("ms"));
                figures.add("4 database CPU per search", databaseUsed / 1e6 / searches,
                        Figures.Judgement.reported("ms"));
                cost = String.format(Locale.ROOT, "; CPU per search: portal %.2f ms (%s), its database %.2f ms",
                        portalUsed / 1e6 / searches, threadGroups(byThread, 1e6 * searches, "ms"),
                        databaseUsed / 1e6 / searches);
            }
            if (rigBefore >= 0 && machineBefore != null && machineAfter != null) {
                double rigMs = rigUsed / 1e6 / searches;
                double machineMs = (machineAfter.busyNanos() - machineBefore.busyNanos()) / 1e6 / searches;
                double busy = machineAfter.busyShareSince(machineBefore);
                figures.add("4 members and driver CPU per search", rigMs, Figures.Judgement.reported("ms"));
                figures.add("4 machine CPU per search", machineMs, Figures.Judgement.reported("ms"));
                figures.add("4 machine busy", busy * 100, Figures.Judgement.reported("%"));
                cost += String.format(Locale.ROOT, "; the simulated members and the driver %.2f ms; the whole"
                        + " machine %.2f ms, its cores %.0f %% busy", rigMs, machineMs, busy * 100);
            }
            table.add(new Row("4 throughput: " + sizes.throughputClients() + " clients, " + members + " members at "
                    + sizes.throughputLatencyMs() + " ms, " + sizes.throughputDuration().toSeconds() + " s",
                    "portal HTTP API, warm after " + slices * slice.toSeconds() + " s of load",
                    String.format(Locale.ROOT, "%.0f searches/s (%d searches), p50 %.1f ms, p99 %.1f ms, errors %d",
                            r.perSecond(), r.calls(), r.latency().p50Millis(), r.latency().p99Millis(), r.errors())
                            + (r.firstError() == null ? "" : " (first: " + r.firstError() + ")") + cost,
                    "—", "≥ 600 searches/s, p99 ≤ 250 ms, 0 errors",
                    verdict(met, String.format(Locale.ROOT, "%.0f/s", r.perSecond()))));
        } finally {
            setFaultOfFirst(members, Fault.latency(sizes.latencyMs()));
        }
    }

    /** Scenario 3: one member hangs; first its timeout bounds the search, then its open circuit. */
    private void hungMember(PortalClient client, int members, String hungId) throws IOException,
            InterruptedException {
        SimulatedMisp hung = member(members - 1);
        System.out.printf(Locale.ROOT, "Scenario 3: %s hangs among %d members, timeout %d ms%n", hung.name(),
                members, sizes.hungTimeoutMs());
        client.updateMember(hungId, hung, sizes.hungTimeoutMs());
        int healthy = members - 1;
        // The baseline: the healthy members asked at once straight from the driver (what the portal has to wait for
        // at the least, as in scenario 1); one healthy member alone, which earlier rounds compared with, beside it.
        List<SimulatedMisp> healthyMembers = stack.members().subList(0, healthy);
        LoadResult healthyAtOnce = LoadDriver.sequential(sizes.warmUp(), sizes.measured(),
                n -> direct.searchAll(healthyMembers, Stack.BULK_VALUE));
        LoadResult own = LoadDriver.sequential(sizes.warmUp(), sizes.measured(),
                n -> direct.search(member(n % healthy), Stack.BULK_VALUE));
        hung.setFault(Fault.hung());
        try {
            List<Long> whileTimingOut = new ArrayList<>();
            List<Long> circuitOpen = new ArrayList<>();
            int expected = healthy * sizes.hits();
            // Until the circuit opens (the breaker's window of 10 calls), each search waits for the timeout.
            for (int i = 0; i < 40 && circuitOpen.isEmpty(); i++) {
                long t0 = System.nanoTime();
                SearchReply r = client.search(Stack.BULK_VALUE);
                long took = System.nanoTime() - t0;
                requireHealthy(r, expected, healthy);
                if (r.memberStatuses().getOrDefault("TIMEOUT", 0) == 1) {
                    whileTimingOut.add(took);
                } else if (r.memberStatuses().getOrDefault("CIRCUIT_OPEN", 0) == 1) {
                    circuitOpen.add(took);
                }
            }
            if (circuitOpen.isEmpty()) {
                throw new IllegalStateException("the hung member's circuit did not open");
            }
            for (int i = 1; i < sizes.measured(); i++) {
                long t0 = System.nanoTime();
                SearchReply r = client.search(Stack.BULK_VALUE);
                long took = System.nanoTime() - t0;
                requireHealthy(r, expected, healthy);
                if (r.memberStatuses().getOrDefault("CIRCUIT_OPEN", 0) != 1) {
                    throw new IllegalStateException("circuit closed again during the measurement: "
                            + r.memberStatuses());
                }
                circuitOpen.add(took);
            }
            LatencyStats timingOut = LatencyStats.of(toArray(whileTimingOut));
            LatencyStats open = LatencyStats.of(toArray(circuitOpen));
            double limit = sizes.hungTimeoutMs() + 100;
            figures.add("3a slowest search while timing out", timingOut.maxMillis(),
                    Figures.Judgement.atMost("ms", limit, String.format(Locale.ROOT, "≤ %.0f ms", limit)));
            String asked = stack.encoding().unlessDefault(", asked for ");
            figures.add("3b p50 over the healthy members directly at once" + asked + ", circuit open",
                    open.p50Millis() - healthyAtOnce.latency().p50Millis(),
                    Figures.Judgement.atMost("ms", 20, "≤ 20 ms"));
            figures.add("3b p50 over one healthy member directly" + asked + ", circuit open",
                    open.p50Millis() - own.latency().p50Millis(), Figures.Judgement.reported("ms"));
            table.add(new Row("3a hung member among " + members + ", timeout " + sizes.hungTimeoutMs() + " ms",
                    "portal HTTP API (" + timingOut.count() + " searches until the circuit opened)",
                    String.format(Locale.ROOT, "p50 %.0f ms, max %.0f ms", timingOut.p50Millis(),
                            timingOut.maxMillis()),
                    "member timeout " + sizes.hungTimeoutMs() + " ms",
                    String.format(Locale.ROOT, "every search ≤ %.0f ms", limit),
                    verdict(timingOut.maxMillis() <= limit,
                            String.format(Locale.ROOT, "max %.0f ms", timingOut.maxMillis()))));
            double openLimit = healthyAtOnce.latency().p50Millis() + 20;
            table.add(new Row("3b same, circuit open", "portal HTTP API (" + open.count() + " searches)",
                    String.format(Locale.ROOT, "p50 %.0f ms, p95 %.0f ms", open.p50Millis(), open.p95Millis()),
                    "the " + healthy + " healthy members directly at once" + asked + ", slowest: "
                            + latencies(healthyAtOnce) + "; one healthy member directly: " + latencies(own),
                    "p50 ≤ healthy p50 + 20 ms",
                    verdict(open.p50Millis() <= openLimit, String.format(Locale.ROOT, "%.0f ms vs %.0f ms",
                            open.p50Millis(), openLimit))));
        } finally {
            hung.setFault(Fault.latency(sizes.latencyMs()));
            // a new registration of the member: fresh guard, circuit closed, default timeout again
            client.updateMember(hungId, hung, DEFAULT_TIMEOUT_MS);
        }
    }

    // ---- scenario 2: the same connector asking one member after another ----

    private void sequentialPortal() throws IOException, InterruptedException {
        int members = sizes.sequentialMembers();
        PortalProcess portal = stack.startPortal("sequential", Map.of("alliance.connector.member-concurrency", "1"),
                List.of());
        try {
            PortalClient client = new PortalClient(portal.url(), portal.managementUrl(), stack.realmUrl());
            for (int i = 0; i < members; i++) {
                client.addMember(member(i), DEFAULT_TIMEOUT_MS);
            }
            System.out.printf(Locale.ROOT, "Scenario 2: %d members one after another%n", members);
            int expected = members * sizes.hits();
            LoadResult sequential = LoadDriver.sequential(1, sizes.sequentialMeasured(),
                    n -> checked(client.search(Stack.BULK_VALUE), expected));
            LoadResult parallel = parallelAtSequentialCount;
            double speedUp = sequential.latency().p50Millis() / parallel.latency().p50Millis();
            // No fan-out, however cheap, answers before its slowest member: on this machine the members share the
            // portal's cores, so the sequential search over the members alone at once bounds the speed-up.
            double ceiling = sequential.latency().p50Millis()
                    / membersAloneAtSequentialCount.latency().p50Millis();
            figures.add("2 speed-up over sequential", speedUp, Figures.Judgement.atLeast("×", 15, "≥ 15×"));
            figures.add("2 speed-up the members alone allow", ceiling, Figures.Judgement.reported("×"));
            table.add(new Row("2 against sequential fan-out: " + members + " members × " + sizes.hits() + " hits, "
                    + sizes.latencyMs() + " ms", "portal HTTP API, default vs member-concurrency=1",
                    "parallel: " + latencies(parallel) + errors(parallel),
                    "sequential: " + latencies(sequential) + errors(sequential)
                            + String.format(Locale.ROOT, "; all %d members directly at once, slowest: %s (so at most"
                                    + " %.1f× on this machine)", members, latencies(membersAloneAtSequentialCount),
                                    ceiling),
                    "≥ 15× faster (p50)",
                    verdict(speedUp >= 15, String.format(Locale.ROOT, "%.1f×", speedUp))));
        } finally {
            stack.stopPortal(portal);
        }
    }

    // ---- scenario 5: many large answers in a small heap ----

    private void memoryPortal() throws IOException, InterruptedException {
        int members = sizes.memoryMembers();
        Path gcLog = stack.work().resolve("logs/portal-memory-gc.log");
        PortalProcess portal = stack.startPortal("memory",
                // above the member's record count: a full last page at the cap would end as PARTIAL
                // and byte budgets above these answers (50,000 records are about 56 MB of member JSON): the scenario
                // measures the heap, not the budgets that would cut each member at 32 MiB
                Map.of("alliance.connector.max-results-per-member",
                        Integer.toString(sizes.memoryHits() + sizes.pageSize()),
                        "alliance.connector.timeout", "60s", "alliance.connector.deadline", "120s",
                        "alliance.connector.member-budget-bytes", "134217728",
                        "alliance.connector.search-budget-bytes", "1073741824"),
                List.of("-Xmx" + sizes.memoryHeap(), "-Xlog:gc:file=" + gcLog));
        try {
            PortalClient client = new PortalClient(portal.url(), portal.managementUrl(), stack.realmUrl());
            for (int i = 0; i < members; i++) {
                client.addMember(member(i), 60_000);
            }
            System.out.printf(Locale.ROOT, "Scenario 5: %d members × %d hits, portal -Xmx%s%n", members,
                    sizes.memoryHits(), sizes.memoryHeap());
            long rssBefore = ProcStatus.peakRssKb(portal.pid());
            AtomicLong peakSampled = new AtomicLong();
            AtomicBoolean sampling = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    try {
                        peakSampled.accumulateAndGet(heapUsed(client.metrics()), Math::max);
                        Thread.sleep(100);
                    } catch (IOException e) {
                        // a busy portal may miss a sample
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            long gcOffset = Files.exists(gcLog) ? Files.size(gcLog) : 0;
            sampler.start();
            int expected = members * sizes.memoryHits();
            LoadResult r;
            try {
                // one search first: a portal that ran out of heap answers slowly or never, no use asking twice
                r = LoadDriver.sequential(0, 1, n -> checked(client.search(Stack.BIG_VALUE), expected));
                if (r.errors() == 0) {
                    r = LoadDriver.sequential(0, 3, n -> checked(client.search(Stack.BIG_VALUE), expected));
                }
            } finally {
                sampling.set(false);
                sampler.join(5_000);
            }
            long peakGcMb = peakHeapBeforeGcMb(gcLog, gcOffset);
            long rssPeak = ProcStatus.peakRssKb(portal.pid());
            boolean completed = r.errors() == 0 && portal.isAlive();
            figures.add("5 completed with -Xmx" + sizes.memoryHeap() + " (1 = yes)", completed ? 1 : 0,
                    Figures.Judgement.atLeast("", 1, "1"));
            figures.add("5 p50", r.latency().p50Millis(), Figures.Judgement.reported("ms"));
            figures.add("5 peak RSS", rssPeak / 1024.0, Figures.Judgement.reported("MB"));
            table.add(new Row("5 memory: " + members + " members × " + String.format(Locale.ROOT, "%,d",
                    sizes.memoryHits()) + " hits, portal -Xmx" + sizes.memoryHeap(),
                    "portal HTTP API (" + r.calls() + " search(es), one at a time)",
                    String.format(Locale.ROOT, "%s; %s; peak heap %d MB (GC log, before collection), %d MB sampled"
                            + " from /q/metrics; peak RSS %d MB (VmHWM; %d MB before the searches)",
                            completed ? "completed, every member OK with all hits" : "FAILED: " + r.firstError(),
                            latencies(r), peakGcMb, peakSampled.get() / (1024 * 1024), rssPeak / 1024,
                            rssBefore / 1024),
                    "—", "completes with -Xmx" + sizes.memoryHeap() + "; report heap and RSS",
                    verdict(completed, completed ? "completed" : "did not complete")));
        } finally {
            stack.stopPortal(portal);
        }
    }

    // ---- scenario 7: a large pull through the MISP-compatible API ----

    private void mispApiPortal() throws IOException, InterruptedException {
        int members = sizes.mispApiMembers();
        int perMember = sizes.memoryHits();
        PortalProcess portal = stack.startPortal("misp-api",
                // a large pull on purpose: per-member and per-search byte budgets above these answers (50,000
                // records are about 40 MB of member JSON)
                Map.of("alliance.connector.max-results-per-member", Integer.toString(perMember + sizes.pageSize()),
                        "alliance.connector.timeout", "60s", "alliance.connector.deadline", "120s",
                        "alliance.connector.member-budget-bytes", "134217728",
                        "alliance.connector.search-budget-bytes", "536870912"),
                List.of("-Xmx" + sizes.mispApiHeap()));
        try {
            PortalClient client = new PortalClient(portal.url(), portal.managementUrl(), stack.realmUrl());
            for (int i = 0; i < members; i++) {
                client.addMember(member(i), 60_000);
            }
            String key = client.createApiKey("bench");
            int expected = members * perMember;
            System.out.printf(Locale.ROOT, "Scenario 7: MISP API, %d members × %d records, portal -Xmx%s%n", members,
                    perMember, sizes.mispApiHeap());
            List<Long> nanos = new ArrayList<>();
            String failure = null;
            long bytes = 0;
            for (int run = 0; run < 3 && failure == null; run++) {
                long start = System.nanoTime();
                PortalClient.MispReply r = client.mispAttributes(key, Stack.BIG_VALUE);
                long took = System.nanoTime() - start;
                if (r.httpStatus() != 200 || r.attributes() != expected || r.partial() != null) {
                    failure = "HTTP " + r.httpStatus() + ", " + r.attributes() + " of " + expected + " attributes"
                            + (r.partial() == null ? "" : ", partial " + r.partial());
                } else {
                    nanos.add(took);
                    bytes = r.bytes();
                }
            }
            long rssPeak = ProcStatus.peakRssKb(portal.pid());
            boolean completed = failure == null && portal.isAlive();
            String figure;
            if (completed) {
                List<Long> sorted = new ArrayList<>(nanos);
                sorted.sort(null);
                double medianMs = sorted.get(sorted.size() / 2) / 1e6;
                figures.add("7 ms per 10,000 attributes", medianMs * 10_000 / expected,
                        Figures.Judgement.reported("ms"));
                figure = String.format(Locale.ROOT, "%,d attributes (%,d MB of JSON) in %.0f ms median of %d"
                        + " (min %.0f, max %.0f): %.0f ms per 10,000 attributes; peak RSS %d MB", expected,
                        bytes / (1024 * 1024), medianMs, sorted.size(), sorted.get(0) / 1e6,
                        sorted.get(sorted.size() - 1) / 1e6, medianMs * 10_000 / expected, rssPeak / 1024);
            } else {
                figure = "FAILED: " + (failure == null ? "the portal stopped" : failure);
            }
            table.add(new Row("7 MISP API pull: " + members + " members × " + String.format(Locale.ROOT, "%,d",
                    perMember) + " records, portal -Xmx" + sizes.mispApiHeap(),
                    "POST /attributes/restSearch with a personal key, answer read as a stream", figure, "—",
                    "completes with -Xmx" + sizes.mispApiHeap() + "; report time per 10,000 attributes",
                    verdict(completed, completed ? "completed" : "did not complete")));
        } finally {
            stack.stopPortal(portal);
        }
    }

    // ---- helpers ----

    /** Null when the search returned every member OK with the expected number of records. */
    static String checked(SearchReply r, int expectedAttributes) {
        String unexpected = r.unexpected();
        if (unexpected != null) {
            return unexpected;
        }
        return r.attributes() == expectedAttributes
                ? null
                : "expected " + expectedAttributes + " attributes, got " + r.attributes();
    }

    private static void requireHealthy(SearchReply r, int expected, int healthy) {
        if (r.httpStatus() != 200 || r.memberStatuses().getOrDefault("OK", 0) != healthy
                || r.attributes() != expected) {
            throw new IllegalStateException("healthy members did not all answer: HTTP " + r.httpStatus() + " "
                    + r.memberStatuses() + ", " + r.attributes() + " attributes");
        }
    }

    /** Sum of {@code jvm_memory_used_bytes{area="heap"}} over the heap pools. */
    /** The bytes of the members' search answers of one kind ({@code json}, {@code passed-over}…), all members. */
    static double answerBytes(String prometheus, String kind) {
        return sum(prometheus, "alliance_connector_member_answer_bytes_total{", "kind=\"" + kind + "\"");
    }

    static long heapUsed(String prometheus) {
        return (long) sum(prometheus, "jvm_memory_used_bytes{", "area=\"heap\"");
    }

    /** The sum of the samples of one metric (the line start given) that carry one label (key="value"). */
    private static double sum(String prometheus, String name, String label) {
        double sum = 0;
        for (String line : prometheus.split("\n")) {
            if (line.startsWith(name) && line.contains(label)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** The largest heap occupancy before a collection in the unified GC log, from {@code offset} on. */
    static long peakHeapBeforeGcMb(Path gcLog, long offset) throws IOException {
        if (!Files.exists(gcLog)) {
            return -1;
        }
        String text = Files.readString(gcLog);
        Matcher m = GC_HEAP.matcher(text.substring((int) Math.min(offset, text.length())));
        long peak = -1;
        while (m.find()) {
            peak = Math.max(peak, Long.parseLong(m.group(1)));
        }
        return peak;
    }

    static String verdict(boolean met, String detail) {
        return (met ? "yes" : "**no**") + " (" + detail + ")";
    }

    private static String latencies(LoadResult r) {
        return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms", r.latency().p50Millis(),
                r.latency().p95Millis());
    }

    private static String errors(LoadResult r) {
        return r.errors() == 0 ? "" : ", " + r.errors() + " errors (first: " + r.firstError() + ")";
    }

    private static long[] toArray(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }
}
