package org.alliancesearch.portal.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.alliancesearch.portal.db.EmbeddedDatabase;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real PostgreSQL for @QuarkusTests: the portal's own embedded database, on a fresh temporary directory. */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {
    private Path dataDir;
    private EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        try {
            dataDir = Files.createTempDirectory("portal-test-pg");
            database = EmbeddedDatabase.start(dataDir.resolve("data"), 0);
            return database.datasourceProperties();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        try {
            if (database != null) {
                database.close();
            }
            if (dataDir != null) {
                try (Stream<Path> files = Files.walk(dataDir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
