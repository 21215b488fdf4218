package org.alliancesearch.portal.watch.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.portal.common.crypto.SealedSecret;
import org.alliancesearch.portal.common.crypto.SealedSecrets;
import org.alliancesearch.portal.common.crypto.SecretCipher;
import org.alliancesearch.portal.watch.persistence.Watch;
import org.alliancesearch.portal.watch.persistence.WatchRepository;

import io.smallrye.mutiny.Uni;

/** The webhook secrets of watches, re-sealed by the admin key rotation. */
@ApplicationScoped
public class WatchSecretRotation implements SealedSecrets {
    private final WatchRepository watches;
    private final SecretCipher cipher;

    public WatchSecretRotation(WatchRepository watches, SecretCipher cipher) {
        this.watches = watches;
        this.cipher = cipher;
    }

    @Override
    public Uni<Rotated> rotate() {
        String active = cipher.activeKeyId();
        return watches.list("webhookSecretKeyId is not null").flatMap(rows -> {
            List<Watch> stale = rows.stream().filter(w -> !active.equals(w.webhookSecretKeyId)).toList();
            for (Watch w : stale) {
                String context = WatchSecrets.context(w.id);
                String secret = cipher.open(new SealedSecret(w.webhookSecretKeyId, w.webhookSecretCiphertext), context);
                SealedSecret sealed = cipher.seal(secret, context);
                w.webhookSecretKeyId = sealed.keyId();
                w.webhookSecretCiphertext = sealed.ciphertext();
            }
            Rotated rotated = new Rotated(stale.size(), rows.size() - stale.size());
            return stale.isEmpty() ? Uni.createFrom().item(rotated) : watches.persist(stale).replaceWith(rotated);
        });
    }
}
