package org.alliancesearch.portal.member.service;

import java.net.URI;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.connector.ApiKey;
import org.alliancesearch.connector.MemberEndpoint;
import org.alliancesearch.model.result.MemberRef;
import org.alliancesearch.portal.common.crypto.SealedSecret;
import org.alliancesearch.portal.common.crypto.SecretCipher;
import org.alliancesearch.portal.member.persistence.MemberEntity;

/** Seals and opens a member's secrets and builds what the connector needs to call it. */
@ApplicationScoped
public class MemberSecrets {
    private final SecretCipher cipher;

    public MemberSecrets(SecretCipher cipher) {
        this.cipher = cipher;
    }

    static String apiKeyContext(MemberEntity m) {
        return "member/" + m.id + "/api-key";
    }

    static String clientKeyContext(MemberEntity m) {
        return "member/" + m.id + "/client-key";
    }

    void sealApiKey(MemberEntity m, String apiKey) {
        SealedSecret sealed = cipher.seal(apiKey, apiKeyContext(m));
        m.apiKeyCiphertext = sealed.ciphertext();
        m.apiKeyKeyId = sealed.keyId();
    }

    void sealClientKey(MemberEntity m, String clientKeyPem) {
        if (clientKeyPem == null) {
            m.clientKeyCiphertext = null;
            m.clientKeyKeyId = null;
            return;
        }
        SealedSecret sealed = cipher.seal(clientKeyPem, clientKeyContext(m));
        m.clientKeyCiphertext = sealed.ciphertext();
        m.clientKeyKeyId = sealed.keyId();
    }

    String apiKey(MemberEntity m) {
        return cipher.open(new SealedSecret(m.apiKeyKeyId, m.apiKeyCiphertext), apiKeyContext(m));
    }

    String clientKey(MemberEntity m) {
        if (m.clientKeyCiphertext == null) {
            return null;
        }
        return cipher.open(new SealedSecret(m.clientKeyKeyId, m.clientKeyCiphertext), clientKeyContext(m));
    }

    /** Re-encrypts the row's secrets under the active key; returns how many were re-encrypted. */
    int rotate(MemberEntity m) {
        int count = 0;
        String active = cipher.activeKeyId();
        if (!active.equals(m.apiKeyKeyId)) {
            sealApiKey(m, apiKey(m));
            count++;
        }
        if (m.clientKeyCiphertext != null && !active.equals(m.clientKeyKeyId)) {
            sealClientKey(m, clientKey(m));
            count++;
        }
        return count;
    }

    int secretCount(MemberEntity m) {
        return m.clientKeyCiphertext == null ? 1 : 2;
    }

    String activeKeyId() {
        return cipher.activeKeyId();
    }

    /** The connector's view of a member, with its secrets decrypted in memory. */
    MemberEndpoint endpoint(MemberEntity m) {
        MemberRef ref = new MemberRef(m.id.toString(), m.name, m.organisation, m.baseUrl, m.mispOrgUuid,
                m.mispOrgName);
        return new MemberEndpoint(ref, URI.create(m.baseUrl), ApiKey.of(apiKey(m)), m.verifyTls, m.caPem,
                m.clientCertPem, clientKey(m), Duration.ofMillis(m.timeoutMs), m.enabled, m.tlsPinSha256);
    }
}
