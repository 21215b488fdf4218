package org.alliancesearch.model.misp;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Lenient reading of MISP JSON records. Real MISP servers send ids and timestamps as strings or numbers, booleans as
 * {@code true}, {@code 0}, {@code "1"}, and extra fields; this reader accepts all of them and throws
 * {@link MispFormatException} only when a record has no usable {@code type} and {@code value}.
 */
public final class MispJson {
    private MispJson() {
    }

    /** Reads one attribute object ({@code {"id": …, "type": …, "value": …, "Event": {…}, "Tag": […]}}). */
    public static MispAttribute attribute(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new MispFormatException("attribute is not a JSON object");
        }
        String type = text(node, "type");
        String value = text(node, "value");
        if (type == null || type.isBlank() || value == null) {
            throw new MispFormatException("attribute has no type or value");
        }
        JsonNode eventNode = node.get("Event");
        MispEvent event = eventNode != null && eventNode.isObject() ? event(eventNode) : null;
        String eventId = text(node, "event_id");
        if (eventId == null && event != null) {
            eventId = event.id();
        }
        return new MispAttribute(text(node, "id"), lower(text(node, "uuid")), eventId, text(node, "object_id"),
                text(node, "object_relation"), text(node, "category"), type, value, bool(node, "to_ids"),
                epoch(node, "timestamp"), instant(node, "first_seen"), instant(node, "last_seen"),
                integer(node, "distribution"), text(node, "comment"), bool(node, "deleted"), tags(node.get("Tag")),
                event, sightings(node.get("Sighting")));
    }

    /**
     * The sightings of a {@code Sighting} array ({@code includeSightings}): entries of type 0 (MISP's "sighting";
     * 1 is a false positive, 2 an expiration), each counted once by its uuid or id, at most
     * {@link MispAttribute#MAX_SIGHTINGS}. Anything else in the array is ignored.
     */
    static int sightings(JsonNode array) {
        if (array == null || !array.isArray()) {
            return 0;
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        int count = 0;
        for (JsonNode s : array) {
            if (!s.isObject()) {
                continue;
            }
            JsonNode type = s.get("type");
            if (type != null && !type.isNull() && !"0".equals(type.asText())) {
                continue;
            }
            String identity = text(s, "uuid");
            if (identity == null) {
                identity = text(s, "id");
            }
            if (identity != null && !seen.add(identity)) {
                continue;
            }
            if (++count >= MispAttribute.MAX_SIGHTINGS) {
                break;
            }
        }
        return count;
    }

    /** Reads an event object (the inner object, not the {@code {"Event": …}} wrapper). */
    public static MispEvent event(JsonNode node) {
        JsonNode orgc = node.get("Orgc");
        String orgcName = orgc != null && orgc.isObject() ? text(orgc, "name") : null;
        String orgcUuid = orgc != null && orgc.isObject() ? lower(text(orgc, "uuid")) : null;
        List<MispTag> tags = new ArrayList<>();
        for (MispTag t : tags(node.get("Tag"))) {
            tags.add(new MispTag(t.name(), true));
        }
        return new MispEvent(text(node, "id"), lower(text(node, "uuid")), text(node, "info"), date(node, "date"),
                orgcName, orgcUuid, integer(node, "threat_level_id"), node.has("published")
                        ? bool(node, "published")
                        : null,
                epoch(node, "timestamp"), integer(node, "distribution"), tags);
    }

    /** The same attribute with this event as its context (and the event's id when it had none). */
    public static MispAttribute withEvent(MispAttribute a, MispEvent event) {
        return new MispAttribute(a.id(), a.uuid(), a.eventId() != null ? a.eventId() : event.id(), a.objectId(),
                a.objectRelation(), a.category(), a.type(), a.value(), a.toIds(), a.timestamp(), a.firstSeen(),
                a.lastSeen(), a.distribution(), a.comment(), a.deleted(), a.tags(), event, a.sightings());
    }

    /** Reads a {@code Tag} array; entries without a name are skipped. */
    public static List<MispTag> tags(JsonNode array) {
        if (array == null || !array.isArray()) {
            return List.of();
        }
        List<MispTag> out = new ArrayList<>(array.size());
        for (JsonNode t : array) {
            String name = t.isTextual() ? t.asText() : text(t, "name");
            if (name != null && !name.isBlank()) {
                out.add(new MispTag(name, t.isObject() && bool(t, "inherited")));
            }
        }
        return out;
    }

    static String text(JsonNode node, String field) {
        return text(node.get(field));
    }

    /** A value as text: null for an absent value, JSON null, an object or an array; numbers as Jackson writes them. */
    static String text(JsonNode v) {
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        return v.asText();
    }

    static boolean bool(JsonNode node, String field) {
        return bool(node.get(field));
    }

    static boolean bool(JsonNode v) {
        if (v == null || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            return v.intValue() != 0;
        }
        return boolText(v.asText());
    }

    /** A boolean sent as text ({@code "1"}, {@code "true"}). */
    static boolean boolText(String s) {
        s = s.trim().toLowerCase(Locale.ROOT);
        return s.equals("1") || s.equals("true");
    }

    static Integer integer(JsonNode node, String field) {
        return integer(node.get(field));
    }

    static Integer integer(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.intValue();
        }
        return integerText(v.asText());
    }

    static Integer integerText(String s) {
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Instant epoch(JsonNode node, String field) {
        return epoch(node.get(field));
    }

    static Instant epoch(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return epochSeconds(v.longValue());
        }
        return epochText(v.asText());
    }

    static Instant epochText(String s) {
        try {
            return epochSeconds(Long.parseLong(s.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Null for none, zero, negative, or a time past what {@link Instant} holds (a member may send any number). */
    private static Instant epochSeconds(long seconds) {
        return seconds <= 0 || seconds > Instant.MAX.getEpochSecond() ? null : Instant.ofEpochSecond(seconds);
    }

    /** {@code first_seen}/{@code last_seen}: ISO-8601 text in MISP 2.4.x+, sometimes epoch micro- or seconds. */
    static Instant instant(JsonNode node, String field) {
        return instant(text(node, field));
    }

    static Instant instant(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        s = s.trim();
        try {
            if (s.chars().allMatch(Character::isDigit)) {
                long n = Long.parseLong(s);
                return n > 100_000_000_000L
                        ? Instant.ofEpochSecond(n / 1_000_000, (n % 1_000_000) * 1000)
                        : Instant.ofEpochSecond(n);
            }
            return java.time.OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    static LocalDate date(JsonNode node, String field) {
        return date(text(node, field));
    }

    /**
     * An event's date: its first ten characters (MISP writes {@code yyyy-MM-dd}) as an ISO date, null when they are not
     * one. The digits of that form are read here, anything else by {@link LocalDate#parse}: parsing every event's date
     * with it was a tenth of reading an answer whose attributes each come from another event.
     */
    static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String trimmed = s.trim();
        String date = trimmed.length() > 10 ? trimmed.substring(0, 10) : trimmed;
        try {
            if (isDateShaped(date)) {
                return LocalDate.of(digits(date, 0, 4), digits(date, 5, 7), digits(date, 8, 10));
            }
            return LocalDate.parse(date);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** Four ASCII digits, a hyphen, two, a hyphen, two. */
    private static boolean isDateShaped(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = s.charAt(i);
            if (i != 4 && i != 7 && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return n;
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
