package org.alliancesearch.portal.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.runtime.LaunchMode;

/** The embedded database keeps its data across a stop and a start on the same data directory. */
class EmbeddedDatabaseRestartTest {
    @TempDir
    Path temp;

    @Test
    void dataSurvivesARestart() throws Exception {
        Path dataDir = temp.resolve("postgres");
        try (EmbeddedDatabase first = EmbeddedDatabase.start(dataDir, 0)) {
            Flyway.configure().dataSource(first.jdbcUrl(), EmbeddedDatabase.USER, "").load().migrate();
            try (Connection c = DriverManager.getConnection(first.jdbcUrl(), EmbeddedDatabase.USER, "");
                    Statement s = c.createStatement()) {
                s.executeUpdate("update alliance_policy set max_tlp = 'GREEN', updated_by = 'before-restart'");
            }
        }
        assertThat(Files.exists(dataDir.resolve("postgresql.conf"))).isTrue();
        try (EmbeddedDatabase second = EmbeddedDatabase.start(dataDir, 0)) {
            // migrations already applied: nothing to do, data unchanged
            assertThat(Flyway.configure().dataSource(second.jdbcUrl(), EmbeddedDatabase.USER, "").load()
                    .migrate().migrationsExecuted).isZero();
            try (Connection c = DriverManager.getConnection(second.jdbcUrl(), EmbeddedDatabase.USER, "");
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select max_tlp, updated_by from alliance_policy")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("GREEN");
                assertThat(rs.getString(2)).isEqualTo("before-restart");
            }
            Map<String, String> props = second.datasourceProperties();
            assertThat(props.get("quarkus.datasource.reactive.url"))
                    .isEqualTo("postgresql://127.0.0.1:" + second.port() + "/alliance");
            assertThat(props.get("quarkus.datasource.jdbc.url")).isEqualTo(second.jdbcUrl());
        }
    }

    @Test
    void launcherSeesAConfiguredDatasourceWhereverQuarkusWould() {
        Properties app = new Properties();
        app.setProperty("alliance.database.embedded.data-dir", "./data/postgres");
        app.setProperty("%demo.alliance.database.embedded.data-dir", "./demo-data");
        Properties none = new Properties();

        var plain = PortalMain.LauncherConfig.read(Map.of(), none, app);
        assertThat(plain.lookup(PortalMain.REACTIVE_URL)).isEmpty();
        assertThat(plain.lookup(PortalMain.DATA_DIR)).contains("./data/postgres");

        var fromEnv = PortalMain.LauncherConfig.read(
                Map.of("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://db:5432/alliance"), none, app);
        assertThat(fromEnv.lookup(PortalMain.REACTIVE_URL)).contains("postgresql://db:5432/alliance");

        Properties system = new Properties();
        system.setProperty("quarkus.profile", "demo");
        var demo = PortalMain.LauncherConfig.read(Map.of("ALLIANCE_DATABASE_EMBEDDED_PORT", "15432"), system, app);
        assertThat(demo.lookup(PortalMain.DATA_DIR)).contains("./demo-data");
        assertThat(demo.lookup(PortalMain.PORT)).contains("15432");
    }

    @Test
    void theProdProfileRefusesTheEmbeddedDatabaseUnlessAskedFor() {
        Properties app = new Properties();
        Properties none = new Properties();
        var prod = PortalMain.LauncherConfig.read(Map.of(), none, app);
        assertThat(PortalMain.embeddedRefusal(prod, LaunchMode.NORMAL)).get().asString()
                .contains("QUARKUS_DATASOURCE_REACTIVE_URL", "ALLIANCE_DATABASE_EMBEDDED_ALLOW_IN_PROD");
        var prodFromEnv = PortalMain.LauncherConfig.read(Map.of("QUARKUS_PROFILE", "prod"), none, app);
        assertThat(PortalMain.embeddedRefusal(prodFromEnv, LaunchMode.NORMAL)).isPresent();

        var allowed = PortalMain.LauncherConfig.read(Map.of("ALLIANCE_DATABASE_EMBEDDED_ALLOW_IN_PROD", "true"), none,
                app);
        assertThat(PortalMain.embeddedRefusal(allowed, LaunchMode.NORMAL)).isEmpty();
        Properties system = new Properties();
        system.setProperty("alliance.database.embedded.allow-in-prod", "false");
        assertThat(PortalMain.embeddedRefusal(PortalMain.LauncherConfig.read(Map.of(), system, app),
                LaunchMode.NORMAL)).isPresent();

        Properties demo = new Properties();
        demo.setProperty("quarkus.profile", "demo");
        assertThat(PortalMain.embeddedRefusal(PortalMain.LauncherConfig.read(Map.of(), demo, app), LaunchMode.NORMAL))
                .isEmpty();
        assertThat(PortalMain.embeddedRefusal(prod, LaunchMode.DEVELOPMENT)).isEmpty();
    }
}
