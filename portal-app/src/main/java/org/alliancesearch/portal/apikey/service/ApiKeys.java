package org.alliancesearch.portal.apikey.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

import org.alliancesearch.portal.common.crypto.Sha256;

/**
 * The form of personal API keys: 40 letters and digits like MISP's auth keys (about 238 bits from a
 * {@link SecureRandom}), stored as their SHA-256. A key that random needs no secret salt: its hash cannot be reversed
 * by guessing.
 */
public final class ApiKeys {
    public static final int LENGTH = 40;
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
            .toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    public static String generate() {
        char[] key = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            key[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(key);
    }

    /** Whether a presented value has the form of a key (checked before any lookup). */
    public static boolean wellFormed(String value) {
        if (value == null || value.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = value.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    /** Hex SHA-256 of a key (a key is ASCII, see {@link #wellFormed}). */
    public static String hash(String key) {
        return Sha256.hex(key);
    }

    /** Compares two hashes in time independent of where they differ. */
    public static boolean sameHash(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    public static String last4(String key) {
        return key.substring(key.length() - 4);
    }
}
