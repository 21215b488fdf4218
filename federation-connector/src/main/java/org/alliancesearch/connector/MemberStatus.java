package org.alliancesearch.connector;

/** How one member's part of a search ended. */
public enum MemberStatus {
    /** Answered completely. */
    OK,
    /** Answered, but the result was cut (result cap, byte cap, or deadline in the middle of paging). */
    PARTIAL,
    /** Did not answer in time. */
    TIMEOUT,
    /** The member refused the API key (HTTP 401/403). */
    UNAUTHORIZED,
    /** Any other failure; the outcome's message says which, briefly. */
    ERROR,
    /** Not asked: its circuit breaker is open after repeated failures. */
    CIRCUIT_OPEN,
    /** Not asked: too many requests to this member are already running (bulkhead). */
    REJECTED,
    /** Not asked: an admin disabled the member. */
    DISABLED;
}
