package org.alliancesearch.model.query;

import java.util.Objects;

/**
 * One reason a {@link SearchQuery} is refused. The portal maps violations to field errors of an
 * {@code application/problem+json} answer and translates them by {@code code}, so codes never change meaning.
 *
 * @param field the offending field, with the index for list elements ({@code values[3]}, {@code types[0]})
 * @param code a stable code, one of the constants of {@link QueryViolation}
 * @param index the index of the offending list element, or null
 * @param value the offending value (shortened to {@value #MAX_ECHOED} characters), or null
 * @param reason for {@link #VALUE_INVALID}: the code of the {@link org.alliancesearch.model.indicator.InvalidReason}
 *        ({@code ipv4.octetRange}…), else null
 * @param message an English explanation
 */
public record QueryViolation(String field, String code, Integer index, String value, String reason, String message) {
    /** The longest offending value repeated in a violation. */
    public static final int MAX_ECHOED = 200;

    public static final String QUERY_MISSING = "query.missing";
    public static final String VALUES_EMPTY = "values.empty";
    public static final String VALUES_TOO_MANY = "values.tooMany";
    public static final String VALUES_BLANK = "values.blank";
    public static final String VALUE_INVALID = "value.invalid";
    public static final String VALUE_TOO_LONG = "value.tooLong";
    /** A value of only {@code %}: MISP reads it as a LIKE pattern that matches everything. */
    public static final String VALUE_WILDCARD_ONLY = "value.wildcardOnly";
    /** A value starting with {@code !}: MISP reads it as NOT, which matches (nearly) everything. */
    public static final String VALUE_NEGATED = "value.negated";
    /** A value containing {@code &&}: MISP splits it into several filters. */
    public static final String VALUE_OPERATOR = "value.operator";
    /**
     * A value that is text about indicators (a sentence, a paragraph) rather than one to search: it is never sent to
     * the members; {@link org.alliancesearch.model.indicator.PastedText} gives the indicators to offer instead.
     */
    public static final String VALUE_NOT_AN_INDICATOR = "values.not-an-indicator";
    public static final String TYPES_BLANK = "types.blank";
    public static final String TYPES_UNKNOWN = "types.unknown";
    public static final String CATEGORIES_BLANK = "categories.blank";
    public static final String CATEGORIES_UNKNOWN = "categories.unknown";
    /** Suffixes of the tag codes, which are prefixed by the field ({@code includeTags.blank}…). */
    public static final String TAG_BLANK = ".blank";
    public static final String TAG_WILDCARD_ONLY = ".wildcardOnly";
    public static final String TAG_NUMERIC = ".numeric";
    public static final String TAG_OPERATOR = ".operator";
    public static final String DATE_RANGE_REVERSED = "dateRange.reversed";
    public static final String LIMIT_RANGE = "limit.range";

    public QueryViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (value != null && value.length() > MAX_ECHOED) {
            value = value.substring(0, MAX_ECHOED) + "…";
        }
    }
}
