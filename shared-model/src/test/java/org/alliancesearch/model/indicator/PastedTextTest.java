package org.alliancesearch.model.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PastedTextTest {
    @ParameterizedTest
    @ValueSource(strings = {"198.51.100.7", "evil.example.com", "hxxp://evil[.]example[.]com/a", "CVE-2021-44228",
            "Global\\MyMutex", "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run", "invoice 2024.pdf",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64)", "1.2.3.999", "not an indicator"})
    void valuesToSearchAsTheyAre(String value) {
        assertThat(PastedText.indicatorsInsteadOf(value)).as(value).isNull();
    }

    @Test
    void aSentenceAroundAnIndicatorOffersTheIndicator() {
        assertThat(PastedText.indicatorsInsteadOf("we saw 203.0.113.9 calling home to evil[.]example[.]com today"))
                .extracting(ExtractedIndicator::value).containsExactly("203.0.113.9", "evil.example.com");
    }

    @Test
    void aParagraphInJapaneseOffersItsIndicators() {
        String text = "攻撃者は以下のC2サーバを使用していた。\n通信先: 198.51.100.23 および hxxps://bad-cdn[.]net/payload";
        assertThat(PastedText.indicatorsInsteadOf(text)).extracting(ExtractedIndicator::value)
                .containsExactly("198.51.100.23", "https://bad-cdn.net/payload");
    }

    @Test
    void proseWithoutIndicatorsIsRefusedWithNothingToOffer() {
        assertThat(PastedText.indicatorsInsteadOf("please check whether anyone in the alliance saw this one"))
                .isEmpty();
    }
}
