package org.alliancesearch.model.mispapi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One MISP filter as MISP reads it: a string, a list, {@code {"OR": [...], "AND": [...], "NOT": [...]}} or
 * {@code "a&&b&&!c"}. In the string and list forms {@code &&} only separates elements, a leading {@code !} puts an
 * element under NOT and every other element under OR (MISP's {@code convert_filters}); empty elements are dropped.
 * In the object form each key holds a string or a list of its own.
 *
 * @param or any of these (empty: no condition)
 * @param and all of these
 * @param not none of these
 */
public record MispTerms(List<String> or, List<String> and, List<String> not) {
    public static final MispTerms NONE = new MispTerms(List.of(), List.of(), List.of());

    public MispTerms {
        or = List.copyOf(or);
        and = List.copyOf(and);
        not = List.copyOf(not);
    }

    /** Whether no element was given. */
    public boolean isEmpty() {
        return or.isEmpty() && and.isEmpty() && not.isEmpty();
    }

    /** Every positive element: OR and AND. */
    public List<String> positive() {
        List<String> all = new ArrayList<>(or);
        all.addAll(and);
        return all;
    }

    /** All elements, positive and negated. */
    public List<String> all() {
        List<String> all = positive();
        all.addAll(not);
        return all;
    }

    /**
     * Whether a record with these candidate values passes, comparing with {@code matcher} (candidate, term).
     * OR: one candidate matches one term; AND: every term matches some candidate; NOT: no candidate matches a term.
     */
    public boolean test(List<String> candidates, java.util.function.BiPredicate<String, String> matcher) {
        if (!or.isEmpty() && or.stream().noneMatch(t -> candidates.stream().anyMatch(c -> matcher.test(c, t)))) {
            return false;
        }
        if (!and.stream().allMatch(t -> candidates.stream().anyMatch(c -> matcher.test(c, t)))) {
            return false;
        }
        return not.stream().noneMatch(t -> candidates.stream().anyMatch(c -> matcher.test(c, t)));
    }

    /**
     * Reads a filter.
     *
     * @throws MispRequestException when the node is of no form MISP takes (a number inside an object is read as
     *     text, as PHP does)
     */
    public static MispTerms parse(String key, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return NONE;
        }
        List<String> or = new ArrayList<>();
        List<String> and = new ArrayList<>();
        List<String> not = new ArrayList<>();
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                List<String> target = switch (f.getKey().toUpperCase(java.util.Locale.ROOT)) {
                    case "OR" -> or;
                    case "AND" -> and;
                    case "NOT" -> not;
                    default -> throw new MispRequestException(key, "The filter '" + key + "' takes a string, a list"
                            + " or an object with OR, AND and NOT; '" + f.getKey() + "' is none of them.");
                };
                for (String element : elements(key, f.getValue())) {
                    if (!element.isEmpty()) {
                        target.add(element);
                    }
                }
            }
            return new MispTerms(or, and, not);
        }
        for (String element : elements(key, node)) {
            for (String part : element.split("&&", -1)) {
                if (part.isEmpty()) {
                    continue;
                }
                if (part.charAt(0) == '!') {
                    if (part.length() > 1) {
                        not.add(part.substring(1));
                    }
                } else {
                    or.add(part);
                }
            }
        }
        return new MispTerms(or, and, not);
    }

    private static List<String> elements(String key, JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            for (JsonNode e : node) {
                if (e.isNull()) {
                    continue;
                }
                if (!e.isValueNode()) {
                    throw new MispRequestException(key, "The filter '" + key + "' takes strings; a list may not"
                            + " hold lists or objects.");
                }
                out.add(e.asText());
            }
            return out;
        }
        if (!node.isValueNode()) {
            throw new MispRequestException(key, "The filter '" + key + "' takes a string, a list or an object with"
                    + " OR, AND and NOT.");
        }
        out.add(node.asText());
        return out;
    }
}
