package org.alliancesearch.portal.common.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The page language from {@code Accept-Language}, by RFC 4647 lookup over English and Japanese. */
class LanguagesTest {
    final Languages languages = new Languages();

    @Test
    void theClientsPreferenceWinsAmongWhatIsSupported() {
        assertThat(languages.fromAcceptLanguage("ja")).isEqualTo(Locale.JAPANESE);
        assertThat(languages.fromAcceptLanguage("ja-JP")).isEqualTo(Locale.JAPANESE);
        assertThat(languages.fromAcceptLanguage("ja-JP,en;q=0.5")).isEqualTo(Locale.JAPANESE);
        assertThat(languages.fromAcceptLanguage("en;q=0.2, ja;q=0.8")).isEqualTo(Locale.JAPANESE);
        assertThat(languages.fromAcceptLanguage("fr-FR, de;q=0.9, ja;q=0.1")).isEqualTo(Locale.JAPANESE);
        assertThat(languages.fromAcceptLanguage("en-GB, ja;q=0.9")).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void anythingElseIsEnglish() {
        for (String header : new String[]{null, "", "  ", "*", "fr", "ja;q=0", "ja;q=x", "💥;;", "ja;q=2",
                "x".repeat(2000)}) {
            assertThat(languages.fromAcceptLanguage(header)).as(String.valueOf(header)).isEqualTo(Locale.ENGLISH);
        }
    }
}
