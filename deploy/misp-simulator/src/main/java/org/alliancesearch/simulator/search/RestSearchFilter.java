package org.alliancesearch.simulator.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The restSearch parameters the simulator understands, parsed leniently from a JSON body. Unknown keys are dropped
 * silently, as MISP does.
 *
 * @param value attribute value (either half of a composite value; {@code %} makes it a LIKE match)
 * @param type attribute type
 * @param category attribute category
 * @param org creator organisation of the event (local id, name or uuid)
 * @param tags tag names (LIKE, case-insensitive) or tag ids
 * @param eventId local event id
 * @param uuid attribute or event uuid
 * @param fromDay event date lower bound (epoch day, inclusive), or {@code null}
 * @param toDay event date upper bound (epoch day, inclusive), or {@code null}
 * @param publishTimestamp bounds on the event's publish timestamp ({@code last} / {@code publish_timestamp})
 * @param timestamp bounds on the attribute's (or, on event searches, the event's) timestamp
 * @param toIds allowed {@code to_ids} values, or {@code null} for both
 * @param published allowed {@code published} values, or {@code null} for both
 * @param deleted allowed {@code deleted} values ({@code [false]} by default)
 * @param limit page size, or {@code null} for everything
 * @param page 1-based page
 * @param includeEventTags merge event tags into attribute tags, marked inherited
 * @param includeContext add the event context (with {@code Orgc} and {@code Tag}) to each attribute
 * @param includeSightings add each attribute's {@code Sighting} list
 * @param returnFormat requested format ({@code json} unless told otherwise)
 * @param requestedAttributes CSV columns asked for ({@code requested_attributes}), or {@code null} for MISP's default
 * @param headerless CSV without its header line
 */
public record RestSearchFilter(Filter value, Filter type, Filter category, Filter org, Filter tags, Filter eventId,
        Filter uuid, Long fromDay, Long toDay, long[] publishTimestamp, long[] timestamp, List<Boolean> toIds,
        List<Boolean> published, List<Boolean> deleted, Integer limit, int page, boolean includeEventTags,
        boolean includeContext, String returnFormat, List<String> requestedAttributes, boolean headerless,
        boolean includeSightings) {

    /** Parses a restSearch body. {@code now} is the epoch second that relative times ({@code 7d}) count back from. */
    public static RestSearchFilter parse(JsonNode body, long now) {
        JsonNode b = body != null && body.has("request") && body.get("request").isObject()
                ? body.get("request")
                : body;
        long[] publish = range(b.get("publish_timestamp"), now);
        long[] last = range(b.get("last"), now);
        if (last != null) {
            publish = publish == null ? last : new long[]{Math.max(publish[0], last[0]), Math.min(publish[1], last[1])};
        }
        Integer limit = integer(b.get("limit"));
        if (limit != null && limit <= 0) {
            limit = null;
        }
        Integer page = integer(b.get("page"));
        List<Boolean> deleted = bools(b.get("deleted"));
        String format = text(b.get("returnFormat"));
        return new RestSearchFilter(Filter.parse(b.get("value")), Filter.parse(b.get("type")),
                Filter.parse(b.get("category")), Filter.parse(b.get("org")), Filter.parse(b.get("tags")),
                Filter.parse(firstPresent(b, "eventid", "event_id")), Filter.parse(b.get("uuid")),
                day(b.get("from")), day(b.get("to")), publish, range(b.get("timestamp"), now), bools(b.get("to_ids")),
                bools(b.get("published")), deleted == null ? List.of(Boolean.FALSE) : deleted, limit,
                page == null || page < 1 ? 1 : page, bool(b.get("includeEventTags")), bool(b.get("includeContext")),
                format == null || format.isBlank() ? "json" : format.toLowerCase(Locale.ROOT),
                names(b.get("requested_attributes")), bool(b.get("headerless")),
                bool(b.get("includeSightings")));
    }

    /** A list of names or one comma-separated string of them; {@code null} when absent or empty. */
    static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(v -> {
                String s = text(v);
                if (s != null && !s.isBlank()) {
                    out.add(s.trim());
                }
            });
        } else if (text(n) != null) {
            for (String s : text(n).split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out.isEmpty() ? null : List.copyOf(out);
    }

    private static JsonNode firstPresent(JsonNode b, String... keys) {
        for (String k : keys) {
            if (b.has(k)) {
                return b.get(k);
            }
        }
        return null;
    }

    /** Whether any attribute-level filter is set (used by event searches). */
    public boolean hasAttributeFilter() {
        return value != null || type != null || category != null || toIds != null;
    }

    static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isContainerNode()) {
            return null;
        }
        return n.asText();
    }

    static Integer integer(JsonNode n) {
        String s = text(n);
        if (s == null) {
            return null;
        }
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean bool(JsonNode n) {
        List<Boolean> b = bools(n);
        return b != null && b.size() == 1 && b.get(0);
    }

    /** 0/1, "0"/"1", true/false or a list of them; {@code null} when absent or blank. */
    static List<Boolean> bools(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        List<Boolean> out = new ArrayList<>();
        if (n.isArray()) {
            for (JsonNode v : n) {
                Boolean b = oneBool(v);
                if (b != null && !out.contains(b)) {
                    out.add(b);
                }
            }
        } else {
            Boolean b = oneBool(n);
            if (b != null) {
                out.add(b);
            }
        }
        return out.isEmpty() ? null : out;
    }

    private static Boolean oneBool(JsonNode v) {
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        String s = text(v);
        if (s == null || s.isBlank()) {
            return null;
        }
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "1", "true" -> Boolean.TRUE;
            case "0", "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** Event date: {@code Y-m-d} or epoch seconds. */
    static Long day(JsonNode n) {
        String s = text(n);
        if (s == null || s.isBlank()) {
            return null;
        }
        s = s.trim();
        try {
            if (s.matches("\\d+")) {
                return Long.parseLong(s) / 86400;
            }
            return LocalDate.parse(s).toEpochDay();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A time filter: one value (lower bound) or a {@code [from, to]} pair; each {@code 7d}, {@code 12h} or epoch. */
    static long[] range(JsonNode n, long now) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isArray()) {
            if (n.size() == 0) {
                return null;
            }
            Long from = time(text(n.get(0)), now);
            Long to = n.size() > 1 ? time(text(n.get(1)), now) : null;
            if (from == null && to == null) {
                return null;
            }
            return new long[]{from == null ? Long.MIN_VALUE : from, to == null ? Long.MAX_VALUE : to};
        }
        Long from = time(text(n), now);
        return from == null ? null : new long[]{from, Long.MAX_VALUE};
    }

    static Long time(String s, long now) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.matches("\\d+")) {
                return Long.parseLong(t);
            }
            if (t.matches("\\d+[dhms]")) {
                long amount = Long.parseLong(t.substring(0, t.length() - 1));
                long unit = switch (t.charAt(t.length() - 1)) {
                    case 'd' -> 86400;
                    case 'h' -> 3600;
                    case 'm' -> 60;
                    default -> 1;
                };
                return now - amount * unit;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }
}
