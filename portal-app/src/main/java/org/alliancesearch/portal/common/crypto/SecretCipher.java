package org.alliancesearch.portal.common.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;

/**
 * AES-256-GCM for secrets at rest. Every value gets a fresh random 12-byte IV; the associated data binds a ciphertext
 * to its row and column, so a ciphertext copied to another row does not decrypt. The application does not start
 * without a valid active key.
 */
@Startup
@ApplicationScoped
public class SecretCipher {
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();
    /**
     * One cipher per thread (a cipher is not safe to share), initialised anew for every value: no look-up of the
     * transformation among the providers for each one. Every encryption still gets its own random IV.
     */
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(SecretCipher::newCipher);

    public SecretCipher(CryptoConfig config) {
        this.keys = parseKeys(config.keys());
        this.activeKeyId = config.activeKey().filter(id -> !id.isBlank())
                .orElseThrow(() -> new IllegalStateException(
                        "No encryption key configured: set alliance.crypto.active-key (env ALLIANCE_CRYPTO_ACTIVE_KEY)"
                                + " and alliance.crypto.keys.<id> (env ALLIANCE_CRYPTO_KEYS_<ID>) to the base64 of 32"
                                + " random bytes, e.g. from `openssl rand -base64 32`. See docs/operations.md."));
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalStateException("alliance.crypto.active-key is '" + activeKeyId
                    + "' but there is no alliance.crypto.keys." + activeKeyId + "; configured key ids: "
                    + keys.keySet());
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every Java runtime", e);
        }
    }

    private static Map<String, SecretKey> parseKeys(Map<String, String> configured) {
        Map<String, SecretKey> parsed = new LinkedHashMap<>();
        configured.forEach((id, value) -> {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(value.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("alliance.crypto.keys." + id + " is not valid base64");
            }
            if (bytes.length != 32) {
                throw new IllegalStateException("alliance.crypto.keys." + id + " must be 32 bytes (AES-256) but is "
                        + bytes.length + " bytes; generate one with `openssl rand -base64 32`");
            }
            parsed.put(id, new SecretKeySpec(bytes, "AES"));
        });
        return Map.copyOf(parsed);
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    public Set<String> keyIds() {
        return keys.keySet();
    }

    /** Encrypts under the active key. {@code context} names where the value lives, e.g. {@code member/<id>/api-key}. */
    public SealedSecret seal(String plaintext, String context) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return new SealedSecret(activeKeyId, Base64.getEncoder().encodeToString(out));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed: " + e.getClass().getSimpleName());
        }
    }

    /** Decrypts a value sealed under any configured key for the same {@code context}. */
    public String open(SealedSecret secret, String context) {
        SecretKey key = keys.get(secret.keyId());
        if (key == null) {
            throw new IllegalStateException("A secret is encrypted under key '" + secret.keyId()
                    + "' which is not configured; add alliance.crypto.keys." + secret.keyId());
        }
        try {
            byte[] in = Base64.getDecoder().decode(secret.ciphertext());
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A secret could not be decrypted (" + e.getClass().getSimpleName()
                    + "); wrong key or tampered value");
        }
    }
}
