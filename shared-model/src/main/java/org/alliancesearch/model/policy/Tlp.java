package org.alliancesearch.model.policy;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Traffic Light Protocol levels, least restrictive first (TLP 2.0: clear &lt; green &lt; amber &lt; amber+strict &lt;
 * red). {@code tlp:white} (TLP 1.0) is read as {@link #CLEAR}. In JSON a level is its TLP 2.0 code ({@code "clear"},
 * {@code "amber+strict"}, …).
 */
public enum Tlp {
    CLEAR("clear"), GREEN("green"), AMBER("amber"), AMBER_STRICT("amber+strict"), RED("red");

    private final String code;
    private final String tagName;

    Tlp(String code) {
        this.code = code;
        this.tagName = "tlp:" + code;
    }

    /** The TLP 2.0 code: {@code clear}, {@code green}, {@code amber}, {@code amber+strict}, {@code red}. */
    @JsonValue
    public String code() {
        return code;
    }

    /** The canonical MISP tag: {@code tlp:clear}, …, {@code tlp:amber+strict}, {@code tlp:red}. */
    public String tagName() {
        return tagName;
    }

    /** The label as TLP 2.0 writes it: {@code TLP:AMBER+STRICT}. */
    public String label() {
        return tagName.toUpperCase(Locale.ROOT);
    }

    /** True when this level is more restrictive than {@code other}. */
    public boolean isMoreRestrictiveThan(Tlp other) {
        return compareTo(other) > 0;
    }

    /** The more restrictive of two levels; either may be null (no TLP). */
    public static Tlp mostRestrictive(Tlp a, Tlp b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * The level a MISP tag names, or null when the tag is not a TLP level. Case-insensitive, tolerant of spaces and
     * quotes ({@code TLP:GREEN}, {@code tlp: amber}, {@code tlp:"red"}), {@code tlp:white} is {@link #CLEAR}, and
     * {@code amber+strict} may be spelled {@code amber strict}, {@code amber-strict} or {@code amber_strict}. Other
     * values of the taxonomy ({@code tlp:ex:chr}, {@code tlp:unclear}) are not levels.
     */
    public static Tlp fromTag(String tag) {
        if (tag == null) {
            return null;
        }
        String s = tag.strip();
        if (s.length() < 4 || !s.regionMatches(true, 0, "tlp", 0, 3)) {
            return null;
        }
        s = s.substring(3).strip();
        if (s.isEmpty() || s.charAt(0) != ':') {
            return null;
        }
        return fromCode(s.substring(1));
    }

    /**
     * Lenient reading of a level from configuration or an API: a code ({@code amber+strict}), a tag
     * ({@code tlp:amber}), a label ({@code TLP:AMBER}) or the constant name ({@code AMBER_STRICT}).
     *
     * @throws IllegalArgumentException when the text names no level
     */
    @JsonCreator
    public static Tlp parse(String text) {
        Tlp tlp = text == null ? null : fromTag(text);
        if (tlp == null && text != null) {
            tlp = fromCode(text);
        }
        if (tlp == null) {
            throw new IllegalArgumentException("not a TLP level: '" + text
                    + "' (expected clear, white, green, amber, amber+strict or red)");
        }
        return tlp;
    }

    private static Tlp fromCode(String raw) {
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '"' || c == '\'' || Character.isWhitespace(c) || c == '+' || c == '-' || c == '_') {
                continue;
            }
            b.append(Character.toLowerCase(c));
        }
        switch (b.toString()) {
            case "clear", "white" -> {
                return CLEAR;
            }
            case "green" -> {
                return GREEN;
            }
            case "amber" -> {
                return AMBER;
            }
            case "amberstrict" -> {
                return AMBER_STRICT;
            }
            case "red" -> {
                return RED;
            }
            default -> {
                return null;
            }
        }
    }
}
