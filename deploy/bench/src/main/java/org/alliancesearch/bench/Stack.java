package org.alliancesearch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.alliancesearch.demo.KeycloakServer;
import org.alliancesearch.demo.PortalProcess;
import org.alliancesearch.demo.Ports;
import org.alliancesearch.simulator.Fault;
import org.alliancesearch.simulator.SimulatedMisp;
import org.alliancesearch.simulator.SimulatorCluster;
import org.alliancesearch.simulator.SimulatorOptions;

/**
 * What the scenarios run against: the real Keycloak, simulated members (in this JVM) with planted values, and portal
 * processes started one at a time with the settings a scenario needs.
 */
public final class Stack implements AutoCloseable {
    public static final String BULK_VALUE = "bulk.bench.example";
    public static final String BIG_VALUE = "big.bench.example";
    /** One record at every member: scenario 1's small searches, which warm up the code run once per search. */
    public static final String WARM_VALUE = "warm.bench.example";

    private final Path root;
    private final Path work;
    private final BenchSizes sizes;
    private final MispDirect.Encoding encoding;
    private final KeycloakServer keycloak;
    private final SimulatorCluster members;
    private final List<AutoCloseable> portals = new ArrayList<>();

    private Stack(Path root, Path work, BenchSizes sizes, MispDirect.Encoding encoding, KeycloakServer keycloak,
            SimulatorCluster members) {
        this.root = root;
        this.work = work;
        this.sizes = sizes;
        this.encoding = encoding;
        this.keycloak = keycloak;
        this.members = members;
    }

    /** The value searched in scenario 4 by the call with sequence number {@code n}. */
    public static String throughputValue(BenchSizes sizes, int n) {
        return "t" + (n % sizes.throughputValues()) + ".bench.example";
    }

    /** @param encoding how every portal of the run asks the members (and the baselines with it) */
    public static Stack start(Path root, BenchSizes sizes, MispDirect.Encoding encoding) throws IOException,
            InterruptedException {
        Path work = root.resolve("deploy/bench/target/bench-run");
        deleteTree(work);
        Files.createDirectories(work.resolve("logs"));
        System.out.println("Starting Keycloak (log: " + root.relativize(work) + "/logs)...");
        KeycloakServer keycloak = KeycloakServer.start(KeycloakServer.install(root.resolve(".cache")), Ports.free(),
                root.resolve("deploy/demo/alliance-realm.json"), work.resolve("logs"));
        try {
            System.out.println("Starting " + sizes.instances() + " simulated members...");
            SimulatorOptions.Builder options = SimulatorOptions.builder()
                    .instances(sizes.instances())
                    .basePort(0)
                    .seed(42)
                    .events(5)
                    .attributesPerEvent(10)
                    .adminPort(-1)
                    .plant(BULK_VALUE, "domain", sizes.hits())
                    .plant(WARM_VALUE, "domain", 1);
            for (int i = 0; i < sizes.memoryMembers(); i++) {
                options.plant(SimulatorOptions.organisationName(i), BIG_VALUE, "domain", sizes.memoryHits());
            }
            for (int i = 0; i < sizes.throughputMembers(); i++) {
                for (int v = 0; v < sizes.throughputValues(); v++) {
                    options.plant(SimulatorOptions.organisationName(i), throughputValue(sizes, v), "domain",
                            sizes.throughputHits());
                }
            }
            SimulatorCluster cluster = SimulatorCluster.start(options.build());
            for (SimulatedMisp m : cluster.instances()) {
                m.setFault(Fault.latency(sizes.latencyMs()));
            }
            return new Stack(root, work, sizes, encoding, keycloak, cluster);
        } catch (RuntimeException e) {
            keycloak.close();
            throw e;
        }
    }

    public List<SimulatedMisp> members() {
        return members.instances();
    }

    public String realmUrl() {
        return keycloak.realmUrl("alliance");
    }

    public Path work() {
        return work;
    }

    /** How the portals ask the members: the baselines they are compared with ask the same way. */
    public MispDirect.Encoding encoding() {
        return encoding;
    }

    /**
     * Starts a portal with its own embedded PostgreSQL (empty: no members yet) and the benchmark's settings: no rate
     * limit nor cap on running searches for the load driver, the run's page size, bulkheads wide enough for the concurrent scenario. The answer
     * cache is off (its default) and stays off.
     */
    private final java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();

    public PortalProcess startPortal(String name, Map<String, String> extra, List<String> jvmOptions)
            throws IOException, InterruptedException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("alliance.search.rate-limit-per-minute", "1000000");
        // the driver is one user with many clients: the per-user and per-replica caps on running searches (abuse
        // limits, proven by the portal's tests) would turn the throughput scenario into a measure of them
        settings.put("alliance.search.concurrent-per-user", "1000");
        settings.put("alliance.search.concurrent-total", "1000");
        settings.put("alliance.connector.page-size", Integer.toString(sizes.pageSize()));
        settings.put("alliance.connector.bulkhead.max-concurrent", "64");
        settings.put("alliance.connector.bulkhead.queue", "64");
        settings.put("alliance.connector.cache.enabled", "false");
        settings.putAll(extra);
        List<String> options = portalJvmOptions(jvmOptions, System.getProperty(BenchMain.PORTAL_JVM), encoding);
        int port = Ports.free();
        System.out.println("Starting portal " + name + " on port " + port + " " + extra + " " + jvmOptions + "...");
        // each portal of a run starts on an empty database of its own, also in the second of several runs
        String instance = name + "-" + started.incrementAndGet();
        PortalProcess p = PortalProcess.start(root, port, realmUrl(), work.resolve("portal-" + instance),
                work.resolve("logs/portal-" + instance + ".log"), settings, options);
        portals.add(p);
        return p;
    }

    /**
     * A portal's JVM options: the scenario's, then those of {@code -Dbench.portal.jvm} (e.g.
     * {@code "-XX:StartFlightRecording=filename=portal.jfr"} to profile the portals), then the connector's setting
     * for answers in plain JSON when the run asks for them.
     *
     * @param portalJvm the value of {@code -Dbench.portal.jvm}, or null
     */
    static List<String> portalJvmOptions(List<String> scenario, String portalJvm, MispDirect.Encoding encoding) {
        List<String> options = new ArrayList<>(scenario);
        String more = portalJvm == null ? "" : portalJvm.trim();
        if (!more.isEmpty()) {
            options.addAll(List.of(more.split("\\s+")));
        }
        if (!encoding.compressedAnswers) {
            options.add("-Dalliance.connector.compressed-answers=false");
        }
        return options;
    }

    /** Stops a portal (and its database) before the next one starts, so that they do not share the cores. */
    public void stopPortal(PortalProcess p) {
        portals.remove(p);
        p.close();
    }

    @Override
    public void close() {
        for (AutoCloseable p : portals) {
            try {
                p.close();
            } catch (Exception e) {
                System.err.println("while stopping a portal: " + e.getMessage());
            }
        }
        members.close();
        keycloak.close();
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
