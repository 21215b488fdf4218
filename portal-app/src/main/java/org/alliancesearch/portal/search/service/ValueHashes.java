package org.alliancesearch.portal.search.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | java.security.InvalidKeyException e) {
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
