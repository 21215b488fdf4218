package org.alliancesearch.portal.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the portal. Without a configured datasource ({@code quarkus.datasource.reactive.url}, env
 * {@code QUARKUS_DATASOURCE_REACTIVE_URL}) it first starts the embedded PostgreSQL in
 * {@code alliance.database.embedded.data-dir} (default {@code ./data/postgres}) and points Quarkus at it through
 * system properties, which Quarkus reads when it builds its runtime configuration; the database stops after Quarkus.
 */
@QuarkusMain
public final class PortalMain {
    private static final Logger LOG = Logger.getLogger(PortalMain.class);

    static final String REACTIVE_URL = "quarkus.datasource.reactive.url";
    static final String DATA_DIR = "alliance.database.embedded.data-dir";
    static final String PORT = "alliance.database.embedded.port";
    static final String ALLOW_IN_PROD = "alliance.database.embedded.allow-in-prod";

    private PortalMain() {
    }

    public static void main(String... args) {
        LauncherConfig config = LauncherConfig.read(System.getenv(), System.getProperties(), applicationProperties());
        if (config.lookup(REACTIVE_URL).isPresent()) {
            Quarkus.run(args);
            return;
        }
        Optional<String> refusal = embeddedRefusal(config, LaunchMode.current());
        if (refusal.isPresent()) {
            LOG.error(refusal.get());
            System.exit(1);
            return;
        }
        Path dataDir = Path.of(config.lookup(DATA_DIR).orElse("./data/postgres")).toAbsolutePath().normalize();
        int port = Integer.parseInt(config.lookup(PORT).orElse("0"));
        EmbeddedDatabase database;
        try {
            database = EmbeddedDatabase.start(dataDir, port);
        } catch (IOException | RuntimeException e) {
            LOG.errorf("Could not start the embedded PostgreSQL in %s: %s. Configure a PostgreSQL server with "
                    + "QUARKUS_DATASOURCE_REACTIVE_URL and QUARKUS_DATASOURCE_JDBC_URL, or fix the data directory.",
                    dataDir, e.getMessage());
            System.exit(1);
            return;
        }
        LOG.infof("Embedded PostgreSQL on 127.0.0.1:%d, data in %s", database.port(), dataDir);
        database.datasourceProperties().forEach(System::setProperty);
        try {
            Quarkus.run(args);
        } finally {
            try {
                database.close();
            } catch (IOException e) {
                LOG.warnf("Embedded PostgreSQL did not stop cleanly: %s", e.getMessage());
            }
        }
    }

    /**
     * Why the launcher must not start the embedded PostgreSQL, if it must not: the packaged application in the prod
     * profile needs a real database server (the embedded one trusts every local connection and has no backups) unless
     * {@code alliance.database.embedded.allow-in-prod=true} asks for it.
     */
    static Optional<String> embeddedRefusal(LauncherConfig config, LaunchMode mode) {
        boolean prod = mode == LaunchMode.NORMAL && List.of(config.profile().split(",")).contains("prod");
        if (!prod || config.lookup(ALLOW_IN_PROD).map(Boolean::parseBoolean).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of("No database configured: in production the portal does not start the embedded PostgreSQL. "
                + "Set QUARKUS_DATASOURCE_REACTIVE_URL and QUARKUS_DATASOURCE_JDBC_URL (and the user and password) to "
                + "a PostgreSQL server, or, for a single-machine trial only, ALLIANCE_DATABASE_EMBEDDED_ALLOW_IN_PROD=true."
                + " See docs/operations.md.");
    }

    private static Properties applicationProperties() {
        Properties props = new Properties();
        try (InputStream in = PortalMain.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                props.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // only defaults then
        }
        Path external = Path.of("config", "application.properties");
        if (Files.isReadable(external)) {
            try (Reader in = Files.newBufferedReader(external, StandardCharsets.UTF_8)) {
                props.load(in);
            } catch (IOException e) {
                // ignore: Quarkus reports unreadable configuration itself
            }
        }
        return props;
    }

    /** The few settings the launcher needs before Quarkus runs, looked up the way Quarkus does. */
    record LauncherConfig(Map<String, String> env, Properties system, Properties application, String profile) {
        static LauncherConfig read(Map<String, String> env, Properties system, Properties application) {
            String profile = Optional.ofNullable(system.getProperty("quarkus.profile"))
                    .or(() -> Optional.ofNullable(env.get("QUARKUS_PROFILE"))).orElse("prod");
            return new LauncherConfig(env, system, application, profile);
        }

        Optional<String> lookup(String key) {
            String value = system.getProperty(key);
            if (blank(value)) {
                value = env.get(envName(key));
            }
            if (blank(value)) {
                value = env.get(envName("%" + profile + "." + key));
            }
            if (blank(value)) {
                value = application.getProperty("%" + profile + "." + key);
            }
            if (blank(value)) {
                value = application.getProperty(key);
            }
            return blank(value) ? Optional.empty() : Optional.of(value.trim());
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }

        /** MicroProfile Config's environment variable name: non-alphanumerics to '_', upper case. */
        static String envName(String key) {
            StringBuilder sb = new StringBuilder();
            for (char c : key.toCharArray()) {
                sb.append(Character.isLetterOrDigit(c) ? c : '_');
            }
            return sb.toString().toUpperCase(Locale.ROOT);
        }
    }
}
