package org.alliancesearch.simulator.http;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Hostile content for the {@code hostile} fault: markup and script in {@code info}, {@code comment}, tag names and
 * values, very long strings, and odd Unicode (right-to-left override, zero-width characters, emoji, control
 * characters). The JSON stays valid; a client must render all of it as inert text.
 */
final class Hostility {
    static final Hostility NONE = new Hostility(false);
    static final Hostility ACTIVE = new Hostility(true);

    /** Right-to-left override, zero-width space and joiner, an emoji, BEL and NUL. */
    static final String ODD_UNICODE = "\u202Eexe.txt\u200B\u200D\uD83E\uDDA0\u0007\u0000";
    static final String SCRIPT = "<script>alert('xss')</script>";
    static final String HTML = "<img src=x onerror=alert(1)><b>bold</b></td></tr></table>";
    static final int LONG_LENGTH = 100_000;

    private final boolean active;

    private Hostility(boolean active) {
        this.active = active;
    }

    boolean active() {
        return active;
    }

    String info(String info, int ordinal) {
        return active ? SCRIPT + info + HTML + ODD_UNICODE : info;
    }

    String comment(String comment, int ordinal) {
        return active ? HTML + comment + ODD_UNICODE : comment;
    }

    /**
     * Values rotate through four shapes so that some records stay plain, the first of an answer among them: a client
     * drops a value nobody searched, and the plain records still bring the rest of the markup to its pages.
     */
    String value(String value, int ordinal) {
        if (!active) {
            return value;
        }
        return switch (ordinal % 4) {
            case 1 -> SCRIPT + value;
            case 2 -> value + ODD_UNICODE;
            case 3 -> value + "A".repeat(LONG_LENGTH);
            default -> value;
        };
    }

    void extraTag(JsonGenerator g) throws IOException {
        if (!active) {
            return;
        }
        g.writeStartObject();
        g.writeStringField("id", "999999");
        g.writeStringField("name", SCRIPT + "tlp:clear" + ODD_UNICODE);
        g.writeStringField("colour", "\"><script>alert(2)</script>");
        g.writeNullField("numerical_value");
        g.writeBooleanField("is_galaxy", false);
        g.writeNumberField("local", 0);
        g.writeEndObject();
    }
}
