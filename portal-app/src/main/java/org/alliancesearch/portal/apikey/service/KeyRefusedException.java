package org.alliancesearch.portal.apikey.service;

/** A presented key does not authenticate: unknown, malformed, expired, revoked, or its owner is refused. */
public class KeyRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why; only {@link #OWNER_UNCONFIRMED} is told apart to the caller. */
    public enum Reason {
        /** Missing, malformed, unknown, expired or revoked key, or an owner without access. */
        INVALID,
        /** Keycloak could not be asked about the owner and the last answer is too old. */
        OWNER_UNCONFIRMED
    }

    private final Reason reason;

    public KeyRefusedException(Reason reason, String why) {
        super(why, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
