package org.alliancesearch.simulator.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What PyMISP raises (or, for a 4xx on a search, returns as {@code {"errors": (status, body)}}), as one exception.
 * {@link #kind()} names PyMISP's exception class; {@link #status()} and {@link #errorBody()} carry MISP's answer.
 */
public final class PymispException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** PyMISP's exception classes (all are {@code PyMISPError}s). */
    public enum Kind {
        /** {@code PyMISPError}: the connection attempt failed or a 4xx came back. */
        PYMISP_ERROR,
        /** {@code MISPServerError}: a 5xx, or a 4xx whose body is not JSON. */
        MISP_SERVER_ERROR,
        /** {@code PyMISPUnexpectedResponse}: JSON was expected and something else came. */
        UNEXPECTED_RESPONSE
    }

    private final Kind kind;
    private final int status;
    private final transient JsonNode errorBody;

    PymispException(Kind kind, String message, int status, JsonNode errorBody, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.errorBody = errorBody;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status of the answer that failed, or 0 when none came (connection refused, bad answer shape). */
    public int status() {
        return status;
    }

    /** MISP's error body ({@code {"name", "message", "url"}}) when it sent JSON, else null. */
    public JsonNode errorBody() {
        return errorBody;
    }

    /** The {@code message} of MISP's error body, or null. */
    public String mispMessage() {
        return errorBody == null || !errorBody.path("message").isTextual() ? null : errorBody.get("message").asText();
    }
}
