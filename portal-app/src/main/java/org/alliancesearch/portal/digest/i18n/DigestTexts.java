package org.alliancesearch.portal.digest.i18n;

import java.util.Locale;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The digest texts in one language. */
public final class DigestTexts {
    private DigestTexts() {
    }

    public static DigestMessages of(Locale locale) {
        return MessageBundles.get(DigestMessages.class, Localized.Literal.of(locale.toLanguageTag()));
    }
}
