package org.alliancesearch.portal.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.alliancesearch.portal.apikey.i18n.ApiKeyMessages;
import org.alliancesearch.portal.common.i18n.AppMessages;
import org.alliancesearch.portal.history.i18n.HistoryMessages;
import org.junit.jupiter.api.Test;

/** Every message exists in English and Japanese, and every text has a message. */
class MessageBundleTest {
    static Properties load(String name) throws IOException {
        Properties props = new Properties();
        try (InputStream in = MessageBundleTest.class.getResourceAsStream("/messages/" + name)) {
            props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return props;
    }

    @Test
    void englishAndJapaneseAreComplete() throws IOException {
        complete(AppMessages.class, "msg");
    }

    @Test
    void apiKeyTextsAreComplete() throws IOException {
        complete(ApiKeyMessages.class, "apikey");
    }

    @Test
    void historyTextsAreComplete() throws IOException {
        complete(HistoryMessages.class, "history");
    }

    @Test
    void digestTextsAreComplete() throws IOException {
        complete(org.alliancesearch.portal.digest.i18n.DigestMessages.class, "digest");
    }

    @Test
    void extractTextsAreComplete() throws IOException {
        complete(org.alliancesearch.portal.extract.i18n.ExtractMessages.class, "extract");
    }

    @Test
    void warninglistTextsAreComplete() throws IOException {
        complete(org.alliancesearch.portal.warninglist.i18n.WarninglistMessages.class, "warninglist");
    }

    @Test
    void searchAndSummaryTextsAreComplete() throws IOException {
        complete(org.alliancesearch.portal.search.i18n.SearchMessages.class, "search");
        complete(org.alliancesearch.portal.search.i18n.SummaryMessages.class, "summary");
    }

    private static void complete(Class<?> bundle, String name) throws IOException {
        Set<String> methods = Arrays.stream(bundle.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toSet());
        Properties en = load(name + "_en.properties");
        Properties ja = load(name + "_ja.properties");
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(methods);
        assertThat(ja.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(methods);
        for (String key : methods) {
            assertThat(ja.getProperty(key)).as(key).isNotBlank();
            // the same parameters in both languages
            assertThat(params(ja.getProperty(key))).as(key).isEqualTo(params(en.getProperty(key)));
        }
    }

    private static Set<String> params(String message) {
        return java.util.regex.Pattern.compile("\\{(\\w+)\\}").matcher(message).results().map(m -> m.group(1))
                .collect(Collectors.toSet());
    }
}
