package org.alliancesearch.model.misp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Caps on the strings of one record, in characters: the attribute's value and comment, its event's info, tag names
 * (of the attribute and of its event, given as objects or as plain strings) and organisation names
 * ({@code Event.Orgc}, {@code Event.Org}). A longer string is cut to {@code max - 1} characters (never between the
 * two halves of a surrogate pair) and ends with {@code …}. Lives here so that the tree path ({@link #apply}) and the
 * token reader ({@link MispAttributeReader}) share one rule.
 */
public record MispStringCaps(int value, int comment, int eventInfo, int tag, int organisation) {
    private static final String MARK = "…";

    /** Nothing is cut. */
    public static MispStringCaps none() {
        return new MispStringCaps(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
                Integer.MAX_VALUE);
    }

    /** The string cut to {@code max} characters with the mark, or the same instance when it fits. */
    public static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Math.max(0, max - 1);
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + MARK;
    }

    /** Cuts the strings of this record's tree in place; true when at least one was cut. */
    public boolean apply(JsonNode record) {
        if (!(record instanceof ObjectNode a)) {
            return false;
        }
        boolean cut = cap(a, "value", value);
        cut |= cap(a, "comment", comment);
        cut |= tags(a.get("Tag"));
        if (a.get("Event") instanceof ObjectNode e) {
            cut |= cap(e, "info", eventInfo);
            cut |= tags(e.get("Tag"));
            if (e.get("Orgc") instanceof ObjectNode orgc) {
                cut |= cap(orgc, "name", organisation);
            }
            if (e.get("Org") instanceof ObjectNode org) {
                cut |= cap(org, "name", organisation);
            }
        }
        return cut;
    }

    private boolean tags(JsonNode tags) {
        boolean cut = false;
        if (tags instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode t = array.get(i);
                if (t instanceof ObjectNode o) {
                    cut |= cap(o, "name", tag);
                } else if (t.isTextual() && t.textValue().length() > tag) {
                    // MISP also sends a tag as its bare name ("Tag": ["tlp:green"]); it is read as a name too.
                    array.set(i, TextNode.valueOf(cut(t.textValue(), tag)));
                    cut = true;
                }
            }
        }
        return cut;
    }

    private static boolean cap(ObjectNode node, String field, int max) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.textValue().length() <= max) {
            return false;
        }
        node.set(field, TextNode.valueOf(cut(v.textValue(), max)));
        return true;
    }
}
