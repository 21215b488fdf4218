package org.alliancesearch.portal.history.i18n;

import java.util.Locale;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The history texts in one language. */
public final class HistoryTexts {
    private HistoryTexts() {
    }

    public static HistoryMessages of(Locale locale) {
        return MessageBundles.get(HistoryMessages.class, Localized.Literal.of(locale.toLanguageTag()));
    }
}
