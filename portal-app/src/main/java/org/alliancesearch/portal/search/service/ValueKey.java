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

    private final byte[] key;
    /** Keyed once; each hash works on a copy, so that no thread waits and no lookup of the algorithm is repeated. */
    private final Mac keyed;

    @Inject
    public ValueKey(SearchConfig config) {
        this(config.audit().valueKey().orElse(null));
    }

    public ValueKey(String secret) {
        if (secret == null || secret.length() < MIN_LENGTH) {
            throw new IllegalStateException("alliance.search.audit.value-key must be at least " + MIN_LENGTH
                    + " characters");
        }
        this.key = secret.getBytes(StandardCharsets.UTF_8);
        this.keyed = ValueHashes.keyedMac(key);
    }

    /** HMAC-SHA-256 (hex) of the text under the server secret. */
    public String hash(String text) {
        return ValueHashes.hmac(copyOfKeyed(), text);
    }

    private Mac copyOfKeyed() {
        try {
            return (Mac) keyed.clone();
        } catch (CloneNotSupportedException e) {
            return ValueHashes.keyedMac(key); // a provider whose MAC cannot be copied: key a new one each time
        }
    }
}
