package org.alliancesearch.model.mispapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class MispIdsTest {
    @Test
    void theSameUuidGetsTheSameIdWhateverItsCase() {
        String uuid = "5c2e1ed6-0f44-4b43-8a1c-1a2b3c4d5e6f";
        assertThat(MispIds.of(uuid)).isEqualTo(MispIds.of(uuid.toUpperCase())).isEqualTo(MispIds.of(" " + uuid));
    }

    @Test
    void idsAreDigitsWithinJavaScriptsExactRangeAndNeverZero() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = MispIds.of(UUID.randomUUID().toString());
            assertThat(id).matches("[1-9][0-9]*");
            assertThat(Long.parseLong(id)).isBetween(1L, 1L << 53);
            seen.add(id);
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void noUuidIsMispsNone() {
        assertThat(MispIds.of(null)).isEqualTo("0");
        assertThat(MispIds.of(" ")).isEqualTo("0");
    }
}
