package org.alliancesearch.portal.common.problem;

import java.util.List;

/**
 * An expected failure of a service, with an HTTP status and reasons instead of text: the API's exception mapper and
 * the pages word it in the reader's language ({@code common.web.Texts#worded}). The exception message is the detail's
 * code, never user input.
 */
public class CodedProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String kind;
    private final transient Reason detail;
    private final transient List<FieldProblem> errors;

    public CodedProblem(int status, String kind, Reason detail, List<FieldProblem> errors) {
        super(detail.code(), null, false, false);
        this.status = status;
        this.kind = kind;
        this.detail = detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static CodedProblem notFound(Reason detail) {
        return new CodedProblem(404, "not-found", detail, List.of());
    }

    public static CodedProblem conflict(Reason detail, List<FieldProblem> errors) {
        return new CodedProblem(409, "conflict", detail, errors);
    }

    public static CodedProblem invalid(Reason detail, List<FieldProblem> errors) {
        return new CodedProblem(400, "validation", detail, errors);
    }

    public int status() {
        return status;
    }

    /** Short name of the kind of problem; the last segment of the problem {@code type}. */
    public String kind() {
        return kind;
    }

    public Reason detail() {
        return detail;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
