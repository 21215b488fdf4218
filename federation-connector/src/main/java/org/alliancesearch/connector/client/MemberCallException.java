package org.alliancesearch.connector.client;

import org.alliancesearch.connector.MemberMessage;
import org.alliancesearch.connector.MemberStatus;

/**
 * A call to a member that failed in a known way. The message is short, already cleaned of member-controlled control
 * characters and never holds a key; no stack trace is kept (these are expected, frequent outcomes).
 */
public final class MemberCallException extends RuntimeException {
    private final MemberStatus status;
    private final boolean retryable;
    private final boolean availabilityFailure;
    private final long retryAfterMillis;

    private MemberCallException(MemberStatus status, String message, boolean retryable, boolean availabilityFailure,
            long retryAfterMillis) {
        super(message, null, false, false);
        this.status = status;
        this.retryable = retryable;
        this.availabilityFailure = availabilityFailure;
        this.retryAfterMillis = retryAfterMillis;
    }

    /** HTTP 401/403: the member refused the key. Not retried, not counted against the member's availability. */
    public static MemberCallException unauthorized() {
        return new MemberCallException(MemberStatus.UNAUTHORIZED, MemberMessage.API_KEY_REFUSED.format(), false, false,
                -1);
    }

    /** HTTP 429/502/503/504: transient, retried (after {@code Retry-After} when the member sent one). */
    public static MemberCallException transientHttp(int status, String text, long retryAfterMillis,
            boolean retryAllowed) {
        return new MemberCallException(MemberStatus.ERROR, httpMessage(status, text), retryAllowed, true,
                retryAfterMillis);
    }

    /** Any other HTTP error status. 5xx count against availability, 4xx do not; neither is retried. */
    public static MemberCallException http(int status, String text) {
        return new MemberCallException(MemberStatus.ERROR, httpMessage(status, text), false, status >= 500, -1);
    }

    /** No HTTP answer at all (refused, reset, closed): retried, since a search is read-only. */
    public static MemberCallException transport(String message) {
        return new MemberCallException(MemberStatus.ERROR, message, true, true, -1);
    }

    /** A failure that retrying cannot fix and that says nothing about availability (TLS, redirect, bad answer). */
    public static MemberCallException permanent(String message) {
        return new MemberCallException(MemberStatus.ERROR, message, false, false, -1);
    }

    /**
     * A budget of the search (bytes, pages) is used up, or the search stopped the member: what it sent is kept as
     * PARTIAL. Not retried, not counted against the member's availability.
     */
    public static MemberCallException budget(String message) {
        return new MemberCallException(MemberStatus.PARTIAL, message, false, false, -1);
    }

    /** The member did not answer in time (absolute per-call timeout). */
    public static MemberCallException timeout(String message) {
        return new MemberCallException(MemberStatus.TIMEOUT, message, false, true, -1);
    }

    /**
     * The same failure, never retried: for calls that are not idempotent (a sighting sent twice is two sightings),
     * where a reset after the request left cannot tell whether the member acted on it.
     */
    public MemberCallException notRetried() {
        return retryable ? new MemberCallException(status, getMessage(), false, availabilityFailure, -1) : this;
    }

    private static String httpMessage(int status, String text) {
        return text == null || text.isBlank()
                ? MemberMessage.HTTP_STATUS.format(status)
                : MemberMessage.HTTP_STATUS_TEXT.format(status, text);
    }

    public MemberStatus status() {
        return status;
    }

    public boolean retryable() {
        return retryable;
    }

    /** True when the failure says the member is unavailable (counted by the circuit breaker). */
    public boolean availabilityFailure() {
        return availabilityFailure;
    }

    /** Delay the member asked for with {@code Retry-After}, or -1. */
    public long retryAfterMillis() {
        return retryAfterMillis;
    }
}
