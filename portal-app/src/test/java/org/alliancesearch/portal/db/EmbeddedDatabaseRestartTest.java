package org.alliancesearch.portal.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
