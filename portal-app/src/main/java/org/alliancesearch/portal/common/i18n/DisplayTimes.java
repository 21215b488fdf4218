package org.alliancesearch.portal.common.i18n;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How pages show a moment: in the reader's time zone, in the page language's style, with the zone's name and offset
 * after it ({@code 2026/12/05 18:24 JST (+09:00)}, {@code Dec 5, 2026, 9:24 AM UTC}) so that a time read aloud or
 * pasted into a ticket is never ambiguous (an abbreviation alone is: IST, CST). The zone is the reader's choice (a cookie, {@link #COOKIE}); without one, Japanese pages show
 * Japan's time and other pages UTC. The APIs are not concerned: they speak UTC in ISO 8601.
 */
public final class DisplayTimes {
    /** The cookie that remembers the reader's zone (an IANA id such as {@code Europe/Berlin}). */
    public static final String COOKIE = "alliance-tz";
    /** The zone of Japanese pages when the reader chose none. */
    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    /** IANA region ids, sorted, for the choice; plus {@code UTC}. */
    public static final List<String> ZONES = zones();
    /** Every id the JDK knows (it hands out a new copy on each call). */
    private static final Set<String> AVAILABLE = Set.copyOf(ZoneId.getAvailableZoneIds());
    /** The formatters, by language and zone: a page writes many times, and the pairs are few. */
    private static final Map<String, PageTime> FORMATTERS = new ConcurrentHashMap<>();

    /** How one language writes moments in one zone. */
    public static final class PageTime {
        private final DateTimeFormatter dateTime;
        private final DateTimeFormatter zoneName;

        private PageTime(Locale locale, ZoneId zone) {
            this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(locale).withZone(zone);
            this.zoneName = zone.equals(ZoneOffset.UTC)
                    ? null
                    : DateTimeFormatter.ofPattern("zzz '('xxx')'", locale).withZone(zone);
        }

        /** A moment; empty for none. */
        public String format(Instant at) {
            if (at == null) {
                return "";
            }
            return dateTime.format(at) + " " + (zoneName == null ? "UTC" : zoneName.format(at));
        }
    }

    private DisplayTimes() {
    }

    /** The zone shown to a reader who chose none. */
    public static ZoneId defaultFor(Locale locale) {
        return locale != null && "ja".equals(locale.getLanguage()) ? JAPAN : ZoneOffset.UTC;
    }

    /** A zone the reader may choose: {@code UTC} or a region id such as {@code Asia/Tokyo}; empty otherwise. */
    public static Optional<ZoneId> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String trimmed = id.strip();
        if (trimmed.equals("UTC")) {
            return Optional.of(ZoneOffset.UTC);
        }
        if (trimmed.isEmpty() || trimmed.length() > 64 || !AVAILABLE.contains(trimmed)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(trimmed));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The zone of the cookie: the value as set, quoted since it holds a slash ({@code "Asia/Tokyo"}). */
    public static Optional<ZoneId> parseCookie(String value) {
        if (value != null && value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return parse(value.substring(1, value.length() - 1));
        }
        return parse(value);
    }

    /** The zone's id as the reader chose it ({@code UTC} for UTC). */
    public static String id(ZoneId zone) {
        return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    /** How pages in this language write moments in this zone (the language's default zone for null). */
    public static PageTime of(Locale locale, ZoneId zone) {
        Locale l = locale == null ? Locale.ENGLISH : locale;
        ZoneId z = zone == null ? defaultFor(l) : zone;
        return FORMATTERS.computeIfAbsent(l.toLanguageTag() + " " + z.getId(), k -> new PageTime(l, z));
    }

    /** A moment for a page; empty for none. */
    public static String format(Instant at, Locale locale, ZoneId zone) {
        return of(locale, zone).format(at);
    }

    public static String format(OffsetDateTime at, Locale locale, ZoneId zone) {
        return at == null ? "" : format(at.toInstant(), locale, zone);
    }

    private static List<String> zones() {
        Set<String> ids = ZoneId.getAvailableZoneIds();
        List<String> regions = ids.stream()
                .filter(id -> id.indexOf('/') > 0 && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
                .sorted().toList();
        java.util.ArrayList<String> all = new java.util.ArrayList<>(regions.size() + 1);
        all.add("UTC");
        all.addAll(regions);
        return List.copyOf(all);
    }
}
