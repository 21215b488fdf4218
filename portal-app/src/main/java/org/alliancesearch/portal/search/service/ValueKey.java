package org.alliancesearch.portal.search.service;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.alliancesearch.portal.search.config.SearchConfig;

/**
 * Hashes what is stored about searched values (audit rows, "new since last run" marks) under the server secret
 * {@code alliance.search.audit.value-key}, so that a copy of the database does not tell which values were searched.
 */
@ApplicationScoped
public class ValueKey {
    /** Shorter secrets are refused at start-up. */
    public static final int MIN_LENGTH = 32;

    /**
     * Keyed once per thread (a MAC is not safe to share): no thread waits, no lookup of the algorithm is repeated,
     * and it works with any provider, whether its MACs can be copied or not.
     */
    private final ThreadLocal<Mac> keyed;

    @Inject
    public ValueKey(SearchConfig config) {
        this(config.audit().valueKey().orElse(null));
    }

    public ValueKey(String secret) {
        if (secret == null || secret.length() < MIN_LENGTH) {
            throw new IllegalStateException("alliance.search.audit.value-key must be at least " + MIN_LENGTH
                    + " characters");
        }
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        keyedMac(key); // refused here, at start-up, rather than at the first search
        this.keyed = ThreadLocal.withInitial(() -> keyedMac(key));
    }

    /** HMAC-SHA-256 (lower-case hex) of the text's UTF-8 bytes under the server secret. */
    public String hash(String text) {
        // doFinal leaves the MAC keyed and ready for the next text
        return HexFormat.of().formatHex(keyed.get().doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Mac keyedMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
