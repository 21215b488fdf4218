package org.alliancesearch.portal.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import org.alliancesearch.portal.testsupport.ReferenceHashes;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upgrading a database whose search audit holds bare SHA-256 hashes of searched values (reversible for small value
 * spaces such as IPv4) leaves none of them behind; the rest of each row is kept.
 */
class AuditHashMigrationTest {

    @Test
    void bareHashesOfSearchedValuesAreClearedByTheUpgrade(@TempDir Path dir) throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("data"), 0)) {
            Flyway.configure().dataSource(db.jdbcUrl(), EmbeddedDatabase.USER, "").target("21").load().migrate();
            UUID id = UUID.randomUUID();
            String bare = ReferenceHashes.sha256("192.0.2.77");
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, "");
                    Statement s = c.createStatement()) {
                s.executeUpdate("insert into search_audit (id, at, username, organisation, source, value_count,"
                        + " value_hashes, members_json, member_count, failed_count, indicator_count, attribute_count,"
                        + " removed_by_policy) values ('" + id + "', now(), 'old-user', 'org-a', 'api', 1, '" + bare
                        + "', '[]', 3, 0, 2, 5, 0)");
            }

            Flyway.configure().dataSource(db.jdbcUrl(), EmbeddedDatabase.USER, "").load().migrate();

            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, "");
                    Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("select value_hashes, value_hash_scheme, username, member_count,"
                            + " indicator_count from search_audit where id = '" + id + "'")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString("value_hashes")).isEmpty();
                assertThat(r.getString("value_hash_scheme")).isEqualTo("cleared");
                assertThat(r.getString("username")).isEqualTo("old-user");
                assertThat(r.getInt("member_count")).isEqualTo(3);
                assertThat(r.getInt("indicator_count")).isEqualTo(2);
            }
        }
    }
}
