package org.alliancesearch.connector.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.alliancesearch.connector.MemberStatus;
import org.alliancesearch.connector.client.MemberCallException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;

import io.smallrye.mutiny.CompositeException;

/** A guarded call's failure becomes a status and a message, whatever shape its causes have. */
@Timeout(value = 10, threadMode = ThreadMode.SEPARATE_THREAD)
class FailureMappingTest {

    @Test
    void theFailureInsideItsWrappersIsTheOneNamed() {
        MemberCallException timeout = MemberCallException.timeout("no answer within 1000 ms");

        assertThat(FailureMapping.of(new CompletionException(new ExecutionException(timeout))))
                .isEqualTo(FailureMapping.of(timeout))
                .extracting(FailureMapping.Failure::status).isEqualTo(MemberStatus.TIMEOUT);
    }

    @Test
    void wrappersThatNameEachOtherEndInAnInternalError() {
        // initCause refuses only the exception itself, so two exceptions can name each other
        // (the cause-less constructor leaves the cause unset, not null)
        ExecutionException outer = new ExecutionException("outer") {
            private static final long serialVersionUID = 1L;
        };
        CompletionException inner = new CompletionException("inner", outer);
        outer.initCause(inner);

        assertThat(FailureMapping.of(outer).status()).isEqualTo(MemberStatus.ERROR);
    }

    @Test
    void aCompositeNamedByItsOwnCauseIsLookedIntoOnce() {
        ExecutionException waited = new ExecutionException("waited") {
            private static final long serialVersionUID = 1L;
        };
        CompositeException composite = new CompositeException(waited, new IllegalArgumentException("beside"));
        waited.initCause(composite);

        assertThat(FailureMapping.of(composite).status()).isEqualTo(MemberStatus.ERROR);
    }
}
