package org.alliancesearch.portal.watch.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook: {@code X-Alliance-Signature: sha256=<hex>}, the lower-case hex HMAC-SHA-256, keyed with
 * the watch's secret (its UTF-8 bytes), of {@code <timestamp>.<body>}: the decimal Unix seconds of
 * {@code X-Alliance-Timestamp}, a dot, then the body's bytes as sent. The timestamp is bound into the signature so
 * that a receiver that refuses old timestamps (say older than five minutes) cannot be sent a captured request again.
 */
public final class WebhookSignature {
    public static final String HEADER = "X-Alliance-Signature";
    public static final String TIMESTAMP_HEADER = "X-Alliance-Timestamp";

    private WebhookSignature() {
    }

    /** The header value for a body sent at {@code epochSeconds}. */
    public static String sign(String secret, long epochSeconds, byte[] body) {
        byte[] prefix = (epochSeconds + ".").getBytes(StandardCharsets.US_ASCII);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(prefix);
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a header value is the signature of this body and timestamp (compared in constant time). */
    public static boolean verify(String secret, long epochSeconds, byte[] body, String header) {
        if (header == null) {
            return false;
        }
        return java.security.MessageDigest.isEqual(sign(secret, epochSeconds, body).getBytes(StandardCharsets.US_ASCII),
                header.getBytes(StandardCharsets.US_ASCII));
    }
}
