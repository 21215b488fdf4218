package org.alliancesearch.model.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class KeyTableTest {
    @Test
    void growsAndFindsEveryKeyAgainIncludingColliders() {
        KeyTable<Integer> table = new KeyTable<>(1);
        Map<Object, Integer> reference = new HashMap<>();
        for (int i = 0; i < 5000; i++) {
            // "Aa" and "BB" have the same String hash: colliding keys must stay apart.
            Object key = i % 3 == 0 ? "Aa".repeat(i % 7 + 1) + i : i % 3 == 1 ? "BB".repeat(i % 7 + 1) + i : "k" + i;
            table.putNew(key, i);
            reference.put(key, i);
        }
        assertThat(table.size()).isEqualTo(reference.size());
        reference.forEach((k, v) -> assertThat(table.get(new String((String) k))).isEqualTo(v));
        assertThat(table.get("missing")).isNull();
    }
}
