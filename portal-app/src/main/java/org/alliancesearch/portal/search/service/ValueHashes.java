package org.alliancesearch.portal.search.service;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hashes of searched values and indicator keys, as lower-case hex: HMAC-SHA-256 under the server secret
 * ({@code alliance.search.audit.value-key}) for everything stored; the bare SHA-256 only to find audit rows written
 * before the HMAC (a bare hash of a value from a small space, e.g. an IPv4 address, is reversed by trying them all).
 */
public final class ValueHashes {
    private ValueHashes() {
    }

    /** HMAC-SHA-256 of the text under the key. */
    public static String hmac(byte[] key, String text) {
        return hmac(keyedMac(key), text);
    }

    /** HMAC-SHA-256 of the text with a MAC already keyed, which this leaves ready for the next text. */
    static String hmac(Mac keyed, String text) {
        return HexFormat.of().formatHex(keyed.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** An HMAC-SHA-256 keyed with the key. */
    static Mac keyedMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** The bare SHA-256, for audit rows written before the HMAC only. */
    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
