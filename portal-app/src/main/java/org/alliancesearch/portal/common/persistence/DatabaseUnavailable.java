package org.alliancesearch.portal.common.persistence;

import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import org.alliancesearch.model.failure.Causes;

/**
 * Recognises a failure that means PostgreSQL cannot be reached right now (refused or cut connections, the server
 * shutting down or starting), as opposed to a defect: the first is answered 503 with {@code Retry-After}, and the
 * portal recovers by itself once the database is back; only the second is a 500.
 */
public final class DatabaseUnavailable {
    /** Classes named rather than imported: the reactive and the JDBC client each bring their own. */
    private static final Set<String> CONNECTION_FAILURES = Set.of("org.hibernate.exception.JDBCConnectionException",
            "io.vertx.sqlclient.ClosedConnectionException", "io.agroal.pool.ConnectionPool$AcquisitionTimeout");

    private DatabaseUnavailable() {
    }

    /** Whether {@code e} or one of its causes says that the database is out of reach. */
    public static boolean causedBy(Throwable e) {
        for (Throwable t : Causes.chain(e)) {
            // refused (ConnectException is one), reset or broken while the server stops; written to a closed channel
            if (t instanceof SocketException || t instanceof ClosedChannelException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || CONNECTION_FAILURES.contains(t.getClass().getName())) {
                return true;
            }
            if (t instanceof SQLException sql && unavailableState(sql.getSQLState())) {
                return true;
            }
            if (t.getClass().getName().equals("io.vertx.pgclient.PgException") && unavailableState(sqlState(t))) {
                return true;
            }
            if ("Connection is closed".equals(t.getMessage())) {
                // what the Vert.x SQL client says when the server went away mid-query
                return true;
            }
        }
        return false;
    }

    /** Class 08 (connection exception) and 57P (operator intervention: shutdown, cannot connect now). */
    static boolean unavailableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    private static String sqlState(Throwable pg) {
        for (String getter : new String[]{"getSqlState", "getCode"}) {
            try {
                Object v = pg.getClass().getMethod(getter).invoke(pg);
                if (v instanceof String s) {
                    return s;
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // older or newer client: try the other name
            }
        }
        return null;
    }
}
