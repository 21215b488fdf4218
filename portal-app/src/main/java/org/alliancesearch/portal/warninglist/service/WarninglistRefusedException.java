package org.alliancesearch.portal.warninglist.service;

import org.alliancesearch.model.warninglist.InvalidWarninglistException;

/**
 * A warninglist change that was not made, with a stable reason; the resources and pages word it. Nothing was changed.
 *
 * @see Reason
 */
public final class WarninglistRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        /** No list of that name. */
        UNKNOWN_LIST,
        /** The uploaded file is no usable warninglist ({@link #invalid()} says why). */
        INVALID_FILE,
        /** The upload's version is not newer than the list in use. */
        NOT_NEWER,
        /** The upload is over the size limit. */
        TOO_LARGE,
        /** Going back to the bundled version of a list that has no upload. */
        NO_UPLOAD
    }

    private final Reason reason;
    private final String name;
    private final InvalidWarninglistException invalid;
    private final long current;

    public WarninglistRefusedException(Reason reason, String name, InvalidWarninglistException invalid,
            long current) {
        super(reason.name(), null, false, false);
        this.reason = reason;
        this.name = name;
        this.invalid = invalid;
        this.current = current;
    }

    public Reason reason() {
        return reason;
    }

    /** The list concerned, or null. */
    public String name() {
        return name;
    }

    /** Why the file is invalid, for {@link Reason#INVALID_FILE}. */
    public InvalidWarninglistException invalid() {
        return invalid;
    }

    /** The version in use, for {@link Reason#NOT_NEWER}; the limit in bytes for {@link Reason#TOO_LARGE}. */
    public long current() {
        return current;
    }
}
