package org.alliancesearch.portal.history.i18n;

import static org.alliancesearch.portal.common.web.FeatureTexts.number;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.portal.common.web.FeatureTexts;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The history texts in one language, and the history page's done actions. */
@ApplicationScoped
public class HistoryTexts implements FeatureTexts {
    public static HistoryMessages of(Locale locale) {
        return MessageBundles.get(HistoryMessages.class, Localized.Literal.of(locale.toLanguageTag()));
    }

    @Override
    public String text(String code, List<Object> args, Locale locale) {
        HistoryMessages msg = of(locale);
        return switch (code) {
            case "history-deleted" -> msg.history_deleted();
            case "history-all-deleted" -> msg.history_all_deleted(number(args, 0));
            case "history-unconfirmed" -> msg.history_unconfirmed();
            default -> null;
        };
    }
}
