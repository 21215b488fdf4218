package org.alliancesearch.model.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TlpTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"tlp:white|CLEAR", "TLP:WHITE|CLEAR", "tlp:clear|CLEAR", "tlp:green|GREEN",
            "TLP:Amber|AMBER", "tlp:amber+strict|AMBER_STRICT", "TLP:AMBER+STRICT|AMBER_STRICT",
            "tlp:amber strict|AMBER_STRICT", "tlp:amber-strict|AMBER_STRICT", "tlp:amber_strict|AMBER_STRICT",
            " tlp : red |RED", "tlp:\"red\"|RED"})
    void readsEverySpellingOfALevel(String tag, Tlp expected) {
        assertThat(Tlp.fromTag(tag)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tlp:ex:chr", "tlp:unclear", "pap:red", "red", "tlpx:red", "tlp", "tlp:", "atlp:red"})
    void otherTagsAreNotLevels(String tag) {
        assertThat(Tlp.fromTag(tag)).isNull();
    }

    @Test
    void orderIsClearGreenAmberAmberStrictRed() {
        assertThat(Tlp.values()).containsExactly(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER, Tlp.AMBER_STRICT, Tlp.RED);
        assertThat(Tlp.AMBER_STRICT.isMoreRestrictiveThan(Tlp.AMBER)).isTrue();
        assertThat(Tlp.GREEN.isMoreRestrictiveThan(Tlp.AMBER)).isFalse();
        assertThat(Tlp.mostRestrictive(null, Tlp.GREEN)).isEqualTo(Tlp.GREEN);
        assertThat(Tlp.mostRestrictive(Tlp.RED, Tlp.GREEN)).isEqualTo(Tlp.RED);
        assertThat(Tlp.mostRestrictive(null, null)).isNull();
    }

    @Test
    void parseAcceptsCodesTagsLabelsAndNamesAndExplainsAMistake() {
        assertThat(Tlp.parse("amber+strict")).isEqualTo(Tlp.AMBER_STRICT);
        assertThat(Tlp.parse("AMBER_STRICT")).isEqualTo(Tlp.AMBER_STRICT);
        assertThat(Tlp.parse("TLP:GREEN")).isEqualTo(Tlp.GREEN);
        assertThat(Tlp.parse("white")).isEqualTo(Tlp.CLEAR);
        assertThatThrownBy(() -> Tlp.parse("purple")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("purple");
        assertThat(Tlp.AMBER_STRICT.tagName()).isEqualTo("tlp:amber+strict");
        assertThat(Tlp.AMBER_STRICT.label()).isEqualTo("TLP:AMBER+STRICT");
    }
}
