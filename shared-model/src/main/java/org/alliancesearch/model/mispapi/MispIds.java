package org.alliancesearch.model.mispapi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * The numeric ids the portal's MISP-compatible API gives to records. MISP clients expect {@code id}, {@code event_id}
 * and {@code object_id} as strings of digits, and some keep them to ask again ({@code eventid}); a member's own ids
 * are local to its server and collide across members, so the portal derives its own from what is stable across
 * servers and searches: the record's uuid.
 *
 * <p>
 * An id is the first 53 bits of the SHA-256 of the lower-case uuid, plus one: positive, never 0 (MISP's "none"), and
 * exact as a JavaScript number. Two distinct uuids share an id with probability about n²/2⁵⁴ (under one in a million
 * for 100,000 records).
 */
public final class MispIds {
    private MispIds() {
    }

    /** The id of the record with this uuid, as a string of digits; "0" for a null or blank uuid (MISP's "none"). */
    public static String of(String uuid) {
        if (uuid == null || uuid.isBlank()) {
            return "0";
        }
        byte[] digest = sha256(uuid.strip().toLowerCase(Locale.ROOT));
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (digest[i] & 0xff);
        }
        return Long.toString((bits >>> 11) + 1);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
