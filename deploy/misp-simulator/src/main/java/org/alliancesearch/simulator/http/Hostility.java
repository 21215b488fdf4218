package org.alliancesearch.simulator.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.alliancesearch.simulator.Fault;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Hostile content for the {@code hostile} fault and the drill's {@link Fault.Tricks} that change records: markup and
 * script in {@code info}, {@code comment}, tag names and values, very long strings, odd Unicode (right-to-left
 * override, zero-width characters, emoji, control characters), invalid UTF-8, duplicate keys, padded records and
 * forged creator organisations. Apart from invalid UTF-8 and duplicate keys the JSON stays valid; a client must render
 * all of it as inert text.
 */
final class Hostility {
    static final Hostility NONE = new Hostility(false, Fault.Tricks.NONE);
    static final Hostility ACTIVE = new Hostility(true, Fault.Tricks.NONE);

    /** Right-to-left override, zero-width space and joiner, an emoji, BEL and NUL. */
    static final String ODD_UNICODE = "\u202Eexe.txt\u200B\u200D\uD83E\uDDA0\u0007\u0000";
    static final String SCRIPT = "<script>alert('xss')</script>";
    static final String HTML = "<img src=x onerror=alert(1)><b>bold</b></td></tr></table>";
    static final int LONG_LENGTH = 100_000;
    /** Right-to-left override ... pop directional formatting: text that shows reversed. */
    static final String RLO = "\u202E";
    static final String PDF = "\u202C";
    /** A lone continuation byte, an overlong slash and a byte that never occurs in UTF-8. */
    static final byte[] BAD_UTF8 = {(byte) 0x80, (byte) 0xC0, (byte) 0xAF, (byte) 0xFF, (byte) 0xFE};
    /** The second {@code value} of a record under {@code duplicate-keys}. */
    static final String DUPLICATE_VALUE = "duplicate-key.evil.example";
    /** Comment of the records a {@code reuse-uuids} member passes off as another member's. */
    static final String TAMPERED_COMMENT = "changed by another member";

    private final boolean active;
    private final Fault.Tricks tricks;
    private final boolean tampered;

    private Hostility(boolean active, Fault.Tricks tricks) {
        this(active, tricks, false);
    }

    private Hostility(boolean active, Fault.Tricks tricks, boolean tampered) {
        this.active = active;
        this.tricks = tricks;
        this.tampered = tampered;
    }

    /** The content changes of a fault. */
    static Hostility of(Fault f) {
        return f.hostile() || f.tricks().any() ? new Hostility(f.hostile(), f.tricks(), false) : NONE;
    }

    /** The same, for records taken from another member ({@code reuse-uuids}): comments, flags and tags change. */
    Hostility tampered() {
        return new Hostility(active, tricks, true);
    }

    boolean active() {
        return active;
    }

    Fault.Tricks tricks() {
        return tricks;
    }

    boolean tamperedRecords() {
        return tampered;
    }

    String info(String info, int ordinal) {
        String s = active ? SCRIPT + info + HTML + ODD_UNICODE : info;
        return tricks.rtl() ? RLO + s + PDF : s;
    }

    String comment(String comment, int ordinal) {
        String s = active ? HTML + comment + ODD_UNICODE : comment;
        if (tampered) {
            s = TAMPERED_COMMENT;
        }
        if (tricks.rtl()) {
            s = RLO + s + PDF;
        }
        if (tricks.hugeRecordKb() > 0) {
            s = s + " " + "x".repeat(Math.max(0, tricks.hugeRecordKb() * 1024 - s.length()));
        }
        return s;
    }

    /** Writes a string field, with invalid UTF-8 in the middle under {@code bad-utf8}. */
    void writeText(JsonGenerator g, String field, String text) throws IOException {
        if (!tricks.badUtf8()) {
            g.writeStringField(field, text);
            return;
        }
        byte[] plain = text.replace("\\", "").replace("\"", "").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[plain.length + BAD_UTF8.length];
        int half = plain.length / 2;
        System.arraycopy(plain, 0, bytes, 0, half);
        System.arraycopy(BAD_UTF8, 0, bytes, half, BAD_UTF8.length);
        System.arraycopy(plain, half, bytes, half + BAD_UTF8.length, plain.length - half);
        g.writeFieldName(field);
        g.writeRawUTF8String(bytes, 0, bytes.length);
    }

    /**
     * Values rotate through four shapes so that some records stay plain, the first of an answer among them: a client
     * drops a value nobody searched, and the plain records still bring the rest of the markup to its pages.
     */
    String value(String value, int ordinal) {
        if (tricks.rtl() && ordinal % 4 == 3) {
            return RLO + value + PDF;
        }
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

    /** Whether records carry extra tags. */
    boolean extraTags() {
        return active || tricks.rtl() || tampered;
    }

    void extraTag(JsonGenerator g) throws IOException {
        if (active) {
            g.writeStartObject();
            g.writeStringField("id", "999999");
            g.writeStringField("name", SCRIPT + "tlp:clear" + ODD_UNICODE);
            g.writeStringField("colour", "\"><script>alert(2)</script>");
            g.writeNullField("numerical_value");
            g.writeBooleanField("is_galaxy", false);
            g.writeNumberField("local", 0);
            g.writeEndObject();
        }
        if (tricks.rtl()) {
            writePlainTag(g, "999998", RLO + "tlp:red" + PDF);
        }
        if (tampered) {
            // an attempt to lower the sharing level of another member's record
            writePlainTag(g, "999997", "tlp:clear");
        }
    }

    private static void writePlainTag(JsonGenerator g, String id, String name) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("name", name);
        g.writeStringField("colour", "#ffffff");
        g.writeNullField("numerical_value");
        g.writeBooleanField("is_galaxy", false);
        g.writeNumberField("local", 0);
        g.writeEndObject();
    }
}
