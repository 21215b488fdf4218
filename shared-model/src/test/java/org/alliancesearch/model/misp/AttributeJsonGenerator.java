package org.alliancesearch.model.misp;

import java.util.List;
import java.util.Random;

/**
 * Hostile and varied MISP attribute JSON for the reader's property test: fields in any order and repeated (objects and
 * arrays too), values of the wrong type, numbers of every kind Jackson tells apart, strings around the caps with
 * surrogate pairs at the cut, escapes, nested unknown structures, {@code Tag} arrays of mixed entries, {@code Event}
 * with {@code Orgc}, {@code Org} and {@code Tag}, {@code Sighting} arrays with repeated identities. Deterministic for
 * a seed.
 */
final class AttributeJsonGenerator {
    static final List<String> ATTRIBUTE_FIELDS = List.of("id", "uuid", "event_id", "object_id", "object_relation",
            "category", "type", "value", "to_ids", "timestamp", "first_seen", "last_seen", "distribution", "comment",
            "deleted", "Tag", "Event", "Sighting");
    static final List<String> EVENT_FIELDS = List.of("id", "uuid", "info", "date", "threat_level_id", "published",
            "timestamp", "distribution", "Orgc", "Org", "Tag");
    static final List<String> UNKNOWN_FIELDS = List.of("sharing_group_id", "disable_correlation", "Object",
            "ShadowAttribute", "Value", "TYPE", "", "name", "Galaxy", "value ", "\\u0076alue", "x\\\"y", "日本");
    static final List<String> NUMBERS = List.of("0", "-0", "1", "-1", "2", "5", "2147483647", "2147483648",
            "-2147483649", "4294967296", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
            "99999999999999999999", "1e3", "1E3", "1.0", "-0.0", "0.0", "0.5", "-0.4", "1.5e300", "1e400", "-1e400",
            "1700000000", "1700000000.9", "1.7e9", "31556889864403199", "31556889864403200", "100000000001",
            "1700000000123456", "123456789012345678901234567890");
    static final List<String> BOOL_TEXTS = List.of("1", "0", "true", "TRUE", " true ", "false", "yes", "", " 1",
            "2", "True");
    static final List<String> INT_TEXTS = List.of("5", " 7 ", "x", "", "-3", "2147483648", "1e3", "0", "+4", "٣");
    static final List<String> EPOCH_TEXTS = List.of("1700000000", " 1700000000 ", "0", "-5", "abc", "",
            "9223372036854775807", "31556889864403200", "1.7e9");
    static final List<String> TIME_TEXTS = List.of("2024-01-01T00:00:00Z", "2024-01-01T00:00:00.123456+00:00",
            "2024-01-01T09:00:00+09:00", "1700000000", "1700000000123456", " 2024-01-01T00:00:00Z ", "2024-01-01",
            "garbage", "", "   ", "99999999999999999999", "2024-01-01T00:00:00.5Z", "٢٠٢٤");
    static final List<String> DATE_TEXTS = List.of("2024-01-02", "2024-01-02 10:00:00", " 2024-01-02 ", "bad",
            "2024-13-01", "", "20240102");
    static final List<String> UUIDS = List.of("5A3C2FDA-78F4-44B7-8366-46DA02DE0B81",
            "5a3c2fda-78f4-44b7-8366-46da02de0b81", "u1", "U1", "", " ", "İ");
    static final List<String> TAG_NAMES = List.of("tlp:green", "TLP:AMBER", "osint:source-type=\"blog-post\"",
            "misp-galaxy:threat-actor=\"Sofacy\"", "", " ", "\t");
    static final List<String> PIECES = List.of("a", "é", "日", "😀", "\uD83D", "\uDE00", "\\", "\"", "\n", "\u0000",
            "…", " ", "Z", "𝄞");

    private final Random r;
    private final int cap;
    private String lastEvent;

    /** @param cap the cap strings are made around */
    AttributeJsonGenerator(long seed, int cap) {
        this.r = new Random(seed);
        this.cap = cap;
    }

    /** One element of {@code response.Attribute}: mostly an object, sometimes something else. */
    String element() {
        int k = r.nextInt(30);
        if (k == 0) {
            return any(2);
        }
        if (k == 1) {
            return "[" + attribute() + "]";
        }
        return attribute();
    }

    String attribute() {
        StringBuilder b = new StringBuilder("{");
        int n = r.nextInt(24);
        boolean first = true;
        // Usually the fields a record needs, then more in any order.
        if (r.nextInt(4) != 0) {
            first = field(b, first, "type", text());
            first = field(b, first, "value", capString());
        }
        for (int i = 0; i < n; i++) {
            String name = r.nextInt(8) == 0 ? pick(UNKNOWN_FIELDS) : pick(ATTRIBUTE_FIELDS);
            first = field(b, first, name, attributeValue(name));
        }
        return b.append('}').toString();
    }

    private String attributeValue(String name) {
        if (r.nextInt(12) == 0) {
            return any(2);
        }
        return switch (name) {
            case "type" -> r.nextInt(6) == 0 ? pick(List.of("\"\"", "\" \"", "null", "1", "true")) : text();
            case "value", "comment" -> capString();
            case "to_ids", "deleted" -> bool();
            case "timestamp" -> epoch();
            case "first_seen", "last_seen" -> r.nextBoolean() ? quote(pick(TIME_TEXTS)) : pick(NUMBERS);
            case "distribution" -> integer();
            case "uuid" -> quote(pick(UUIDS));
            case "Tag" -> r.nextInt(8) == 0 ? any(2) : tags();
            case "Event" -> r.nextInt(8) == 0 ? any(2) : r.nextInt(2) == 0 && lastEvent != null ? again() : event();
            case "Sighting" -> r.nextInt(8) == 0 ? any(2) : sightings();
            default -> r.nextInt(3) == 0 ? any(3) : text();
        };
    }

    /** An event context; the next attribute often carries the same one again, as in an answer. */
    String event() {
        lastEvent = eventObject();
        return lastEvent;
    }

    /** The last event again, or with one part replaced by a repeated key (its tags, its creator, its date). */
    private String again() {
        String head = lastEvent.substring(0, lastEvent.length() - 1) + (lastEvent.length() > 2 ? "," : "");
        return switch (r.nextInt(5)) {
            case 0 -> head + "\"Tag\":" + tags() + "}";
            case 1 -> head + "\"Orgc\":" + organisation() + "}";
            case 2 -> head + "\"date\":" + quote(pick(DATE_TEXTS)) + "}";
            default -> lastEvent;
        };
    }

    private String eventObject() {
        StringBuilder b = new StringBuilder("{");
        int n = r.nextInt(16);
        boolean first = true;
        for (int i = 0; i < n; i++) {
            String name = r.nextInt(6) == 0 ? pick(UNKNOWN_FIELDS) : pick(EVENT_FIELDS);
            String v = r.nextInt(12) == 0 ? any(2) : switch (name) {
                case "info" -> capString();
                case "date" -> r.nextInt(4) == 0 ? pick(NUMBERS) : quote(pick(DATE_TEXTS));
                case "threat_level_id", "distribution" -> integer();
                case "published" -> bool();
                case "timestamp" -> epoch();
                case "uuid" -> quote(pick(UUIDS));
                case "Orgc", "Org" -> organisation();
                case "Tag" -> tags();
                default -> r.nextInt(3) == 0 ? any(3) : text();
            };
            first = field(b, first, name, v);
        }
        return b.append('}').toString();
    }

    private String organisation() {
        StringBuilder b = new StringBuilder("{");
        boolean first = true;
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            String name = pick(List.of("name", "uuid", "id", "local", "name"));
            String v = switch (name) {
                case "name" -> r.nextInt(6) == 0 ? any(2) : capString();
                case "uuid" -> quote(pick(UUIDS));
                default -> any(2);
            };
            first = field(b, first, name, v);
        }
        return b.append('}').toString();
    }

    String tags() {
        StringBuilder b = new StringBuilder("[");
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(',');
            }
            int k = r.nextInt(10);
            if (k < 3) {
                b.append(r.nextBoolean() ? quote(pick(TAG_NAMES)) : capString());
            } else if (k < 4) {
                b.append(any(2));
            } else {
                StringBuilder o = new StringBuilder("{");
                boolean first = true;
                int m = r.nextInt(6);
                for (int j = 0; j < m; j++) {
                    String name = pick(List.of("name", "name", "inherited", "id", "colour", "exportable"));
                    String v = switch (name) {
                        case "name" -> r.nextInt(5) == 0
                                ? any(2)
                                : r.nextBoolean()
                                        ? quote(pick(TAG_NAMES))
                                        : capString();
                        case "inherited" -> bool();
                        default -> any(2);
                    };
                    first = field(o, first, name, v);
                }
                b.append(o).append('}');
            }
        }
        return b.append(']').toString();
    }

    String sightings() {
        StringBuilder b = new StringBuilder("[");
        int n = r.nextInt(8);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(',');
            }
            if (r.nextInt(8) == 0) {
                b.append(any(2));
                continue;
            }
            StringBuilder o = new StringBuilder("{");
            boolean first = true;
            int m = r.nextInt(5);
            for (int j = 0; j < m; j++) {
                String name = pick(List.of("type", "uuid", "id", "source", "date_sighting"));
                String v = switch (name) {
                    case "type" -> pick(List.of("0", "\"0\"", "1", "\"1\"", "2", "null", "0.0", "[]", "\"\"", "-0",
                            "false"));
                    case "uuid", "id" -> r.nextInt(4) == 0 ? any(1) : quote(pick(List.of("s1", "s2", "S1", "1")));
                    default -> any(2);
                };
                first = field(o, first, name, v);
            }
            b.append(o).append('}');
        }
        return b.append(']').toString();
    }

    private String bool() {
        return switch (r.nextInt(4)) {
            case 0 -> quote(pick(BOOL_TEXTS));
            case 1 -> pick(NUMBERS);
            case 2 -> pick(List.of("true", "false", "null"));
            default -> pick(List.of("true", "false", "\"1\"", "\"0\"", "1", "0"));
        };
    }

    private String integer() {
        return r.nextBoolean() ? pick(NUMBERS) : r.nextInt(5) == 0 ? "null" : quote(pick(INT_TEXTS));
    }

    private String epoch() {
        return r.nextBoolean() ? pick(NUMBERS) : r.nextInt(6) == 0 ? "null" : quote(pick(EPOCH_TEXTS));
    }

    private String text() {
        return switch (r.nextInt(6)) {
            case 0 -> pick(NUMBERS);
            case 1 -> pick(List.of("null", "true", "false"));
            default -> quote(pick(List.of("ip-dst", "domain", "md5", "1188757", "9747", "Network activity", "",
                    "Ünïcödé", "😀")));
        };
    }

    /** A string whose length is near the cap, with escapes and surrogate pairs around the cut. */
    String capString() {
        int target = Math.max(0, cap + r.nextInt(5) - 2);
        if (r.nextInt(6) == 0) {
            target = r.nextInt(3 * cap + 3);
        }
        StringBuilder s = new StringBuilder();
        while (s.length() < target) {
            s.append(r.nextInt(3) == 0 ? pick(PIECES) : "x");
        }
        return quote(s.toString());
    }

    /** Any JSON value, nested up to this depth. */
    String any(int depth) {
        int k = r.nextInt(depth > 0 ? 8 : 5);
        return switch (k) {
            case 0 -> pick(NUMBERS);
            case 1 -> pick(List.of("true", "false", "null"));
            case 2, 3 -> r.nextBoolean() ? text() : capString();
            case 4 -> pick(List.of("{}", "[]"));
            case 5 -> {
                StringBuilder b = new StringBuilder("[");
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    b.append(i > 0 ? "," : "").append(any(depth - 1));
                }
                yield b.append(']').toString();
            }
            default -> {
                StringBuilder b = new StringBuilder("{");
                boolean first = true;
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    String name = r.nextBoolean() ? pick(ATTRIBUTE_FIELDS) : pick(EVENT_FIELDS);
                    first = field(b, first, name, any(depth - 1));
                }
                yield b.append('}').toString();
            }
        };
    }

    private boolean field(StringBuilder b, boolean first, String name, String value) {
        if (!first) {
            b.append(',');
        }
        // Names given as they are in the lists (some hold escapes on purpose).
        b.append('"').append(name).append("\":").append(value);
        return false;
    }

    private String pick(List<String> from) {
        return from.get(r.nextInt(from.size()));
    }

    /** A JSON string; characters beyond ASCII sometimes as escapes (a surrogate pair as one), lone surrogates always. */
    String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (pair) {
                boolean escape = r.nextInt(4) == 0;
                for (char half : new char[]{c, s.charAt(++i)}) {
                    if (escape) {
                        b.append(String.format("\\u%04x", (int) half));
                    } else {
                        b.append(half);
                    }
                }
            } else if (c < 0x20 || Character.isSurrogate(c) || c > 0x7f && r.nextInt(4) == 0) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
