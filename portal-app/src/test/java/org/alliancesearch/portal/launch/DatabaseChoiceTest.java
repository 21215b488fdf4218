package org.alliancesearch.portal.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.runtime.LaunchMode;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;

/**
 * The launcher sees a datasource wherever Quarkus would, and starts the embedded PostgreSQL only when there is none.
 * Every configuration is built by {@link DatabaseChoice#sources()}, the builder the launcher uses; tests add a source
 * only to stand in for the process environment, which a running JVM cannot change.
 */
class DatabaseChoiceTest {
    private static final String REACTIVE = "postgresql://db.example:5432/alliance";
    private static final String JDBC = "jdbc:postgresql://db.example:5432/alliance";

    @TempDir
    Path temp;

    @BeforeEach
    void quarkusWouldRunInProduction() {
        // the decision depends on the launch mode's default profile (prod in NORMAL): the packaged application's
        assumeThat(LaunchMode.current()).isEqualTo(LaunchMode.NORMAL);
        assumeThat(System.getProperty(DatabaseChoice.REACTIVE_URL)).isNull();
        assumeThat(System.getenv("QUARKUS_DATASOURCE_REACTIVE_URL")).isNull();
        assumeThat(System.getenv("QUARKUS_PROFILE")).isNull();
    }

    private static SmallRyeConfig config(ConfigSource... standIns) {
        return DatabaseChoice.sources().withSources(standIns).build();
    }

    private static ConfigSource environment(Map<String, String> variables) {
        return new EnvConfigSource(variables, EnvConfigSource.ORDINAL);
    }

    @Test
    void withoutADatasourceTheProdProfileRefusesAndTheDemoProfileGetsTheEmbeddedDatabase() {
        assertThat(DatabaseChoice.decide(config(), LaunchMode.NORMAL))
                .isInstanceOfSatisfying(DatabaseChoice.Refused.class, r -> assertThat(r.reason())
                        .contains("QUARKUS_DATASOURCE_REACTIVE_URL", "ALLIANCE_DATABASE_EMBEDDED_ALLOW_IN_PROD"));

        DatabaseChoice demo = DatabaseChoice.decide(config(environment(Map.of("QUARKUS_PROFILE", "demo",
                "ALLIANCE_DATABASE_EMBEDDED_PORT", "15432"))), LaunchMode.NORMAL);
        assertThat(demo).isEqualTo(new DatabaseChoice.Embedded(
                Path.of("./data/postgres").toAbsolutePath().normalize(), 15432));
    }

    @Test
    void aDatasourceInSystemPropertiesIsUsed() throws Exception {
        Map<String, String> set = Map.of(DatabaseChoice.REACTIVE_URL, REACTIVE, DatabaseChoice.JDBC_URL, JDBC);
        DatabaseChoice choice = withSystemProperties(set, () -> DatabaseChoice.decide(LaunchMode.NORMAL));
        assertThat(choice).isInstanceOf(DatabaseChoice.Configured.class);
    }

    @Test
    void aDatasourceInEnvironmentVariablesIsUsed() {
        assertThat(DatabaseChoice.decide(config(environment(Map.of("QUARKUS_DATASOURCE_REACTIVE_URL", REACTIVE,
                "QUARKUS_DATASOURCE_JDBC_URL", JDBC))), LaunchMode.NORMAL))
                .isInstanceOf(DatabaseChoice.Configured.class);
        // the profile-specific form of an environment variable: %prod.quarkus.datasource.reactive.url
        assertThat(DatabaseChoice.decide(config(environment(Map.of("_PROD_QUARKUS_DATASOURCE_REACTIVE_URL", REACTIVE,
                "_PROD_QUARKUS_DATASOURCE_JDBC_URL", JDBC))), LaunchMode.NORMAL))
                .isInstanceOf(DatabaseChoice.Configured.class);
    }

    @Test
    void aDatasourceInADotEnvFileInTheWorkingDirectoryIsUsed() throws Exception {
        Files.writeString(temp.resolve(".env"),
                "QUARKUS_DATASOURCE_REACTIVE_URL=" + REACTIVE + "\nQUARKUS_DATASOURCE_JDBC_URL=" + JDBC + "\n");
        DatabaseChoice choice = withSystemProperties(Map.of("user.dir", temp.toString()),
                () -> DatabaseChoice.decide(LaunchMode.NORMAL));
        assertThat(choice).isInstanceOf(DatabaseChoice.Configured.class);
        // and without the file, the same working directory has no datasource
        Files.delete(temp.resolve(".env"));
        assertThat(withSystemProperties(Map.of("user.dir", temp.toString()),
                () -> DatabaseChoice.decide(LaunchMode.NORMAL))).isInstanceOf(DatabaseChoice.Refused.class);
    }

    @Test
    void aDatasourceInConfigApplicationPropertiesInTheWorkingDirectoryIsUsed() throws Exception {
        Files.createDirectories(temp.resolve("config"));
        Files.writeString(temp.resolve("config/application.properties"),
                "quarkus.datasource.reactive.url=" + REACTIVE + "\nquarkus.datasource.jdbc.url=" + JDBC + "\n");
        assertThat(withSystemProperties(Map.of("user.dir", temp.toString()),
                () -> DatabaseChoice.decide(LaunchMode.NORMAL))).isInstanceOf(DatabaseChoice.Configured.class);
    }

    @Test
    void profileSpecificKeysCountOnlyInTheirProfile() {
        ConfigSource prodKeys = new PropertiesConfigSource(Map.of("%prod." + DatabaseChoice.REACTIVE_URL, REACTIVE,
                "%prod." + DatabaseChoice.JDBC_URL, JDBC), "application.properties stand-in", 250);
        // prod is the default profile of the packaged application
        assertThat(DatabaseChoice.decide(config(prodKeys), LaunchMode.NORMAL))
                .isInstanceOf(DatabaseChoice.Configured.class);
        // in another profile the %prod. keys do not configure a datasource
        assertThat(DatabaseChoice.decide(config(prodKeys, environment(Map.of("QUARKUS_PROFILE", "demo"))),
                LaunchMode.NORMAL)).isInstanceOf(DatabaseChoice.Embedded.class);

        ConfigSource stagingKeys = new PropertiesConfigSource(Map.of("%staging." + DatabaseChoice.REACTIVE_URL,
                REACTIVE, "%staging." + DatabaseChoice.JDBC_URL, JDBC), "application.properties stand-in", 250);
        assertThat(DatabaseChoice.decide(config(stagingKeys, environment(Map.of("QUARKUS_PROFILE", "staging"))),
                LaunchMode.NORMAL)).isInstanceOf(DatabaseChoice.Configured.class);
        // the demo profile's own data directory (a profile key of the real application.properties style)
        ConfigSource demoDir = new PropertiesConfigSource(Map.of("%demo." + DatabaseChoice.DATA_DIR, "./demo-data"),
                "application.properties stand-in", 250);
        assertThat(DatabaseChoice.decide(config(demoDir, environment(Map.of("QUARKUS_PROFILE", "demo"))),
                LaunchMode.NORMAL)).isEqualTo(new DatabaseChoice.Embedded(
                        Path.of("./demo-data").toAbsolutePath().normalize(), 0));
    }

    @Test
    void aConfiguredDatasourceSetsNothingElse() throws Exception {
        Properties before = (Properties) System.getProperties().clone();
        DatabaseChoice choice = DatabaseChoice.decide(config(environment(Map.of(
                "QUARKUS_DATASOURCE_REACTIVE_URL", REACTIVE, "QUARKUS_DATASOURCE_JDBC_URL", JDBC))),
                LaunchMode.NORMAL);
        assertThat(choice).isEqualTo(new DatabaseChoice.Configured(
                List.of(DatabaseChoice.REACTIVE_URL, DatabaseChoice.JDBC_URL)));
        assertThat(System.getProperties()).isEqualTo(before);
        assertThat(System.getProperties().stringPropertyNames()).noneMatch(k -> k.startsWith("quarkus.datasource."));
        // a configured datasource wins even where the embedded one would be refused or allowed
        assertThat(DatabaseChoice.decide(config(environment(Map.of("QUARKUS_DATASOURCE_REACTIVE_URL", REACTIVE,
                "QUARKUS_DATASOURCE_JDBC_URL", JDBC, "ALLIANCE_DATABASE_EMBEDDED_ALLOW_IN_PROD", "true"))),
                LaunchMode.NORMAL)).isInstanceOf(DatabaseChoice.Configured.class);
    }

    @Test
    void aDatasourceConfiguredOnlyInPartIsRefusedRatherThanReplacedByTheEmbeddedOne() {
        assertThat(DatabaseChoice.decide(config(environment(Map.of("QUARKUS_DATASOURCE_JDBC_URL", JDBC))),
                LaunchMode.NORMAL)).isInstanceOfSatisfying(DatabaseChoice.Refused.class,
                        r -> assertThat(r.reason()).contains("QUARKUS_DATASOURCE_JDBC_URL is set but "
                                + "QUARKUS_DATASOURCE_REACTIVE_URL is not"));
        assertThat(DatabaseChoice.decide(config(environment(Map.of("QUARKUS_DATASOURCE_REACTIVE_URL", REACTIVE,
                "QUARKUS_PROFILE", "demo"))), LaunchMode.NORMAL))
                .isInstanceOfSatisfying(DatabaseChoice.Refused.class, r -> assertThat(r.reason())
                        .contains("QUARKUS_DATASOURCE_REACTIVE_URL is set but QUARKUS_DATASOURCE_JDBC_URL is not"));
        // an empty value is no value
        assertThat(DatabaseChoice.decide(config(environment(Map.of("QUARKUS_DATASOURCE_REACTIVE_URL", "",
                "QUARKUS_PROFILE", "demo"))), LaunchMode.NORMAL)).isInstanceOf(DatabaseChoice.Embedded.class);
    }

    @Test
    void theProdProfileRefusesTheEmbeddedDatabaseUnlessAskedFor() throws Exception {
        assertThat(DatabaseChoice.decide(config(environment(Map.of("QUARKUS_PROFILE", "prod"))), LaunchMode.NORMAL))
                .isInstanceOf(DatabaseChoice.Refused.class);
        assertThat(DatabaseChoice.decide(config(environment(Map.of("ALLIANCE_DATABASE_EMBEDDED_ALLOW_IN_PROD",
                "true"))), LaunchMode.NORMAL)).isInstanceOf(DatabaseChoice.Embedded.class);
        // a system property outranks the environment, as in Quarkus
        assertThat(withSystemProperties(Map.of(DatabaseChoice.ALLOW_IN_PROD, "false"),
                () -> DatabaseChoice.decide(config(environment(Map.of("ALLIANCE_DATABASE_EMBEDDED_ALLOW_IN_PROD",
                        "true"))), LaunchMode.NORMAL)))
                .isInstanceOf(DatabaseChoice.Refused.class);
        assertThat(withSystemProperties(Map.of("quarkus.profile", "demo"),
                () -> DatabaseChoice.decide(LaunchMode.NORMAL))).isInstanceOf(DatabaseChoice.Embedded.class);
        // only the packaged application: not in dev mode
        assertThat(DatabaseChoice.decide(config(), LaunchMode.DEVELOPMENT)).isInstanceOf(DatabaseChoice.Embedded.class);
    }

    /** Runs {@code action} with {@code properties} set as system properties, then restores the previous values. */
    private static <T> T withSystemProperties(Map<String, String> properties, Callable<T> action) throws Exception {
        Map<String, String> previous = new HashMap<>();
        properties.keySet().forEach(k -> previous.put(k, System.getProperty(k)));
        properties.forEach(System::setProperty);
        try {
            return action.call();
        } finally {
            previous.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }
}
