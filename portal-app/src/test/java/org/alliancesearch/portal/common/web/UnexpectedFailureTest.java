package org.alliancesearch.portal.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketException;
import java.util.concurrent.CompletionException;

import org.alliancesearch.portal.common.web.ExceptionMappers.Unexpected;
import org.junit.jupiter.api.Test;

import io.quarkus.oidc.OIDCException;

/**
 * Which answer an unexpected failure gets. A Keycloak connection refused or reset while a session or token is checked
 * carries the same socket failure as a database that went away; it is sign-in that is unavailable, said with the
 * sign-in text and its {@code Retry-After}, not the database.
 */
class UnexpectedFailureTest {

    @Test
    void keycloakOutOfReachIsSignInUnavailableWhateverTheSocketSaid() {
        assertThat(Unexpected.of(new OIDCException(new SocketException("Connection reset"))))
                .isEqualTo(Unexpected.SIGN_IN_UNAVAILABLE);
        assertThat(Unexpected.of(new CompletionException(new OIDCException("OIDC server is not available",
                new ConnectException("Connection refused"))))).isEqualTo(Unexpected.SIGN_IN_UNAVAILABLE);
        assertThat(Unexpected.of(new OIDCException("token could not be verified")))
                .isEqualTo(Unexpected.SIGN_IN_UNAVAILABLE);
    }

    @Test
    void theDatabaseAwayIsDatabaseUnavailable() {
        assertThat(Unexpected.of(new CompletionException(new SocketException("Connection reset"))))
                .isEqualTo(Unexpected.DATABASE_UNAVAILABLE);
        assertThat(Unexpected.of(new IllegalStateException("Connection is closed")))
                .isEqualTo(Unexpected.DATABASE_UNAVAILABLE);
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 10, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void aFailureWhoseCausesGoRoundInACircleIsADefectAndTheCheckEnds() {
        // initCause refuses only the exception itself, so two exceptions can name each other
        IllegalStateException first = new IllegalStateException("first");
        IllegalArgumentException second = new IllegalArgumentException("second", first);
        first.initCause(second);

        assertThat(Unexpected.of(first)).isEqualTo(Unexpected.DEFECT);
    }

    @Test
    void anythingElseIsADefect() {
        assertThat(Unexpected.of(new NullPointerException())).isEqualTo(Unexpected.DEFECT);
        assertThat(Unexpected.of(new IllegalArgumentException(new IllegalStateException("no"))))
                .isEqualTo(Unexpected.DEFECT);
    }
}
