package org.alliancesearch.drill;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.alliancesearch.bench.Machine;
import org.alliancesearch.demo.KeycloakServer;
import org.alliancesearch.demo.PortalProcess;
import org.alliancesearch.demo.Ports;
import org.alliancesearch.simulator.SimulatorCluster;
import org.alliancesearch.simulator.SimulatorOptions;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The reliability drill (docs/reliability.md): starts the alliance on 127.0.0.1, runs the five scenarios one after
 * another, prints every figure next to its target and writes them down (the full run into docs/reliability.md, the
 * smoke run into deploy/drill/target). Exits 1 when a gating target was missed, 2 when the drill itself could not run.
 */
public final class DrillMain {
    private DrillMain() {
    }

    public static void main(String[] args) {
        boolean smoke = List.of(args).contains("--smoke");
        DrillSizes sizes = smoke ? DrillSizes.smokeRun() : DrillSizes.fullRun();
        Path root = Path.of(System.getProperty("alliance.root", ".")).toAbsolutePath().normalize();
        Report report = new Report();
        int status;
        long t0 = System.nanoTime();
        String started = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        double loadBefore = Machine.loadAverage();
        try {
            run(root, sizes, report);
            status = report.failedGates().isEmpty() ? 0 : 1;
        } catch (Exception e) {
            e.printStackTrace();
            report.add("drill", "the drill ran to its end", "no: " + e, "yes", false, String.valueOf(e), true);
            status = 2;
        }
        double minutes = (System.nanoTime() - t0) / 60e9;
        try {
            String doc = document(root, sizes, report, started, minutes, loadBefore, Machine.loadAverage());
            Path out = smoke
                    ? root.resolve("deploy/drill/target/reliability-smoke.md")
                    : root.resolve("docs/reliability.md");
            if (!smoke) {
                String existing = Files.readString(out);
                int cut = existing.indexOf(RESULTS_MARK);
                doc = (cut < 0 ? existing + "\n" : existing.substring(0, cut)) + doc;
            }
            Files.writeString(out, doc);
            System.out.println("figures written to " + root.relativize(out));
        } catch (Exception e) {
            System.err.println("could not write the figures: " + e);
        }
        System.out.printf(Locale.ROOT, "drill %s in %.1f min%n", status == 0 ? "passed" : "FAILED", minutes);
        report.failedGates().forEach(r -> System.out.println("  missed: " + r.scenario() + ": " + r.figure() + " = "
                + r.value() + " (" + r.cause() + ")"));
        System.exit(status);
    }

    static final String RESULTS_MARK = "<!-- figures of the last full run: written by deploy/drill/run.sh -->";

    private static String document(Path root, DrillSizes sizes, Report report, String started, double minutes,
            double loadBefore, double loadAfter) {
        StringBuilder b = new StringBuilder();
        b.append(RESULTS_MARK).append("\n\n");
        b.append("- command: `deploy/drill/run.sh").append(sizes.smoke() ? " --smoke" : "").append("`\n");
        b.append("- started: ").append(started).append(String.format(Locale.ROOT, ", took %.1f min%n", minutes));
        b.append("- machine: ").append(Machine.describe()).append(String.format(Locale.ROOT,
                "; 1-minute load average %.2f before, %.2f after (the machine is shared with other work, so"
                        + " latencies and rates are lower bounds of what it can do alone)%n",
                loadBefore, loadAfter));
        b.append("- load: ").append(sizes).append("\n\n");
        b.append(report.table());
        b.append("\nThe authorisation matrix of scenario 2 (operation × caller → expected / observed statuses):\n\n");
        try {
            b.append(Files.readString(root.resolve("deploy/drill/target/drill-run/fuzz-matrix.md")));
        } catch (Exception e) {
            b.append("(not written: ").append(e.getMessage()).append(")\n");
        }
        return b.toString();
    }

    private static void run(Path root, DrillSizes sizes, Report report) throws Exception {
        Path work = root.resolve("deploy/drill/target/drill-run");
        Alliance.deleteTree(work);
        Files.createDirectories(work.resolve("logs"));
        System.out.println("== " + Machine.describe() + ", load average " + Machine.loadAverage());
        System.out.println("Starting PostgreSQL, Keycloak and " + (3 + HostileMembers.MODES.size() + 2)
                + " simulated members (logs: deploy/drill/target/drill-run/logs)...");
        EmbeddedPostgres pg = Alliance.startPostgres(Alliance.dataDir(work), Ports.free(), false);
        KeycloakServer keycloak;
        SimulatorCluster members;
        try {
            keycloak = KeycloakServer.start(KeycloakServer.install(root.resolve(".cache")), Ports.free(),
                    root.resolve("deploy/demo/alliance-realm.json"), work.resolve("logs"));
        } catch (Exception e) {
            pg.close();
            throw e;
        }
        int instances = HostileMembers.HONEST.size() + HostileMembers.MODES.size() + 2;
        SimulatorOptions.Builder options = SimulatorOptions.builder().instances(instances).basePort(0).seed(42)
                .events(5).attributesPerEvent(10).adminPort(-1);
        for (String org : HostileMembers.HONEST) {
            for (String v : HostileMembers.HONEST_VALUES) {
                options.plant(org, v, "domain", 3);
            }
        }
        for (String org : LoadAndReplicas.FIVE) {
            if (!HostileMembers.HONEST.contains(org)) {
                for (String v : HostileMembers.HONEST_VALUES) {
                    options.plant(org, v, "domain", 3);
                }
            }
        }
        for (String v : HostileMembers.SHARED_VALUES) {
            options.plant(v, "domain", 5);
        }
        // full pages of huge records: the huge-records member holds many of a shared value
        options.plant(HostileMembers.hostileOrg(HostileMembers.MODES.indexOf("huge-records=256")),
                "s2.drill.example", "domain", 400);
        members = SimulatorCluster.start(options.build());
        try (Alliance alliance = new Alliance(root, work, keycloak, members, pg, Alliance.dataDir(work))) {
            Callers callers = new Callers(alliance.realmUrl(), alliance.keycloakUrl());
            callers.resetKeycloak();
            PortalApi api = new PortalApi(callers);
            System.out.println("Starting the portal...");
            PortalProcess portal = alliance.startPortal("a", 0, Map.of());

            System.out.println("Scenario 1: hostile members");
            HostileMembers hostile = new HostileMembers(alliance, api, sizes, report);
            hostile.run(portal);
            for (String id : hostile.hostileIds()) {
                api.deleteMember(portal.url(), id);
            }

            System.out.println("Scenario 2: API fuzz and the authorisation matrix");
            callers.prepareForeignTokens();
            Map<String, String> before = api.members(portal.url());
            new ApiFuzz(api, sizes, report, portal.url()).run(work.resolve("fuzz-matrix.md"));
            restore(api, portal.url(), before);

            System.out.println("Scenario 3: crash without loss");
            portal = new CrashWithoutLoss(alliance, api, sizes, report).run(portal);

            System.out.println("Scenario 4: load while a member flaps");
            LoadAndReplicas load = new LoadAndReplicas(alliance, api, sizes, report);
            load.flappingLoad(portal);

            System.out.println("Scenario 5: lose a replica (then Keycloak stopped)");
            load.loseReplica(portal);
        }
    }

    /** Removes what the fuzz created that would change later scenarios: members it added, the policy it changed. */
    private static void restore(PortalApi api, String base, Map<String, String> before) {
        for (String id : api.members(base).keySet()) {
            if (!before.containsKey(id)) {
                api.deleteMember(base, id);
            }
        }
        String admin = api.callers().user("admin");
        var body = Http.JSON.createObjectNode().put("maxTlp", "AMBER");
        body.putArray("dropTags").add("tlp:red").add("PAP:RED");
        Http.Reply r = Http.json("PUT", base + "/api/v1/admin/policy", admin, body);
        if (!r.ok()) {
            System.out.println("  could not restore the policy: " + r.brief());
        }
    }
}
