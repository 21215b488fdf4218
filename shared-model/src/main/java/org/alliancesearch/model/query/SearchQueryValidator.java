package org.alliancesearch.model.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.alliancesearch.model.indicator.InvalidReason;
import org.alliancesearch.model.indicator.MispTypes;
import org.alliancesearch.model.indicator.NormalisationResult;
import org.alliancesearch.model.indicator.Normaliser;
import org.alliancesearch.model.indicator.PastedText;

/**
 * Checks a {@link SearchQuery} before it is sent and prepares it: no empty or blank value ever reaches a member (MISP
 * reads an empty filter as "everything"), and every refusal is explained.
 *
 * <p>
 * Values are normalised ({@link Normaliser#normalise(String)}: refanged, trimmed, canonical) and deduplicated in
 * order. A value of no recognisable kind (a file name, a mutex, a free string) is allowed and kept as given apart
 * from surrounding white space: MISP matches it exactly. A value that looks like an IP address, e-mail address, URL,
 * hash or CVE id but is not a valid one is refused with the reason.
 */
public final class SearchQueryValidator {
    /** The most distinct values in one query. */
    public static final int MAX_VALUES = 1000;
    /** The largest per-member limit. */
    public static final int MAX_LIMIT_PER_MEMBER = 10_000;
    /** Beyond this many raw values the query is refused before any value is read. */
    private static final int MAX_RAW_VALUES = 10 * MAX_VALUES;

    private SearchQueryValidator() {
    }

    /** Every reason the query may not be sent; empty when it may. */
    public static List<QueryViolation> validate(SearchQuery query) {
        return check(query).violations;
    }

    /**
     * The query as it is sent: values normalised and deduplicated, types and categories in MISP's spelling, tag
     * patterns trimmed and deduplicated (ignoring case).
     *
     * @throws InvalidQueryException with every violation, if there is any
     */
    public static SearchQuery prepare(SearchQuery query) {
        Outcome outcome = check(query);
        if (!outcome.violations.isEmpty()) {
            throw new InvalidQueryException(outcome.violations);
        }
        return outcome.prepared;
    }

    private record Outcome(List<QueryViolation> violations, SearchQuery prepared) {
    }

    private static Outcome check(SearchQuery query) {
        List<QueryViolation> violations = new ArrayList<>();
        if (query == null) {
            violations.add(new QueryViolation("query", QueryViolation.QUERY_MISSING, null, null, null,
                    "A search query is required."));
            return new Outcome(List.copyOf(violations), null);
        }
        List<String> values = values(query.values(), violations);
        List<String> types = names(query.types(), "types", QueryViolation.TYPES_BLANK, QueryViolation.TYPES_UNKNOWN,
                "MISP attribute type", MispTypes::canonicalType, violations);
        List<String> categories = names(query.categories(), "categories", QueryViolation.CATEGORIES_BLANK,
                QueryViolation.CATEGORIES_UNKNOWN, "MISP category", MispTypes::canonicalCategory, violations);
        List<String> includeTags = tags(query.includeTags(), "includeTags", violations);
        List<String> excludeTags = tags(query.excludeTags(), "excludeTags", violations);
        if (query.from() != null && query.to() != null && query.from().isAfter(query.to())) {
            violations.add(new QueryViolation("from", QueryViolation.DATE_RANGE_REVERSED, null,
                    query.from() + ".." + query.to(), null,
                    "The start date " + query.from() + " is after the end date " + query.to() + "."));
        }
        Integer limit = query.limitPerMember();
        if (limit != null && (limit < 1 || limit > MAX_LIMIT_PER_MEMBER)) {
            violations.add(new QueryViolation("limitPerMember", QueryViolation.LIMIT_RANGE, null,
                    String.valueOf(limit), null,
                    "The limit per member is 1 to " + MAX_LIMIT_PER_MEMBER + ", not " + limit + "."));
        }
        if (!violations.isEmpty()) {
            return new Outcome(List.copyOf(violations), null);
        }
        return new Outcome(List.of(), new SearchQuery(values, types, categories, includeTags, excludeTags,
                query.from(), query.to(), query.toIds(), query.published(), limit, query.withSightings()));
    }

    private static List<String> values(List<String> raw, List<QueryViolation> violations) {
        if (raw.isEmpty()) {
            violations.add(new QueryViolation("values", QueryViolation.VALUES_EMPTY, null, null, null,
                    "At least one value is required: MISP answers an empty value filter with everything it holds."));
            return List.of();
        }
        if (raw.size() > MAX_RAW_VALUES) {
            violations.add(new QueryViolation("values", QueryViolation.VALUES_TOO_MANY, null,
                    String.valueOf(raw.size()), null,
                    "At most " + MAX_VALUES + " values can be searched at once; " + raw.size() + " were given."));
            return List.of();
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String value = raw.get(i);
            String field = "values[" + i + "]";
            NormalisationResult result = Normaliser.normalise(value);
            if (!result.isValid()) {
                String reason = result.invalid().code();
                if (reason.equals(InvalidReason.BLANK)) {
                    violations.add(new QueryViolation(field, QueryViolation.VALUES_BLANK, i, value, null,
                            "Value " + (i + 1) + " is empty or blank: MISP would answer it with everything it holds."));
                } else if (reason.equals(InvalidReason.TOO_LONG)) {
                    violations.add(new QueryViolation(field, QueryViolation.VALUE_TOO_LONG, i, value, reason,
                            result.invalid().message()));
                } else {
                    violations.add(new QueryViolation(field, QueryViolation.VALUE_INVALID, i, value, reason,
                            result.invalid().message()));
                }
                continue;
            }
            String canonical = result.value();
            if (canonical.chars().allMatch(c -> c == '%')) {
                violations.add(new QueryViolation(field, QueryViolation.VALUE_WILDCARD_ONLY, i, value, null,
                        "'" + canonical + "' alone is a pattern that matches every value in MISP."));
            } else if (canonical.startsWith("!")) {
                violations.add(new QueryViolation(field, QueryViolation.VALUE_NEGATED, i, value, null,
                        "A value may not start with '!': MISP reads it as 'everything except', which matches nearly"
                                + " everything."));
            } else if (canonical.contains("&&")) {
                violations.add(new QueryViolation(field, QueryViolation.VALUE_OPERATOR, i, value, null,
                        "A value may not contain '&&': MISP splits it into several filters."));
            } else if (PastedText.indicatorsInsteadOf(value) != null) {
                violations.add(new QueryViolation(field, QueryViolation.VALUE_NOT_AN_INDICATOR, i, value, null,
                        "Value " + (i + 1) + " is text, not an indicator: search the indicators in it instead."));
            } else {
                distinct.add(canonical);
            }
        }
        if (distinct.size() > MAX_VALUES) {
            violations.add(new QueryViolation("values", QueryViolation.VALUES_TOO_MANY, null,
                    String.valueOf(distinct.size()), null, "At most " + MAX_VALUES
                            + " distinct values can be searched at once; " + distinct.size() + " were given."));
        }
        return List.copyOf(distinct);
    }

    private static List<String> names(List<String> raw, String field, String blankCode, String unknownCode,
            String what, Function<String, Optional<String>> canonical, List<QueryViolation> violations) {
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String name = raw.get(i);
            String element = field + "[" + i + "]";
            if (name == null || name.isBlank()) {
                violations.add(new QueryViolation(element, blankCode, i, name, null,
                        "A " + what + " may not be empty or blank."));
                continue;
            }
            Optional<String> known = canonical.apply(name);
            if (known.isEmpty()) {
                violations.add(new QueryViolation(element, unknownCode, i, name, null,
                        "'" + name.strip() + "' is not a " + what + "."));
            } else {
                names.add(known.get());
            }
        }
        return List.copyOf(names);
    }

    private static List<String> tags(List<String> raw, String field, List<QueryViolation> violations) {
        Map<String, String> patterns = new LinkedHashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            String pattern = raw.get(i);
            String element = field + "[" + i + "]";
            if (pattern == null || pattern.isBlank()) {
                violations.add(new QueryViolation(element, field + QueryViolation.TAG_BLANK, i, pattern, null,
                        "A tag pattern may not be empty or blank: MISP would read it as any tag."));
                continue;
            }
            String trimmed = pattern.strip();
            if (trimmed.chars().allMatch(c -> c == '*' || c == '%')) {
                violations.add(new QueryViolation(element, field + QueryViolation.TAG_WILDCARD_ONLY, i, pattern,
                        null, "A tag pattern of wildcards only matches every tag; name the tags."));
            } else if (trimmed.chars().allMatch(Character::isDigit)) {
                violations.add(new QueryViolation(element, field + QueryViolation.TAG_NUMERIC, i, pattern, null,
                        "A tag pattern of digits only is read by MISP as a tag id, which differs per member."));
            } else if (trimmed.startsWith("!") || trimmed.contains("&&")) {
                violations.add(new QueryViolation(element, field + QueryViolation.TAG_OPERATOR, i, pattern, null,
                        "A tag pattern may not start with '!' or contain '&&'; use the exclude list instead."));
            } else {
                patterns.putIfAbsent(trimmed.toLowerCase(Locale.ROOT), trimmed);
            }
        }
        return List.copyOf(patterns.values());
    }
}
