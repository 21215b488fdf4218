package org.alliancesearch.portal.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.alliancesearch.portal.apikey.service.ApiKeys;
import org.junit.jupiter.api.Test;

class Sha256Test {

    @Test
    void hexOfTheStandardVector() {
        // FIPS 180-2, appendix B.1
        assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void textIsHashedAsUtf8() throws Exception {
        String text = "i|domain|例え.テスト";
        assertThat(Sha256.hex(text)).isEqualTo(HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))))
                .isNotEqualTo(Sha256.hex("i|domain|??.???"));
    }

    @Test
    void personalKeysHashAsTheyWereStored() throws Exception {
        // keys issued earlier were stored as the SHA-256 of their ASCII bytes: the same keys must still match
        for (int i = 0; i < 50; i++) {
            String key = ApiKeys.generate();
            assertThat(ApiKeys.hash(key)).isEqualTo(HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII))));
        }
    }
}
