package org.alliancesearch.portal.common.problem;

/**
 * One invalid input field.
 *
 * @param field the JSON field (or form field) name
 * @param code a stable machine-readable code, e.g. {@code url.loopback}
 * @param message the explanation for people, in the request's language
 */
public record FieldError(String field, String code, String message) {
}
