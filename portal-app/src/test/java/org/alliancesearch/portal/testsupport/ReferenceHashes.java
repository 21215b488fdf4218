package org.alliancesearch.portal.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Hashes computed with the JDK alone, apart from the portal's code, for tests to compare what it stored with. */
public final class ReferenceHashes {
    private ReferenceHashes() {
    }

    /** HMAC-SHA-256 of the text's UTF-8 bytes under the key, as lower-case hex. */
    public static String hmacSha256(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bare SHA-256 of the text's UTF-8 bytes, as lower-case hex. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
