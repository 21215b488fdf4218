package org.alliancesearch.portal.common.problem;

import java.util.List;

/**
 * One invalid input field as a service names it; worded, it becomes the API's {@link FieldError}.
 *
 * @param field the JSON (or form) field name
 * @param code the stable machine-readable code the API answers, e.g. {@code url.loopback}
 * @param reason what the text says
 * @param extracted for {@code values.not-an-indicator}: the indicators found in the text
 */
public record FieldProblem(String field, String code, Reason reason, List<FieldError.Extracted> extracted) {
    public FieldProblem {
        extracted = extracted == null ? List.of() : List.copyOf(extracted);
    }

    public FieldProblem(String field, String code, Reason reason) {
        this(field, code, reason, List.of());
    }

    /** The same problem under another field name (a nested input: {@code values} → {@code query.values}). */
    public FieldProblem under(String prefix) {
        return new FieldProblem(prefix + field, code, reason, extracted);
    }
}
