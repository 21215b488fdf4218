package org.alliancesearch.connector.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import org.alliancesearch.connector.MemberMessage;
import org.alliancesearch.model.failure.Causes;

import io.smallrye.mutiny.CompositeException;
import io.vertx.core.http.HttpClosedException;

/**
 * What a member's transport failure is called: a {@link MemberCallException} whose short message names the kind of
 * failure and never the host, port or text of the underlying exception.
 */
final class TransportFailures {
    private final long timeoutMillis;

    /** @param timeoutMillis the member's per-call timeout, named in the message of a timeout */
    TransportFailures(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    /** Maps transport failures; their own messages (which may name hosts and ports) are not passed on. */
    MemberCallException classify(Throwable failure) {
        return classify(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /** @param expanded the composites already looked into: a cause may name the composite that holds it */
    private MemberCallException classify(Throwable failure, Set<Throwable> expanded) {
        for (Throwable t : Causes.chain(failure)) {
            if (t instanceof CompositeException composite && expanded.add(composite)) {
                for (Throwable cause : composite.getCauses()) {
                    MemberCallException m = classify(cause, expanded);
                    if (!m.getMessage().startsWith("transport error")) {
                        return m;
                    }
                }
            }
            if (t instanceof MemberCallException m) {
                return m;
            }
            if (t instanceof TimeoutException) {
                return MemberCallException.timeout(MemberMessage.NO_ANSWER_WITHIN.format(timeoutMillis));
            }
            if (t instanceof SSLException) {
                return MemberCallException.permanent(MemberMessage.TLS_FAILED.format());
            }
            if (t instanceof ConnectException) {
                return MemberCallException.transport(MemberMessage.CONNECTION_REFUSED.format());
            }
            if (t instanceof UnknownHostException) {
                return MemberCallException.transport(MemberMessage.UNKNOWN_HOST.format());
            }
            if (t instanceof HttpClosedException) {
                return MemberCallException.transport(MemberMessage.CONNECTION_CLOSED.format());
            }
            if (t instanceof IOException) {
                return MemberCallException.transport(MemberMessage.CONNECTION_RESET.format());
            }
        }
        return MemberCallException.permanent(MemberMessage.TRANSPORT_ERROR.format(failure.getClass().getSimpleName()));
    }
}
