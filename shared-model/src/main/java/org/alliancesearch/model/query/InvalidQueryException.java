package org.alliancesearch.model.query;

import java.util.List;
import java.util.stream.Collectors;

/** A {@link SearchQuery} that may not be sent, with every reason. */
public class InvalidQueryException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<QueryViolation> violations;

    public InvalidQueryException(List<QueryViolation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    /** Every reason the query was refused, in field order. */
    public List<QueryViolation> violations() {
        return violations;
    }

    private static String describe(List<QueryViolation> violations) {
        return "Invalid search query: " + violations.stream()
                .map(violation -> violation.field() + ": " + violation.message())
                .collect(Collectors.joining("; "));
    }
}
