package org.alliancesearch.portal.sighting.i18n;

import java.util.Locale;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The sighting texts in one language. */
public final class SightingTexts {
    private SightingTexts() {
    }

    public static SightingMessages of(Locale locale) {
        return MessageBundles.get(SightingMessages.class, Localized.Literal.of(locale.toLanguageTag()));
    }
}
