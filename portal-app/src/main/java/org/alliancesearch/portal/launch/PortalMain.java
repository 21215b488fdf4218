package org.alliancesearch.portal.launch;

import java.io.IOException;

import org.alliancesearch.portal.db.EmbeddedDatabase;
import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the portal. The database is chosen from the configuration Quarkus will read ({@link DatabaseChoice}): a
 * datasource configured any way Quarkus accepts is used as it is, and the launcher sets nothing. Without one it first
 * starts the embedded PostgreSQL in {@code alliance.database.embedded.data-dir} (default {@code ./data/postgres}) and
 * points Quarkus at it through system properties, which Quarkus reads when it builds its runtime configuration; the
 * database stops after Quarkus. The prod profile refuses the embedded database unless
 * {@code alliance.database.embedded.allow-in-prod=true}.
 */
@QuarkusMain
public final class PortalMain {
    private static final Logger LOG = Logger.getLogger(PortalMain.class);

    private PortalMain() {
    }

    public static void main(String... args) {
        DatabaseChoice choice = DatabaseChoice.decide(LaunchMode.current());
        if (choice instanceof DatabaseChoice.Configured) {
            Quarkus.run(args);
        } else if (choice instanceof DatabaseChoice.Refused refused) {
            refuse(refused.reason());
        } else if (choice instanceof DatabaseChoice.Embedded embedded) {
            runOnEmbeddedDatabase(embedded, args);
        }
    }

    /**
     * Stops before Quarkus runs. The message goes to standard error: Quarkus holds log records back until it has
     * configured logging, so a record logged here would be lost on exit.
     */
    private static void refuse(String reason) {
        System.err.println("ERROR " + reason);
        System.exit(1);
    }

    private static void runOnEmbeddedDatabase(DatabaseChoice.Embedded embedded, String... args) {
        EmbeddedDatabase database;
        try {
            database = EmbeddedDatabase.start(embedded.dataDirectory(), embedded.port());
        } catch (IOException | RuntimeException e) {
            refuse("Could not start the embedded PostgreSQL in " + embedded.dataDirectory() + ": " + e.getMessage()
                    + ". Configure a PostgreSQL server with QUARKUS_DATASOURCE_REACTIVE_URL and "
                    + "QUARKUS_DATASOURCE_JDBC_URL, or fix the data directory.");
            return;
        }
        LOG.infof("Embedded PostgreSQL on 127.0.0.1:%d, data in %s", database.port(), embedded.dataDirectory());
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
}
