package org.alliancesearch.portal.common.crypto;

/**
 * A secret encrypted at rest.
 *
 * @param keyId the id of the key that encrypted it
 * @param ciphertext base64 of the 12-byte IV followed by the AES-GCM ciphertext and tag
 */
public record SealedSecret(String keyId, String ciphertext) {
    @Override
    public String toString() {
        return "SealedSecret[keyId=" + keyId + "]";
    }
}
