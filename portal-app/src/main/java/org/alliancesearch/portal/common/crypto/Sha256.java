package org.alliancesearch.portal.common.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The bare SHA-256 of a text, as lower-case hex, as personal API keys (random enough that guessing cannot reverse it)
 * and a watch's baseline marks are stored. A bare hash of a value from a small space, such as an IPv4 address, is
 * reversed by trying them all: what a searcher searched is hashed under the server secret instead ({@code ValueKey}).
 */
public final class Sha256 {
    private Sha256() {
    }

    /** SHA-256 of the text's UTF-8 bytes, as 64 lower-case hex digits. */
    public static String hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
