package org.alliancesearch.connector.guard;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.alliancesearch.connector.MemberMessage;
import org.alliancesearch.connector.MemberStatus;
import org.alliancesearch.connector.client.ErrorText;
import org.alliancesearch.connector.client.MemberCallException;
import org.alliancesearch.model.failure.Causes;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.smallrye.mutiny.CompositeException;

/** Turns any failure of a guarded call into a status and a short message (never a stack trace or a key). */
public final class FailureMapping {
    private FailureMapping() {
    }

    /** A status and its message. */
    public record Failure(MemberStatus status, String message) {
    }

    public static Failure of(Throwable t) {
        return of(t, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /** @param expanded the composites already looked into: a cause may name the composite that holds it */
    private static Failure of(Throwable t, Set<Throwable> expanded) {
        if (t instanceof CompositeException composite && expanded.add(composite)) {
            Failure first = null;
            for (Throwable cause : composite.getCauses()) {
                Failure f = of(cause, expanded);
                if (!f.message().startsWith(MemberMessage.INTERNAL_ERROR.english())) {
                    return f;
                }
                first = first == null ? f : first;
            }
            return first != null ? first : new Failure(MemberStatus.ERROR, MemberMessage.INTERNAL_ERROR.format());
        }
        if (wrapper(t)) {
            for (Throwable cause : Causes.chain(t)) {
                if (!wrapper(cause)) {
                    return of(cause, expanded);
                }
            }
        }
        if (t instanceof MemberCallException m) {
            return new Failure(m.status(), m.getMessage());
        }
        if (t instanceof CircuitBreakerOpenException) {
            return new Failure(MemberStatus.CIRCUIT_OPEN, MemberMessage.CIRCUIT_OPEN.format());
        }
        if (t instanceof BulkheadException) {
            return new Failure(MemberStatus.REJECTED, MemberMessage.TOO_MANY_REQUESTS.format());
        }
        if (t instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException
                || t instanceof java.util.concurrent.TimeoutException) {
            return new Failure(MemberStatus.TIMEOUT, MemberMessage.NO_ANSWER_IN_TIME.format());
        }
        return new Failure(MemberStatus.ERROR,
                MemberMessage.INTERNAL_ERROR_OF.format(ErrorText.clean(t.getClass().getSimpleName(), 60)));
    }

    /** What only carries the failure of the work it waited for. */
    private static boolean wrapper(Throwable t) {
        return t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException;
    }
}
