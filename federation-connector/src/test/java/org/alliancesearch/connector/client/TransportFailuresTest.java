package org.alliancesearch.connector.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.smallrye.mutiny.CompositeException;

/** What a member's transport failure is called, whatever shape its chain of causes has. */
class TransportFailuresTest {
    private final TransportFailures failures = new TransportFailures(2_000);

    @Test
    void aTimeoutNamesTheMembersTimeout() {
        assertThat(failures.classify(new RuntimeException(new TimeoutException())).getMessage())
                .isEqualTo("no answer within 2000 ms");
    }

    @Test
    void aRefusedConnectionBeneathOtherFailuresIsNamedAsSuch() {
        MemberCallException named = failures.classify(
                new RuntimeException(new ConnectException("Connection refused: misp.example.org/192.0.2.1:443")));

        assertThat(named.getMessage()).isEqualTo(failures.classify(new ConnectException("x")).getMessage())
                .doesNotContain("misp.example.org");
    }

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void causesThatNameEachOtherEndTheCheckWithATransportError() {
        // initCause refuses only the exception itself, so two exceptions can name each other
        IllegalStateException first = new IllegalStateException("first");
        IllegalArgumentException second = new IllegalArgumentException("second", first);
        first.initCause(second);

        assertThat(failures.classify(first).getMessage()).contains("IllegalStateException");
    }

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aCompositeNamedByItsOwnCauseIsLookedIntoOnce() {
        IllegalStateException cause = new IllegalStateException("inside");
        CompositeException composite = new CompositeException(cause, new IllegalArgumentException("beside"));
        cause.initCause(composite);

        assertThat(failures.classify(composite).getMessage()).contains("CompositeException");
    }
}
