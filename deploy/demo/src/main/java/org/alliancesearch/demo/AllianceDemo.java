package org.alliancesearch.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.alliancesearch.simulator.SimulatedMisp;
import org.alliancesearch.simulator.SimulatorCluster;
import org.alliancesearch.simulator.SimulatorOptions;
import org.alliancesearch.simulator.data.WellKnownValue;

/**
 * The whole alliance on one machine: Keycloak with the alliance realm, simulated member MISPs with overlapping data,
 * and the portal with its embedded PostgreSQL, the members registered through the admin API. Everything listens on
 * 127.0.0.1; Ctrl-C stops everything; a second run reuses Keycloak, the database and the registered members.
 *
 * <p>
 * Settings (environment): {@code ALLIANCE_PORTAL_PORT} (8080), {@code ALLIANCE_KEYCLOAK_PORT} (8180),
 * {@code ALLIANCE_MISP_BASE_PORT} (9441), {@code ALLIANCE_MEMBERS} (3), {@code ALLIANCE_SEED} (42),
 * {@code ALLIANCE_DATA_DIR} (./data), {@code ALLIANCE_CACHE_DIR} (./.cache). Option {@code --members N} overrides the
 * number of simulated members.
 */
public final class AllianceDemo implements AutoCloseable {
    public static final String CLIENT_ID = "portal";
    public static final String CLIENT_SECRET = "portal-demo-secret";

    private final List<AutoCloseable> started = new ArrayList<>();
    private KeycloakServer keycloak;
    private SimulatorCluster members;
    private final List<PortalProcess> portals = new ArrayList<>();

    /** Where and how to start the stack. */
    public record Settings(Path projectRoot, Path dataDir, Path cacheDir, int portalPort, int keycloakPort,
            int mispBasePort, int memberCount, long seed) {
        static Settings fromEnvironment(Path root, String[] args) {
            int members = intEnv("ALLIANCE_MEMBERS", 3);
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--members") && i + 1 < args.length) {
                    members = Integer.parseInt(args[++i]);
                } else if (args[i].startsWith("--members=")) {
                    members = Integer.parseInt(args[i].substring("--members=".length()));
                } else {
                    throw new LauncherException("unknown option " + args[i] + " (known: --members N)");
                }
            }
            if (members < 1 || members > 200) {
                throw new LauncherException("--members must be between 1 and 200");
            }
            return new Settings(root, root.resolve(env("ALLIANCE_DATA_DIR", "data")),
                    root.resolve(env("ALLIANCE_CACHE_DIR", ".cache")), intEnv("ALLIANCE_PORTAL_PORT", 8080),
                    intEnv("ALLIANCE_KEYCLOAK_PORT", 8180), intEnv("ALLIANCE_MISP_BASE_PORT", 9441), members,
                    intEnv("ALLIANCE_SEED", 42));
        }
    }

    /** Starts Keycloak, the simulated members and one portal with its embedded database, and registers the members. */
    public static AllianceDemo start(Settings s) throws IOException, InterruptedException {
        return start(s, Map.of());
    }

    /**
     * Starts Keycloak, the simulated members and one portal, and registers the members.
     *
     * @param portalSettings extra portal configuration, e.g. the datasource of a database shared by replicas
     */
    public static AllianceDemo start(Settings s, Map<String, String> portalSettings)
            throws IOException, InterruptedException {
        Ports.requireFree(s.keycloakPort(), "Keycloak", "ALLIANCE_KEYCLOAK_PORT");
        Ports.requireFree(s.portalPort(), "portal", "ALLIANCE_PORTAL_PORT");
        for (int i = 0; i < s.memberCount(); i++) {
            Ports.requireFree(s.mispBasePort() + i, "simulated member MISP", "ALLIANCE_MISP_BASE_PORT");
        }
        AllianceDemo demo = new AllianceDemo();
        try {
            Path logs = s.dataDir().resolve("logs");
            Files.createDirectories(logs);
            Path realm = s.projectRoot().resolve("deploy/demo/alliance-realm.json");
            System.out.println("Starting Keycloak on 127.0.0.1:" + s.keycloakPort() + " (log: " + logs + ")...");
            demo.keycloak = KeycloakServer.start(KeycloakServer.install(s.cacheDir()), s.keycloakPort(), realm, logs);
            demo.started.add(demo.keycloak);

            System.out.println("Starting " + s.memberCount() + " simulated member MISPs...");
            // The admin endpoint is off: fault drills use the Java API or the simulator's own command line.
            demo.members = SimulatorCluster.start(SimulatorOptions.builder()
                    .instances(s.memberCount())
                    .basePort(s.mispBasePort())
                    .bindHost("127.0.0.1")
                    .seed(s.seed())
                    .adminPort(-1)
                    .build());
            demo.started.add(demo.members);

            System.out.println("Starting the portal on 127.0.0.1:" + s.portalPort() + "...");
            demo.startPortal(s, s.portalPort(), s.dataDir(), portalSettings);
            demo.registerMembers();
            return demo;
        } catch (IOException | InterruptedException | RuntimeException e) {
            demo.close();
            throw e;
        }
    }

    /** Starts another portal replica with the given settings (used by the multi-replica check). */
    public PortalProcess startPortal(Settings s, int port, Path dataDir, Map<String, String> settings)
            throws IOException, InterruptedException {
        PortalProcess p = PortalProcess.start(s.projectRoot(), port, keycloak.realmUrl("alliance"), dataDir,
                s.dataDir().resolve("logs/portal-" + port + ".log"), settings);
        started.add(p);
        portals.add(p);
        return p;
    }

    /** Registers every simulated member through the admin API, unless its URL is registered already. */
    void registerMembers() throws IOException, InterruptedException {
        MemberSeeder seeder = MemberSeeder.signIn(portals.get(0).url(), keycloak.realmUrl("alliance"), CLIENT_ID,
                CLIENT_SECRET, "admin", "admin");
        for (SimulatedMisp m : members.instances()) {
            String org = m.organisation().name();
            if (seeder.ensureMember("MISP " + org, org, m.url(), m.apiKey())) {
                System.out.println("  registered " + org + " at " + m.url());
            }
        }
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    public SimulatorCluster members() {
        return members;
    }

    public PortalProcess portal() {
        return portals.get(0);
    }

    void printWelcome() {
        String url = portal().url();
        StringBuilder b = new StringBuilder();
        b.append("\nThe alliance is running.\n\n");
        b.append("  Portal:    ").append(url).append("/\n");
        b.append("  API docs:  ").append(url).append("/q/swagger-ui\n");
        b.append("  Health:    ").append(portal().managementUrl()).append("/q/health (metrics: /q/metrics)\n");
        b.append("  Keycloak:  ").append(keycloak.baseUrl()).append("/ (console user kcadmin / kcadmin)\n\n");
        b.append("  Sign in as (password = user name):\n");
        b.append("    alice (org-a), bob (org-b), carol (org-c), dave (org-a) - members\n");
        b.append("    admin (secretariat) - member and admin\n\n");
        b.append("  Member MISPs:\n");
        for (SimulatedMisp m : members.instances()) {
            b.append("    ").append(m.organisation().name()).append("  ").append(m.url()).append('\n');
        }
        b.append("\n  Values worth searching:\n");
        for (WellKnownValue v : members.wellKnownValues()) {
            b.append("    ").append(v.value()).append("  (").append(v.type()).append(": ").append(v.note())
                    .append(")\n");
        }
        b.append("\nPress Ctrl-C to stop everything.\n");
        System.out.println(b);
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e.getMessage());
            }
        }
        started.clear();
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("alliance.root", ".")).toAbsolutePath().normalize();
        AllianceDemo demo;
        try {
            demo = start(Settings.fromEnvironment(root, args));
        } catch (LauncherException e) {
            System.err.println("Cannot start the demo: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping...");
            demo.close();
            stopped.countDown();
        }));
        demo.printWelcome();
        stopped.await();
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static int intEnv(String name, int fallback) {
        String v = env(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new LauncherException(name + " must be a number, not '" + v + "'");
        }
    }
}
