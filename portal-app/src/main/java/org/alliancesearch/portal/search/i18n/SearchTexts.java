package org.alliancesearch.portal.search.i18n;

import java.util.Locale;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The search texts in one language. */
public final class SearchTexts {
    private SearchTexts() {
    }

    public static SearchMessages of(Locale locale) {
        return MessageBundles.get(SearchMessages.class, Localized.Literal.of(locale.toLanguageTag()));
    }
}
