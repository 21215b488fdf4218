package org.alliancesearch.portal.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.SQLGrammarException;
import org.junit.jupiter.api.Test;

import io.vertx.pgclient.PgException;

/**
 * The reliability drill stopped PostgreSQL under load and got 500 for every request: a refused connection is the
 * database being away, answered 503, not a defect.
 */
class DatabaseUnavailableTest {

    @Test
    void refusedOrCutConnectionsAreTheDatabaseBeingAway() {
        // what the reactive client threw while PostgreSQL was stopped (Netty's AnnotatedConnectException is one)
        assertThat(DatabaseUnavailable.causedBy(new CompletionException(new ConnectException("Connection refused"))))
                .isTrue();
        assertThat(DatabaseUnavailable.causedBy(new JDBCConnectionException("no connection",
                new SQLException("refused", "08001")))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new RuntimeException(new SQLException("starting up", "57P03"))))
                .isTrue();
        assertThat(DatabaseUnavailable.causedBy(new PgException("terminating connection due to administrator"
                + " command", "FATAL", "57P01", null))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("Connection is closed"))).isTrue();
    }

    @Test
    void aConnectionCutWhileTheServerStopsIsTheDatabaseBeingAway() {
        // The drill once got a 500 for one search out of 171: its pooled connection was reset as PostgreSQL stopped.
        assertThat(DatabaseUnavailable.causedBy(new SocketException("Connection reset"))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new CompletionException(new SocketException("Broken pipe"))))
                .isTrue();
        // a query written to a connection that had just closed
        assertThat(DatabaseUnavailable.causedBy(new RuntimeException(new ClosedChannelException()))).isTrue();
    }

    @Test
    void defectsStayDefects() {
        assertThat(DatabaseUnavailable.causedBy(new SQLGrammarException("no such table",
                new SQLException("relation does not exist", "42P01")))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new PgException("duplicate key", "ERROR", "23505", null))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new NullPointerException())).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("Connection refused by policy")))
                .isFalse();
    }
}
