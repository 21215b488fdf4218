package org.alliancesearch.portal.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class SecretCipherTest {
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private final SecretCipher cipher = new SecretCipher(config());

    @Test
    void sealsAndOpensOnManyThreadsEachValueUnderItsOwnIv() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<SealedSecret>> sealed = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String value = "value-" + (i % 7);
                String context = "history/" + i;
                sealed.add(threads.submit(() -> {
                    SealedSecret s = cipher.seal(value, context);
                    // opened on a thread whose cipher just encrypted, and sealed again after
                    assertThat(cipher.open(s, context)).isEqualTo(value);
                    return s;
                }));
            }
            Set<String> ciphertexts = new HashSet<>();
            for (int i = 0; i < sealed.size(); i++) {
                SealedSecret s = sealed.get(i).get();
                assertThat(cipher.open(s, "history/" + i)).isEqualTo("value-" + (i % 7));
                ciphertexts.add(s.ciphertext());
            }
            assertThat(ciphertexts).hasSize(sealed.size());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aRefusedValueLeavesTheThreadsCipherUsable() {
        SealedSecret sealed = cipher.seal("secret", "member/1/api-key");
        byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
        bytes[bytes.length - 1] ^= 1;
        SealedSecret tampered = new SealedSecret(sealed.keyId(), Base64.getEncoder().encodeToString(bytes));

        assertThatThrownBy(() -> cipher.open(tampered, "member/1/api-key")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open(sealed, "member/2/api-key")).isInstanceOf(IllegalStateException.class);
        assertThat(cipher.open(sealed, "member/1/api-key")).isEqualTo("secret");
        assertThat(cipher.open(cipher.seal("next", "ctx"), "ctx")).isEqualTo("next");
    }

    private static CryptoConfig config() {
        return new CryptoConfig() {
            @Override
            public Map<String, String> keys() {
                return Map.of("k1", KEY);
            }

            @Override
            public Optional<String> activeKey() {
                return Optional.of("k1");
            }
        };
    }
}
