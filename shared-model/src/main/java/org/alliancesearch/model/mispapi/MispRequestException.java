package org.alliancesearch.model.mispapi;

/**
 * A MISP search body the portal refuses: the message names the filter and says why, for MISP's error body (HTTP 400).
 */
public final class MispRequestException extends RuntimeException {
    private final String filter;

    public MispRequestException(String filter, String message) {
        super(message, null, false, false);
        this.filter = filter;
    }

    /** The filter refused, or null when the body as a whole is. */
    public String filter() {
        return filter;
    }
}
