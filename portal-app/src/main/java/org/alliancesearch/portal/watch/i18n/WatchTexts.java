package org.alliancesearch.portal.watch.i18n;

import java.util.Locale;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The watch texts in one language. */
public final class WatchTexts {
    private WatchTexts() {
    }

    public static WatchMessages of(Locale locale) {
        return MessageBundles.get(WatchMessages.class, Localized.Literal.of(locale.toLanguageTag()));
    }
}
