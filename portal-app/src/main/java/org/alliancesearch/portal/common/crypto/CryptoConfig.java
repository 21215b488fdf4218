package org.alliancesearch.portal.common.crypto;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Keys that encrypt secrets at rest (member API keys, client private keys). */
@ConfigMapping(prefix = "alliance.crypto")
public interface CryptoConfig {
    /**
     * AES-256 keys by id, each the base64 encoding of 32 random bytes ({@code openssl rand -base64 32}), e.g.
     * {@code alliance.crypto.keys.k2026=...} (env {@code ALLIANCE_CRYPTO_KEYS_K2026}). Keep old keys until a rotation
     * has re-encrypted every row.
     */
    Map<String, String> keys();

    /** The id of the key that encrypts new values and that a rotation re-encrypts everything under. */
    Optional<String> activeKey();
}
