package org.alliancesearch.portal.search.service;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.alliancesearch.model.indicator.ExtractedIndicator;
import org.alliancesearch.model.indicator.IocExtractor;
import org.alliancesearch.model.indicator.PastedText;
import org.alliancesearch.model.query.InvalidQueryException;
import org.alliancesearch.model.query.QueryViolation;
import org.alliancesearch.model.query.SearchQuery;
import org.alliancesearch.model.query.SearchQueryValidator;
import org.alliancesearch.model.summary.Pivots;
import org.alliancesearch.model.summary.SearchedValue;
import org.alliancesearch.portal.common.problem.FieldError;
import org.alliancesearch.portal.common.problem.ProblemException;
import org.alliancesearch.portal.search.i18n.SearchMessages;

/**
 * Turns a {@link SearchRequest} into a valid query with the shared model's validator, and its violations into field
 * errors in the user's language (the codes are the model's).
 */
public final class SearchValidation {
    /** The longest pasted text read. */
    public static final int MAX_TEXT = 1_000_000;

    private SearchValidation() {
    }

    /**
     * @throws ProblemException 400 with every field error
     */
    public static PreparedSearch prepare(SearchRequest request, SearchMessages msg) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            throw ProblemException.invalid(msg.detail_invalid_search(),
                    List.of(new FieldError("values", QueryViolation.QUERY_MISSING, msg.err_query_missing())));
        }
        LocalDate from = date(request.from(), "from", msg, errors);
        LocalDate to = date(request.to(), "to", msg, errors);
        List<String> values = new ArrayList<>(request.values());
        boolean hasText = request.text() != null && !request.text().isBlank();
        if (hasText) {
            String text = request.text().length() > MAX_TEXT ? request.text().substring(0, MAX_TEXT) : request.text();
            List<String> extracted = extract(text);
            if (extracted.isEmpty() && values.isEmpty()) {
                errors.add(new FieldError("text", "text.noIndicators", msg.err_text_none()));
            }
            values.addAll(extracted);
        }
        SearchQuery query = new SearchQuery(values, request.types(), null, request.includeTags(),
                request.excludeTags(), from, to, request.toIds(), null, request.limit());
        List<QueryViolation> violations = SearchQueryValidator.validate(query);
        for (QueryViolation v : violations) {
            if (hasText && v.code().equals(QueryViolation.VALUES_EMPTY)) {
                continue; // already reported as "no indicator in the text"
            }
            if (v.code().equals(QueryViolation.VALUE_NOT_AN_INDICATOR)) {
                errors.add(notAnIndicator(v, values.get(v.index()), msg));
                continue;
            }
            errors.add(new FieldError(field(v.field()), v.code(), text(v, msg)));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(msg.detail_invalid_search(), errors);
        }
        try {
            return withPivots(request, SearchQueryValidator.prepare(query));
        } catch (InvalidQueryException e) {
            // validate() and prepare() agree; this is only a guard
            throw ProblemException.invalid(msg.detail_invalid_search(), List.of());
        }
    }

    /**
     * The search with each value's pivots (a URL's host; an e-mail address's domain when asked) added to what the
     * members are asked, as far as the value limit allows: the searcher's own values always go, pivots fill the rest.
     */
    static PreparedSearch withPivots(SearchRequest request, SearchQuery query) {
        List<SearchedValue> searched = new ArrayList<>();
        int room = SearchQueryValidator.MAX_VALUES - query.values().size();
        for (SearchedValue value : Pivots.expand(query.values(), request.pivotsEmailDomains())) {
            if (!value.isPivot() || room-- > 0) {
                searched.add(value);
            }
        }
        if (searched.size() == query.values().size()) {
            return new PreparedSearch(request, query, searched);
        }
        SearchQuery withPivots = new SearchQuery(searched.stream().map(SearchedValue::value).toList(), query.types(),
                query.categories(), query.includeTags(), query.excludeTags(), query.from(), query.to(), query.toIds(),
                query.published(), query.limitPerMember());
        return new PreparedSearch(request, withPivots, searched);
    }

    /** The distinct values the extractor finds in free text, in order. */
    public static List<String> extract(String text) {
        LinkedHashSet<String> values = new LinkedHashSet<>();
        for (ExtractedIndicator indicator : IocExtractor.extract(text)) {
            values.add(indicator.value());
        }
        return List.copyOf(values);
    }

    /** Text in place of a value: never sent; the indicators in it are offered instead. */
    private static FieldError notAnIndicator(QueryViolation v, String value, SearchMessages msg) {
        List<ExtractedIndicator> found = PastedText.indicatorsInsteadOf(value);
        List<FieldError.Extracted> extracted = found == null
                ? List.of()
                : found.stream().map(i -> new FieldError.Extracted(i.value(), i.mispType())).toList();
        String message = extracted.isEmpty()
                ? msg.err_value_not_indicator_none(v.index() + 1)
                : msg.err_value_not_indicator(v.index() + 1, extracted.size());
        return new FieldError(field(v.field()), v.code(), message, extracted);
    }

    private static LocalDate date(String value, String field, SearchMessages msg, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "date.invalid", msg.err_date_invalid(shorten(value))));
            return null;
        }
    }

    /** The API's field names: {@code tags.include[0]} rather than the model's {@code includeTags[0]}. */
    static String field(String modelField) {
        if (modelField.startsWith("includeTags")) {
            return "tags.include" + modelField.substring("includeTags".length());
        }
        if (modelField.startsWith("excludeTags")) {
            return "tags.exclude" + modelField.substring("excludeTags".length());
        }
        if (modelField.equals("limitPerMember")) {
            return "limit";
        }
        return modelField;
    }

    static String text(QueryViolation v, SearchMessages msg) {
        String value = v.value() == null ? "" : v.value();
        int n = v.index() == null ? 0 : v.index() + 1;
        String code = v.code();
        if (code.endsWith(QueryViolation.TAG_BLANK) && code.contains("Tags")) {
            return msg.err_tag_blank();
        }
        if (code.endsWith(QueryViolation.TAG_WILDCARD_ONLY)) {
            return msg.err_tag_wildcard();
        }
        if (code.endsWith(QueryViolation.TAG_NUMERIC)) {
            return msg.err_tag_numeric();
        }
        if (code.endsWith(QueryViolation.TAG_OPERATOR)) {
            return msg.err_tag_operator();
        }
        return switch (code) {
            case QueryViolation.QUERY_MISSING -> msg.err_query_missing();
            case QueryViolation.VALUES_EMPTY -> msg.err_values_empty();
            case QueryViolation.VALUES_TOO_MANY -> msg.err_values_too_many(SearchQueryValidator.MAX_VALUES);
            case QueryViolation.VALUES_BLANK -> msg.err_values_blank(n);
            case QueryViolation.VALUE_INVALID -> msg.err_value_invalid(value, v.reason() == null ? "" : v.reason());
            case QueryViolation.VALUE_TOO_LONG -> msg.err_value_too_long(n);
            case QueryViolation.VALUE_WILDCARD_ONLY -> msg.err_value_wildcard(value);
            case QueryViolation.VALUE_NEGATED -> msg.err_value_negated(value);
            case QueryViolation.VALUE_OPERATOR -> msg.err_value_operator(value);
            case QueryViolation.TYPES_BLANK, QueryViolation.CATEGORIES_BLANK -> msg.err_types_blank();
            case QueryViolation.TYPES_UNKNOWN -> msg.err_types_unknown(value);
            case QueryViolation.CATEGORIES_UNKNOWN -> msg.err_categories_unknown(value);
            case QueryViolation.DATE_RANGE_REVERSED -> msg.err_date_reversed();
            case QueryViolation.LIMIT_RANGE -> msg.err_limit_range(SearchQueryValidator.MAX_LIMIT_PER_MEMBER);
            default -> v.message();
        };
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
