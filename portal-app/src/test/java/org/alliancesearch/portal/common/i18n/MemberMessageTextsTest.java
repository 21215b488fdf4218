package org.alliancesearch.portal.common.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.alliancesearch.connector.MemberMessage;
import org.junit.jupiter.api.Test;

class MemberMessageTextsTest {
    @Test
    void everyPhraseHasItsTextInBothLanguages() {
        assertThat(MemberMessageTexts.missing("en")).isEmpty();
        assertThat(MemberMessageTexts.missing("ja")).isEmpty();
    }

    @Test
    void theConnectorsReasonsAreSaidInJapanese() {
        Locale ja = Locale.JAPANESE;
        assertThat(MemberMessageTexts.localise(MemberMessage.NO_ANSWER_WITHIN.format(5000), ja))
                .isEqualTo("5000 ミリ秒以内に応答がありません");
        assertThat(MemberMessageTexts.localise(MemberMessage.ATTRIBUTE_CAP.format(500) + MemberMessage.SEPARATOR
                + MemberMessage.ATTRIBUTES_KEPT.format(500), ja))
                .isEqualTo("結果の上限（500 属性）に達しました。500 属性を保持しました");
        // what the member wrote is passed on as it is
        assertThat(MemberMessageTexts.localise("HTTP 500 An Internal Error Has Occurred.", ja))
                .isEqualTo("HTTP 500: An Internal Error Has Occurred.");
    }

    @Test
    void englishStaysAsTheConnectorSaysItAndUnknownTextIsShownAsItIs() {
        String message = MemberMessage.CIRCUIT_OPEN.format();
        assertThat(MemberMessageTexts.localise(message, Locale.ENGLISH)).isEqualTo(message);
        assertThat(MemberMessageTexts.localise("something else", Locale.JAPANESE)).isEqualTo("something else");
        assertThat(MemberMessageTexts.localise(null, Locale.JAPANESE)).isNull();
    }
}
