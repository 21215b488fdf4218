package org.alliancesearch.model.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A tag pattern: case-insensitive, {@code *} (or MISP's {@code %}) matches any run of characters. TLP tags are
 * compared in their canonical form, so {@code tlp:white} matches a {@code tlp:clear} tag and the other way round.
 */
public final class TagPattern {
    private final String source;
    private final String[] parts;
    private final boolean wildcard;

    private TagPattern(String source, String[] parts, boolean wildcard) {
        this.source = source;
        this.parts = parts;
        this.wildcard = wildcard;
    }

    /**
     * Compiles a pattern.
     *
     * @throws IllegalArgumentException when the pattern is blank
     */
    public static TagPattern of(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        String p = pattern.strip().toLowerCase(Locale.ROOT).replace('%', '*');
        if (p.isEmpty()) {
            throw new IllegalArgumentException("a tag pattern must not be blank");
        }
        if (p.indexOf('*') < 0) {
            return new TagPattern(pattern, new String[]{TagNames.key(p)}, false);
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= p.length(); i++) {
            if (i == p.length() || p.charAt(i) == '*') {
                parts.add(p.substring(start, i));
                start = i + 1;
            }
        }
        return new TagPattern(pattern, parts.toArray(new String[0]), true);
    }

    /** The pattern as written. */
    public String source() {
        return source;
    }

    /** True when the tag (any case, any TLP spelling) matches. */
    public boolean matches(String tag) {
        String lower = tag.strip().toLowerCase(Locale.ROOT);
        String key = TagNames.key(lower);
        return matchesLower(key) || (!key.equals(lower) && matchesLower(lower));
    }

    private boolean matchesLower(String s) {
        if (!wildcard) {
            return parts[0].equals(s);
        }
        // parts = literal pieces between stars: the first must be a prefix, the last a suffix, the rest in order.
        String first = parts[0];
        String last = parts[parts.length - 1];
        if (!s.startsWith(first) || s.length() < first.length() + last.length() || !s.endsWith(last)) {
            return false;
        }
        int pos = first.length();
        int end = s.length() - last.length();
        for (int i = 1; i < parts.length - 1; i++) {
            String part = parts[i];
            if (part.isEmpty()) {
                continue;
            }
            int at = s.indexOf(part, pos);
            if (at < 0 || at + part.length() > end) {
                return false;
            }
            pos = at + part.length();
        }
        return true;
    }

    @Override
    public String toString() {
        return source;
    }
}
