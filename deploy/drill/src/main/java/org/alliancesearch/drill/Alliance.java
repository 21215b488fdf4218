package org.alliancesearch.drill;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.alliancesearch.demo.KeycloakServer;
import org.alliancesearch.demo.NginxBalancer;
import org.alliancesearch.demo.PortalProcess;
import org.alliancesearch.demo.Ports;
import org.alliancesearch.simulator.SimulatedMisp;
import org.alliancesearch.simulator.SimulatorCluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * What the drill attacks, all on 127.0.0.1: the real Keycloak, one PostgreSQL that the drill can stop and start, the
 * simulated members (in this JVM) and packaged portal processes on that PostgreSQL. {@link #close()} stops every
 * process, also when a scenario failed; a shutdown hook does the same when the JVM is interrupted.
 */
final class Alliance implements AutoCloseable {
    private final Path root;
    private final Path work;
    private final KeycloakServer keycloak;
    private final SimulatorCluster members;
    private final Path pgData;
    private final int pgPort;
    private volatile EmbeddedPostgres postgres;
    private volatile boolean keycloakStopped;
    private final List<PortalProcess> portals = new ArrayList<>();
    private final List<NginxBalancer> balancers = new ArrayList<>();
    private final Map<String, String> settings = new LinkedHashMap<>();

    Alliance(Path root, Path work, KeycloakServer keycloak, SimulatorCluster members, EmbeddedPostgres postgres,
            Path pgData) {
        this.root = root;
        this.work = work;
        this.keycloak = keycloak;
        this.members = members;
        this.postgres = postgres;
        this.pgData = pgData;
        this.pgPort = postgres.getPort();
        String dbUrl = "127.0.0.1:" + pgPort + "/postgres";
        settings.put("quarkus.datasource.reactive.url", "postgresql://" + dbUrl);
        settings.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + dbUrl);
        settings.put("quarkus.datasource.username", "postgres");
        settings.put("quarkus.datasource.password", "postgres");
        settings.put("alliance.search.rate-limit-per-minute", "1000000");
        // the load scenarios are one user with many clients: the caps on running searches per user and per replica
        // (abuse limits, proven by the portal's tests) would answer most of them 429
        settings.put("alliance.search.concurrent-per-user", "1000");
        settings.put("alliance.search.concurrent-total", "1000");
        settings.put("alliance.connector.cache.enabled", "false");
        settings.put("alliance.connector.bulkhead.max-concurrent", "64");
        settings.put("alliance.connector.bulkhead.queue", "64");
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "drill-stop"));
    }

    static EmbeddedPostgres startPostgres(Path data, int port, boolean clean) throws IOException {
        // never cleaned on close: the data must survive a stop and start of the server
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(clean).setPort(port).start();
    }

    static Path dataDir(Path work) {
        return work.resolve("postgres");
    }

    Path root() {
        return root;
    }

    Path work() {
        return work;
    }

    String realmUrl() {
        return keycloak.realmUrl("alliance");
    }

    String keycloakUrl() {
        return keycloak.baseUrl();
    }

    List<SimulatedMisp> members() {
        return members.instances();
    }

    SimulatedMisp member(String org) {
        return members.instance(org);
    }

    /** Starts a portal replica on {@code port} (0: any free port) with the drill's settings plus {@code extra}. */
    synchronized PortalProcess startPortal(String name, int port, Map<String, String> extra)
            throws IOException, InterruptedException {
        Map<String, String> s = new LinkedHashMap<>(settings);
        s.putAll(extra);
        int p = port == 0 ? Ports.free() : port;
        PortalProcess portal = PortalProcess.start(root, p, realmUrl(), work.resolve("portal-" + name),
                work.resolve("logs/portal-" + name + ".log"), s, List.of("-Xmx512m"));
        portals.add(portal);
        return portal;
    }

    /** {@code kill -9}: the operating system ends the portal's JVM at once (no shutdown hooks, nothing flushed). */
    synchronized void kill(PortalProcess portal) throws InterruptedException {
        ProcessHandle.of(portal.pid()).ifPresent(ProcessHandle::destroyForcibly);
        for (int i = 0; i < 100 && portal.isAlive(); i++) {
            Thread.sleep(50);
        }
        portals.remove(portal);
    }

    synchronized NginxBalancer balance(List<Integer> ports) throws IOException, InterruptedException {
        NginxBalancer n = NginxBalancer.start(work.resolve("nginx"), Ports.free(), ports);
        balancers.add(n);
        return n;
    }

    /** Stops PostgreSQL (fast shutdown: open connections are cut). */
    void stopPostgres() throws IOException {
        EmbeddedPostgres pg = postgres;
        postgres = null;
        if (pg != null) {
            pg.close();
        }
    }

    /** Starts PostgreSQL again on the same port and data. */
    void startPostgres() throws IOException {
        postgres = startPostgres(pgData, pgPort, false);
    }

    void stopKeycloak() {
        keycloakStopped = true;
        keycloak.close();
    }

    @Override
    public synchronized void close() {
        for (NginxBalancer n : balancers) {
            n.close();
        }
        balancers.clear();
        for (PortalProcess p : portals) {
            p.close();
        }
        portals.clear();
        members.close();
        if (!keycloakStopped) {
            keycloakStopped = true;
            keycloak.close();
        }
        try {
            stopPostgres();
        } catch (IOException | RuntimeException e) {
            System.err.println("while stopping PostgreSQL: " + e.getMessage());
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
