package org.alliancesearch.model.merge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HitReaderSizingTest {

    @Test
    void aMergeWithoutABoundStartsSizedForAWideResult() {
        // no searched values (the MISP API's pulls, the merge benchmark) or a wildcard or network among them
        assertThat(HitReader.expectedIndicators(1_000_000, -1)).isEqualTo(250_000);
        assertThat(HitReader.expectedIndicators(7, -1)).isEqualTo(1);
        assertThat(HitReader.expectedSpellings(1_000_000, -1)).isEqualTo(500_000);
    }

    @Test
    void aSearchForFewExactValuesStartsSizedForThem() {
        assertThat(HitReader.expectedIndicators(50_000, 1)).isEqualTo(20);
        assertThat(HitReader.expectedIndicators(40, 1)).isEqualTo(10);
        assertThat(HitReader.expectedSpellings(50_000, 1)).isEqualTo(40);
        assertThat(HitReader.expectedIndicators(Integer.MAX_VALUE, Integer.MAX_VALUE))
                .isEqualTo(Integer.MAX_VALUE / 4);
    }
}
