package org.alliancesearch.demo;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The real Keycloak server, taken from Maven ({@code org.keycloak:keycloak-quarkus-dist}) into a cache folder once,
 * started in development mode on 127.0.0.1 with the alliance realm imported. Its H2 database lives in the cache
 * folder, so users and sessions survive a restart of the demo.
 */
public final class KeycloakServer implements AutoCloseable {
    public static final String VERSION = "26.5.6";
    private static final String ARTIFACT = "org.keycloak:keycloak-quarkus-dist:" + VERSION + ":tar.gz";

    private final ManagedProcess process;
    private final int port;

    private KeycloakServer(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Unpacks Keycloak into {@code cacheDir} unless it is there already; returns its home folder. */
    public static Path install(Path cacheDir) throws IOException, InterruptedException {
        Path home = cacheDir.resolve("keycloak-" + VERSION);
        if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
            return home;
        }
        Files.createDirectories(cacheDir);
        Path tarball = localRepository().resolve(
                "org/keycloak/keycloak-quarkus-dist/" + VERSION + "/keycloak-quarkus-dist-" + VERSION + ".tar.gz");
        if (!Files.isRegularFile(tarball)) {
            System.out.println("Fetching Keycloak " + VERSION + " through Maven (once, about 164 MB)...");
            run(List.of("mvn", "-B", "-q", "dependency:get", "-Dtransitive=false", "-Dartifact=" + ARTIFACT),
                    cacheDir);
        }
        if (!Files.isRegularFile(tarball)) {
            throw new LauncherException("Maven did not deliver " + ARTIFACT + " to " + tarball);
        }
        run(List.of("tar", "-xzf", tarball.toString(), "-C", cacheDir.toString()), cacheDir);
        return home;
    }

    /**
     * Starts Keycloak on 127.0.0.1:{@code port} and imports {@code realmFile} (skipped by Keycloak when the realm
     * exists already). Blocks until the realm answers.
     */
    public static KeycloakServer start(Path home, int port, Path realmFile, Path logDir)
            throws IOException, InterruptedException {
        Path importDir = home.resolve("data/import");
        Files.createDirectories(importDir);
        forgetRealmsImportedFromAnotherFile(home, realmFile);
        Files.copy(realmFile, importDir.resolve(realmFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(logDir);
        List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev", "--http-host=127.0.0.1",
                "--http-port=" + port, "--http-management-port=" + Ports.free(), "--import-realm",
                "--hostname-strict=false");
        Map<String, String> env = Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", "kcadmin", "KC_BOOTSTRAP_ADMIN_PASSWORD",
                "kcadmin", "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        ManagedProcess p = ManagedProcess.start("Keycloak", command, env, home, logDir.resolve("keycloak.log"));
        KeycloakServer server = new KeycloakServer(p, port);
        try {
            p.awaitHttpOk(URI.create(server.realmUrl("alliance") + "/.well-known/openid-configuration"),
                    Duration.ofSeconds(120));
        } catch (RuntimeException | InterruptedException e) {
            p.close();
            throw e;
        }
        return server;
    }

    /**
     * Keycloak imports a realm only when it does not exist yet, so a realm file changed since the last start (a new
     * client setting, a service account) would never reach the cached installation's database. The database of the
     * development server is dropped when the realm file differs from the one imported last; its users come from the
     * realm file again.
     */
    static void forgetRealmsImportedFromAnotherFile(Path home, Path realmFile) throws IOException {
        Path stamp = home.resolve("data/import/.imported-realm.sha256");
        String digest = sha256(Files.readAllBytes(realmFile));
        if (Files.exists(stamp) && Files.readString(stamp).strip().equals(digest)) {
            return;
        }
        Path database = home.resolve("data/h2");
        if (Files.exists(database)) {
            try (var files = Files.walk(database)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.writeString(stamp, digest);
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String realmUrl(String realm) {
        return baseUrl() + "/realms/" + realm;
    }

    @Override
    public void close() {
        process.close();
    }

    static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    private static void run(List<String> command, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        int exit = p.waitFor();
        if (exit != 0) {
            throw new LauncherException(String.join(" ", command) + " failed with exit code " + exit);
        }
    }
}
