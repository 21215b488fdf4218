package org.alliancesearch.portal.common.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One invalid input field.
 *
 * @param field the JSON field (or form field) name
 * @param code a stable machine-readable code, e.g. {@code url.loopback}
 * @param message the explanation for people, in the request's language
 * @param extracted for {@code values.not-an-indicator}: the indicators found in the text, to search instead
 */
public record FieldError(String field, String code, String message,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Extracted> extracted) {

    public FieldError {
        extracted = extracted == null ? List.of() : List.copyOf(extracted);
    }

    public FieldError(String field, String code, String message) {
        this(field, code, message, List.of());
    }

    /** An indicator found in text: its canonical value and the MISP type it would be searched as. */
    public record Extracted(String value, String type) {
    }
}
