package org.alliancesearch.model.mispapi;

import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A time filter as MISP takes it ({@code last}, {@code timestamp}, …): {@code 7d}, {@code 12h}, {@code 30m},
 * {@code 45s}, {@code 2w} (that long before now), epoch seconds, or a {@code [from, to]} pair of those.
 *
 * @param from epoch seconds, inclusive, or null
 * @param to epoch seconds, inclusive, or null
 */
public record TimeRange(Long from, Long to) {
    private static final Pattern DELTA = Pattern.compile("(\\d{1,9})\\s*([smhdw])");

    /** Whether {@code t} falls in the range; a record without the time never does. */
    public boolean contains(Instant t) {
        if (t == null) {
            return false;
        }
        long s = t.getEpochSecond();
        return (from == null || s >= from) && (to == null || s <= to);
    }

    /** The range given under {@code key}, or null when none is. */
    public static TimeRange parse(String key, JsonNode node, Instant now) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isArray()) {
            if (node.size() != 2) {
                throw new MispRequestException(key, "The filter '" + key + "' takes one time or a [from, to] pair.");
            }
            return new TimeRange(point(key, node.get(0), now), point(key, node.get(1), now));
        }
        Long from = point(key, node, now);
        return from == null ? null : new TimeRange(from, null);
    }

    private static Long point(String key, JsonNode node, Instant now) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            throw new MispRequestException(key, "The filter '" + key + "' takes 7d, 12h, 30m, epoch seconds or a"
                    + " [from, to] pair.");
        }
        String text = node.asText().strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            return null;
        }
        if (text.matches("\\d{1,12}")) {
            return Long.parseLong(text);
        }
        Matcher m = DELTA.matcher(text);
        if (!m.matches()) {
            throw new MispRequestException(key, "The filter '" + key + "' takes 7d, 12h, 30m, epoch seconds or a"
                    + " [from, to] pair, not '" + shorten(text) + "'.");
        }
        long n = Long.parseLong(m.group(1));
        long unit = switch (m.group(2)) {
            case "s" -> 1;
            case "m" -> 60;
            case "h" -> 3600;
            case "d" -> 86_400;
            default -> 7 * 86_400;
        };
        return now.getEpochSecond() - n * unit;
    }

    static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
