package org.alliancesearch.portal.search.service;

import java.nio.charset.StandardCharsets;

import javax.crypto.Mac;

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
        ValueHashes.keyedMac(key); // refused here, at start-up, rather than at the first search
        this.keyed = ThreadLocal.withInitial(() -> ValueHashes.keyedMac(key));
    }

    /** HMAC-SHA-256 (hex) of the text under the server secret. */
    public String hash(String text) {
        return ValueHashes.hmac(keyed.get(), text);
    }
}
