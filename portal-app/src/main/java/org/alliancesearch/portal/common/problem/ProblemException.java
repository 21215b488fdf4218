package org.alliancesearch.portal.common.problem;

import java.util.List;

/** An expected failure with an HTTP status; becomes a problem document on the API and a message on pages. */
public class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String kind;
    private final transient List<FieldError> errors;

    public ProblemException(int status, String kind, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.kind = kind;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", detail, List.of());
    }

    public static ProblemException conflict(String detail, List<FieldError> errors) {
        return new ProblemException(409, "conflict", detail, errors);
    }

    public static ProblemException invalid(String detail, List<FieldError> errors) {
        return new ProblemException(400, "validation", detail, errors);
    }

    public int status() {
        return status;
    }

    /** Short name of the kind of problem; the last segment of the problem {@code type}. */
    public String kind() {
        return kind;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
