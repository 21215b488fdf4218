package org.alliancesearch.portal.search.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class ValueKeyTest {
    private static final String SECRET = "a-server-secret-of-thirty-two-characters-or-more";

    @Test
    void hashesAreTheHmacOfEachTextWhateverWasHashedBeforeAndOnWhateverThread() throws Exception {
        ValueKey key = new ValueKey(SECRET);
        List<String> texts = IntStream.range(0, 400).mapToObj(i -> i % 3 == 0 ? "" : "203.0.113." + i).toList();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> hashes = texts.stream().map(t -> threads.submit(() -> key.hash(t))).toList();
            for (int i = 0; i < texts.size(); i++) {
                assertThat(hashes.get(i).get()).as(texts.get(i)).isEqualTo(hmac(texts.get(i)));
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(key.hash("evil.example")).isEqualTo(hmac("evil.example")).isNotEqualTo(hmac("evil.example."));
    }

    @Test
    void eachKeyHashesUnderItsOwnSecretOnTheSameThread() throws Exception {
        ValueKey first = new ValueKey(SECRET);
        ValueKey other = new ValueKey(SECRET.toUpperCase(java.util.Locale.ROOT));

        assertThat(first.hash("evil.example")).isEqualTo(hmac("evil.example"));
        assertThat(other.hash("evil.example")).isNotEqualTo(hmac("evil.example"));
        assertThat(first.hash("evil.example")).isEqualTo(hmac("evil.example"));
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new ValueKey("x".repeat(ValueKey.MIN_LENGTH - 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 32");
    }

    private static String hmac(String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
