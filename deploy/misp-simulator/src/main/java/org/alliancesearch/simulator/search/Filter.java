package org.alliancesearch.simulator.search;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One restSearch filter in MISP's grammar: a string ({@code "a&&!b"} splits into OR and NOT parts), a list (OR, a
 * leading {@code !} negates an element) or an object with {@code OR}, {@code AND} and {@code NOT} lists. Blank
 * elements are dropped; a filter with no element left is absent, so it matches everything, as on MISP.
 */
public record Filter(List<String> or, List<String> and, List<String> not) {

    /** Parses a filter; returns {@code null} when the node is absent, null or holds only blank elements. */
    public static Filter parse(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        List<String> or = new ArrayList<>();
        List<String> and = new ArrayList<>();
        List<String> not = new ArrayList<>();
        if (node.isObject()) {
            boolean structured = false;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                String key = field.getKey().toUpperCase(java.util.Locale.ROOT);
                List<String> target = switch (key) {
                    case "OR" -> or;
                    case "AND" -> and;
                    case "NOT" -> not;
                    default -> null;
                };
                if (target != null) {
                    structured = true;
                    addAll(field.getValue(), target);
                }
            }
            if (!structured) {
                // an object used as a list ({"0": "a", "1": "b"}), as PHP decodes arrays with gaps
                for (JsonNode v : node) {
                    splitNegation(text(v), or, not);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode v : node) {
                splitNegation(text(v), or, not);
            }
        } else {
            String s = text(node);
            if (s != null) {
                for (String part : s.split("&&", -1)) {
                    splitNegation(part, or, not);
                }
            }
        }
        if (or.isEmpty() && and.isEmpty() && not.isEmpty()) {
            return null;
        }
        return new Filter(List.copyOf(or), List.copyOf(and), List.copyOf(not));
    }

    /** Builds a filter of OR elements only. */
    public static Filter anyOf(String... values) {
        return new Filter(List.of(values), List.of(), List.of());
    }

    private static void addAll(JsonNode node, List<String> target) {
        if (node.isArray() || node.isObject()) {
            for (JsonNode v : node) {
                String s = text(v);
                if (s != null && !s.isBlank()) {
                    target.add(s.trim());
                }
            }
        } else {
            String s = text(node);
            if (s != null && !s.isBlank()) {
                target.add(s.trim());
            }
        }
    }

    private static void splitNegation(String s, List<String> or, List<String> not) {
        if (s == null || s.isBlank()) {
            return;
        }
        String t = s.trim();
        if (t.startsWith("!")) {
            if (t.length() > 1) {
                not.add(t.substring(1));
            }
        } else {
            or.add(t);
        }
    }

    private static String text(JsonNode v) {
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? "1" : "0";
        }
        return v.asText();
    }

    /** Whether a record passes: one OR element matches (if any), every AND element matches, no NOT element does. */
    public boolean test(Predicate<String> matches) {
        if (!or.isEmpty()) {
            boolean any = false;
            for (String s : or) {
                if (matches.test(s)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        for (String s : and) {
            if (!matches.test(s)) {
                return false;
            }
        }
        for (String s : not) {
            if (matches.test(s)) {
                return false;
            }
        }
        return true;
    }
}
