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
import org.alliancesearch.portal.common.problem.CodedProblem;
import org.alliancesearch.portal.common.problem.FieldError;
import org.alliancesearch.portal.common.problem.FieldProblem;
import org.alliancesearch.portal.common.problem.Reason;

/**
 * Turns a {@link SearchRequest} into a valid query with the shared model's validator, and its violations into field
 * problems (the codes are the model's; the web layer words them).
 */
public final class SearchValidation {
    /** The search is invalid (the problem's detail). */
    public static final String INVALID = "search.invalid";
    /**
     * A violation of the model's validator; the arguments are the violation's code, value, reason, 1-based index and
     * message.
     */
    public static final String VIOLATION = "search.violation";

    /** The longest pasted text read. */
    public static final int MAX_TEXT = 1_000_000;

    private SearchValidation() {
    }

    /**
     * @throws CodedProblem 400 with every field error
     */
    public static PreparedSearch prepare(SearchRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        if (request == null) {
            throw CodedProblem.invalid(Reason.of(INVALID),
                    List.of(new FieldProblem("values", QueryViolation.QUERY_MISSING,
                            Reason.of(VIOLATION, QueryViolation.QUERY_MISSING, "", "", 0, ""))));
        }
        LocalDate from = date(request.from(), "from", errors);
        LocalDate to = date(request.to(), "to", errors);
        List<String> values = new ArrayList<>(request.values());
        boolean hasText = request.text() != null && !request.text().isBlank();
        if (hasText) {
            String text = request.text().length() > MAX_TEXT ? request.text().substring(0, MAX_TEXT) : request.text();
            List<String> extracted = extract(text);
            if (extracted.isEmpty() && values.isEmpty()) {
                errors.add(new FieldProblem("text", "text.noIndicators", Reason.of("search.text.none")));
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
                errors.add(notAnIndicator(v, values.get(v.index())));
                continue;
            }
            errors.add(new FieldProblem(field(v.field()), v.code(), reason(v)));
        }
        if (!errors.isEmpty()) {
            throw CodedProblem.invalid(Reason.of(INVALID), errors);
        }
        try {
            return withPivots(request, SearchQueryValidator.prepare(query));
        } catch (InvalidQueryException e) {
            // validate() and prepare() agree; this is only a guard
            throw CodedProblem.invalid(Reason.of(INVALID), List.of());
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
    private static FieldProblem notAnIndicator(QueryViolation v, String value) {
        List<ExtractedIndicator> found = PastedText.indicatorsInsteadOf(value);
        List<FieldError.Extracted> extracted = found == null
                ? List.of()
                : found.stream().map(i -> new FieldError.Extracted(i.value(), i.mispType())).toList();
        Reason reason = extracted.isEmpty()
                ? Reason.of("search.value.not-indicator.none", v.index() + 1)
                : Reason.of("search.value.not-indicator", v.index() + 1, extracted.size());
        return new FieldProblem(field(v.field()), v.code(), reason, extracted);
    }

    private static LocalDate date(String value, String field, List<FieldProblem> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldProblem(field, "date.invalid", Reason.of("search.date.invalid", shorten(value))));
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

    /** A violation as a reason: everything its text may need. */
    static Reason reason(QueryViolation v) {
        return Reason.of(VIOLATION, v.code(), v.value() == null ? "" : v.value(), v.reason() == null ? "" : v.reason(),
                v.index() == null ? 0 : v.index() + 1, v.message() == null ? "" : v.message());
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
