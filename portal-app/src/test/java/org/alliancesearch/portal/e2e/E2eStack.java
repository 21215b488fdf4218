package org.alliancesearch.portal.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.alliancesearch.demo.AllianceDemo;
import org.alliancesearch.demo.Ports;

/**
 * One alliance (real Keycloak, three simulated members, the packaged portal on embedded PostgreSQL) shared by all
 * browser flows of a run; started on first use and stopped when the test JVM exits.
 */
final class E2eStack {
    private static AllianceDemo demo;

    private E2eStack() {
    }

    static synchronized AllianceDemo get() throws Exception {
        if (demo == null) {
            Path root = Path.of(System.getProperty("alliance.project.root", ".."));
            Path work = Path.of(System.getProperty("alliance.e2e.work", "target/e2e-work"));
            Files.createDirectories(work);
            Path data = Files.createTempDirectory(work, "data-");
            Path cache = root.resolve(System.getenv().getOrDefault("ALLIANCE_CACHE_DIR", ".cache"));
            for (int attempt = 1; demo == null; attempt++) {
                AllianceDemo.Settings settings = new AllianceDemo.Settings(root, data, cache, Ports.free(),
                        Ports.free(), Ports.freeRun(3), 3, 42);
                try {
                    // Keys' owners are confirmed with Keycloak every few seconds here, so that a disabled owner is
                    // seen quickly; due watches are looked for every two seconds, and "run now" may follow a run
                    // after three, so that the watch flow need not wait a minute.
                    demo = AllianceDemo.start(settings, Map.of("alliance.api-keys.owner-check.interval", "PT3S",
                            "alliance.watch.sweep-interval", "PT2S", "alliance.watch.run-now-gap", "PT3S"));
                } catch (Ports.PortTakenException e) {
                    // a port chosen free was taken by another process before the stack started: choose again
                    if (attempt == 3) {
                        throw e;
                    }
                }
            }
            Runtime.getRuntime().addShutdownHook(new Thread(demo::close, "e2e-stack-stop"));
        }
        return demo;
    }
}
