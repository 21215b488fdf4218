package org.alliancesearch.model.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TagPatternTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"tlp:red|TLP:RED|true", "PAP:RED|pap:red|true", "tlp:red|tlp:redish|false",
            "tlp:*|TLP:Amber|true", "*:red|PAP:RED|true", "osint:*|osint|false", "*galaxy*|misp-galaxy:tool=\"X\"|true",
            "a*b*c|abc|true", "a*b*c|aXbYc|true", "a*b*c|acb|false", "a*a|a|false", "*|anything|true",
            "misp%|MISP-galaxy:x|true", "tlp:white|tlp:clear|true", "tlp:clear|TLP:WHITE|true",
            "tlp:wh*|tlp:white|true", "tlp:amber+strict|tlp:amber strict|true", "tlp:amber|tlp:amber+strict|false"})
    void matchesCaseInsensitivelyWithWildcards(String pattern, String tag, boolean expected) {
        assertThat(TagPattern.of(pattern).matches(tag)).isEqualTo(expected);
    }

    @Test
    void aBlankPatternIsRefused() {
        assertThatThrownBy(() -> TagPattern.of("  ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank");
    }
}
