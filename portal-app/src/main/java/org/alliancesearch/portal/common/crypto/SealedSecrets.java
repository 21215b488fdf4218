package org.alliancesearch.portal.common.crypto;

import io.smallrye.mutiny.Uni;

/**
 * A feature that keeps secrets sealed with {@link SecretCipher} besides the members' keys (a watch's webhook secret):
 * the admin key rotation re-seals them too, so that a retired key can be dropped from the configuration.
 */
public interface SealedSecrets {
    /** How many secrets a rotation re-sealed under the active key, and how many already were. */
    record Rotated(int reencrypted, int unchanged) {
    }

    /** Re-seals every secret not under the active key; runs in the caller's transaction. */
    Uni<Rotated> rotate();
}
