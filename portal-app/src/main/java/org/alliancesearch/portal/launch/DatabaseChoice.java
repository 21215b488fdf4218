package org.alliancesearch.portal.launch;

import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Which database the portal uses, decided before Quarkus runs from the configuration sources Quarkus itself reads:
 * system properties, environment variables, {@code .env} in the working directory,
 * {@code config/application.properties} in the working directory and {@code application.properties} on the class
 * path, with profile-specific keys ({@code %prod.}) and the launch mode's default profile resolved by SmallRye Config.
 */
sealed interface DatabaseChoice {
    String REACTIVE_URL = "quarkus.datasource.reactive.url";
    String JDBC_URL = "quarkus.datasource.jdbc.url";
    String DATA_DIR = "alliance.database.embedded.data-dir";
    String PORT = "alliance.database.embedded.port";
    String ALLOW_IN_PROD = "alliance.database.embedded.allow-in-prod";

    /** A datasource is configured: the launcher starts Quarkus and sets nothing. */
    record Configured(List<String> keys) implements DatabaseChoice {
    }

    /** No datasource is configured: the launcher starts the embedded PostgreSQL first. */
    record Embedded(Path dataDirectory, int port) implements DatabaseChoice {
    }

    /** The portal must not start: {@code reason} says why and what to set. */
    record Refused(String reason) implements DatabaseChoice {
    }

    /**
     * The configuration sources Quarkus builds its runtime configuration from (the same builder Quarkus uses before
     * its own configuration is registered), without registering the result: Quarkus builds its own when it runs.
     */
    static SmallRyeConfigBuilder sources() {
        return ConfigUtils.emptyConfigBuilder();
    }

    static DatabaseChoice decide(LaunchMode mode) {
        return decide(sources().build(), mode);
    }

    static DatabaseChoice decide(SmallRyeConfig config, LaunchMode mode) {
        boolean reactive = isSet(config, REACTIVE_URL);
        boolean jdbc = isSet(config, JDBC_URL);
        if (reactive && jdbc) {
            return new Configured(List.of(REACTIVE_URL, JDBC_URL));
        }
        if (reactive || jdbc) {
            String set = reactive ? "QUARKUS_DATASOURCE_REACTIVE_URL" : "QUARKUS_DATASOURCE_JDBC_URL";
            String missing = reactive ? "QUARKUS_DATASOURCE_JDBC_URL" : "QUARKUS_DATASOURCE_REACTIVE_URL";
            return new Refused("The datasource is configured only in part: " + set + " is set but " + missing
                    + " is not. Set both to the same PostgreSQL server (the portal reads through the reactive URL "
                    + "and migrates the schema over JDBC), or neither for the embedded PostgreSQL. "
                    + "See docs/operations.md.");
        }
        boolean prod = mode == LaunchMode.NORMAL && config.getProfiles().contains("prod");
        if (prod && !config.getOptionalValue(ALLOW_IN_PROD, Boolean.class).orElse(false)) {
            return new Refused("No database configured: in production the portal does not start the embedded "
                    + "PostgreSQL. Set QUARKUS_DATASOURCE_REACTIVE_URL and QUARKUS_DATASOURCE_JDBC_URL (and the user "
                    + "and password) to a PostgreSQL server, or, for a single-machine trial only, "
                    + "ALLIANCE_DATABASE_EMBEDDED_ALLOW_IN_PROD=true. See docs/operations.md.");
        }
        Path dataDir = Path.of(config.getOptionalValue(DATA_DIR, String.class).orElse("./data/postgres"))
                .toAbsolutePath().normalize();
        return new Embedded(dataDir, config.getOptionalValue(PORT, Integer.class).orElse(0));
    }

    /**
     * Whether {@code key} has a non-empty value in any source. A value whose expression cannot be resolved counts as
     * set: someone configured it, and Quarkus reports the expression when it starts.
     */
    private static boolean isSet(SmallRyeConfig config, String key) {
        try {
            return config.getOptionalValue(key, String.class).filter(v -> !v.isBlank()).isPresent();
        } catch (NoSuchElementException e) {
            return true;
        }
    }
}
