package org.alliancesearch.connector.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Caps on the strings of one record, in characters: the attribute's value and comment, its event's info, tag names
 * (of the attribute and of its event) and organisation names ({@code Event.Orgc}, {@code Event.Org}). A longer string
 * is cut and ends with {@code …}; {@link #apply} says whether anything was cut.
 */
public record StringCaps(int value, int comment, int eventInfo, int tag, int organisation) {
    private static final String MARK = "…";

    /** Nothing is cut (tests of the raw parser). */
    public static StringCaps none() {
        return new StringCaps(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
                Integer.MAX_VALUE);
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
        if (tags != null && tags.isArray()) {
            for (JsonNode t : tags) {
                if (t instanceof ObjectNode o) {
                    cut |= cap(o, "name", tag);
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
        String s = v.textValue();
        int end = Math.max(0, max - 1);
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        node.set(field, TextNode.valueOf(s.substring(0, end) + MARK));
        return true;
    }
}
