package org.alliancesearch.portal.apikey.i18n;

import java.util.Locale;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The API key texts in one language. */
public final class ApiKeyTexts {
    private ApiKeyTexts() {
    }

    public static ApiKeyMessages of(Locale locale) {
        return MessageBundles.get(ApiKeyMessages.class, Localized.Literal.of(locale.toLanguageTag()));
    }
}
