package org.alliancesearch.model.warninglist;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.alliancesearch.model.warninglist.InvalidWarninglistException.Code;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a warninglist in MISP's JSON format ({@code list.json} of the misp-warninglists repository) and checks it as
 * MISP does before it is used: a name and a description, a known type, at least one entry, every CIDR entry a valid
 * network and every regex entry a valid pattern. Defaults as MISP's import: version 1, type {@code string}, category
 * {@code false_positive}, no {@code matching_attributes} meaning every type.
 */
public final class WarninglistReader {
    /** The most entries one list may hold (the largest bundled list has about 63,000). */
    public static final int MAX_ENTRIES = 500_000;
    /** The longest entry. */
    public static final int MAX_ENTRY_LENGTH = 2_048;
    /** The longest name. */
    public static final int MAX_NAME_LENGTH = 255;

    private static final ObjectMapper JSON = new ObjectMapper();

    private WarninglistReader() {
    }

    /** Reads one list from its JSON bytes. */
    public static Warninglist read(byte[] json) throws InvalidWarninglistException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidWarninglistException(Code.NOT_JSON, "line " + e.getLocation().getLineNr());
        } catch (IOException e) {
            throw new InvalidWarninglistException(Code.NOT_JSON, null);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidWarninglistException(Code.NOT_AN_OBJECT, null);
        }
        String name = text(root, "name");
        if (name == null || name.isBlank()) {
            throw new InvalidWarninglistException(Code.NAME_MISSING, null);
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidWarninglistException(Code.NAME_TOO_LONG, null);
        }
        String description = text(root, "description");
        if (description == null || description.isBlank()) {
            throw new InvalidWarninglistException(Code.DESCRIPTION_MISSING, null);
        }
        long version = version(root.get("version"));
        WarninglistType type = type(root.get("type"));
        String category = category(root.get("category"));
        Set<String> matching = matchingAttributes(root.get("matching_attributes"));
        List<String> entries = entries(root.get("list"));
        for (String entry : entries) {
            if (type == WarninglistType.CIDR && !Networks.isValidEntry(entry)) {
                throw new InvalidWarninglistException(Code.CIDR_INVALID, entry);
            }
            if (type == WarninglistType.REGEX && PcrePatterns.compile(entry).isEmpty()) {
                throw new InvalidWarninglistException(Code.REGEX_INVALID, entry);
            }
        }
        return new Warninglist(name.strip(), description.strip(), version, type, category, matching, entries);
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node != null && node.isTextual() ? node.asText() : null;
    }

    private static long version(JsonNode node) throws InvalidWarninglistException {
        if (node == null || node.isNull()) {
            return 1;
        }
        if (node.isIntegralNumber() && node.canConvertToLong() && node.asLong() >= 0) {
            return node.asLong();
        }
        if (node.isTextual() && node.asText().matches("[0-9]{1,18}")) {
            return Long.parseLong(node.asText());
        }
        throw new InvalidWarninglistException(Code.VERSION_INVALID, node.toString());
    }

    private static WarninglistType type(JsonNode node) throws InvalidWarninglistException {
        if (node == null || node.isNull()) {
            return WarninglistType.STRING;
        }
        // MISP takes the first type when a list gives several.
        JsonNode first = node.isArray() && !node.isEmpty() ? node.get(0) : node;
        if (!first.isTextual()) {
            throw new InvalidWarninglistException(Code.TYPE_UNKNOWN, first.toString());
        }
        return WarninglistType.fromMispName(first.asText())
                .orElseThrow(() -> new InvalidWarninglistException(Code.TYPE_UNKNOWN, first.asText()));
    }

    private static String category(JsonNode node) throws InvalidWarninglistException {
        if (node == null || node.isNull()) {
            return Warninglist.CATEGORY_FALSE_POSITIVE;
        }
        String category = node.asText();
        if (!Warninglist.CATEGORY_FALSE_POSITIVE.equals(category) && !Warninglist.CATEGORY_KNOWN.equals(category)) {
            throw new InvalidWarninglistException(Code.CATEGORY_UNKNOWN, category);
        }
        return category;
    }

    private static Set<String> matchingAttributes(JsonNode node) throws InvalidWarninglistException {
        Set<String> types = new LinkedHashSet<>();
        if (node == null || node.isNull()) {
            return types;
        }
        if (!node.isArray()) {
            throw new InvalidWarninglistException(Code.MATCHING_ATTRIBUTES_INVALID, null);
        }
        for (JsonNode type : node) {
            if (!type.isTextual() || type.asText().isBlank() || type.asText().length() > 100) {
                throw new InvalidWarninglistException(Code.MATCHING_ATTRIBUTES_INVALID, type.toString());
            }
            types.add(type.asText());
        }
        // "ALL" is MISP's word for an empty list.
        return types.contains("ALL") ? Set.of() : types;
    }

    private static List<String> entries(JsonNode node) throws InvalidWarninglistException {
        List<String> entries = new ArrayList<>();
        if (node == null || node.isNull()) {
            throw new InvalidWarninglistException(Code.ENTRIES_MISSING, null);
        }
        if (node.isArray()) {
            for (JsonNode entry : node) {
                // An entry is a string, or an object with a value and a comment.
                JsonNode value = entry.isObject() ? entry.get("value") : entry;
                add(entries, value);
            }
        } else if (node.isObject()) {
            // MISP's other form: value → comment.
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                add(entries, JSON.getNodeFactory().textNode(it.next().getKey()));
            }
        } else {
            throw new InvalidWarninglistException(Code.ENTRIES_MISSING, null);
        }
        if (entries.isEmpty()) {
            throw new InvalidWarninglistException(Code.ENTRIES_MISSING, null);
        }
        return entries;
    }

    private static void add(List<String> entries, JsonNode value) throws InvalidWarninglistException {
        if (value == null || !value.isTextual()) {
            throw new InvalidWarninglistException(Code.ENTRY_INVALID, value == null ? "null" : value.toString());
        }
        String text = value.asText();
        if (text.isEmpty()) {
            return; // MISP skips empty entries
        }
        if (text.length() > MAX_ENTRY_LENGTH) {
            throw new InvalidWarninglistException(Code.ENTRY_INVALID, text.substring(0, 64) + "…");
        }
        if (entries.size() == MAX_ENTRIES) {
            throw new InvalidWarninglistException(Code.TOO_MANY_ENTRIES, String.valueOf(MAX_ENTRIES));
        }
        entries.add(text);
    }
}
