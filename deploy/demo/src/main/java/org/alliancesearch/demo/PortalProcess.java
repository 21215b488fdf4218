package org.alliancesearch.demo;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One portal replica, run from the packaged application as its own JVM. */
public final class PortalProcess implements AutoCloseable {
    private final ManagedProcess process;
    private final int port;
    private final int managementPort;
    private final Path databaseDir;

    private PortalProcess(ManagedProcess process, int port, int managementPort, Path databaseDir) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.databaseDir = databaseDir;
    }

    /**
     * Starts the packaged portal ({@code portal-app/target/quarkus-app}) on 127.0.0.1:{@code port} in the demo profile
     * and waits until it is ready. Its health and metrics are on a port of their own (the management interface), a free
     * one on 127.0.0.1 chosen here.
     *
     * @param settings extra configuration as Quarkus system properties (e.g. the datasource of a shared database)
     */
    public static PortalProcess start(Path projectRoot, int port, String realmUrl, Path dataDir, Path logFile,
            Map<String, String> settings) throws IOException, InterruptedException {
        return start(projectRoot, port, realmUrl, dataDir, logFile, settings, List.of());
    }

    /**
     * As {@link #start(Path, int, String, Path, Path, Map)}, with extra JVM options placed after the defaults, so that
     * they win (e.g. {@code -Xmx256m} for a memory benchmark).
     */
    public static PortalProcess start(Path projectRoot, int port, String realmUrl, Path dataDir, Path logFile,
            Map<String, String> settings, List<String> jvmOptions) throws IOException, InterruptedException {
        Path jar = projectRoot.resolve("portal-app/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new LauncherException("The portal is not built (" + projectRoot.relativize(jar)
                    + " is missing): run `mvn -B package -DskipTests` first.");
        }
        Files.createDirectories(dataDir);
        Files.createDirectories(logFile.getParent());
        Path databaseDir = dataDir.resolve("postgres").toAbsolutePath();
        int managementPort = Ports.free();
        // G1 with 4 MB heap regions, as in the container images: with 1 MB regions the merge's tables of a search of
        // 20,000 records and more are humongous objects, each starting a marking cycle (docs/operations.md). G1 is
        // named, since on one core or under 2 GB of memory the JVM would pick the serial collector.
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-XX:+UseG1GC",
                "-XX:G1HeapRegionSize=4m", "-Dquarkus.profile=demo",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + managementPort,
                "-Dquarkus.oidc.auth-server-url=" + realmUrl,
                "-Dalliance.database.embedded.data-dir=" + databaseDir));
        command.addAll(jvmOptions);
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        ManagedProcess p = ManagedProcess.start("Portal on port " + port, command, Map.of(), projectRoot, logFile);
        PortalProcess portal = new PortalProcess(p, port, managementPort, databaseDir);
        try {
            p.awaitHttpOk(URI.create(portal.managementUrl() + "/q/health/ready"), Duration.ofSeconds(120));
        } catch (RuntimeException | InterruptedException e) {
            p.close();
            throw e;
        }
        return portal;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Where the portal's health ({@code /q/health}) and metrics ({@code /q/metrics}) are served. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** Operating-system process id of the portal JVM. */
    public long pid() {
        return process.pid();
    }

    /** Data directory of the portal's embedded PostgreSQL (unless its settings name another database). */
    public Path databaseDir() {
        return databaseDir;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.close();
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
