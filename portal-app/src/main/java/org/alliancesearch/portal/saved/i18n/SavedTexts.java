package org.alliancesearch.portal.saved.i18n;

import static org.alliancesearch.portal.common.web.FeatureTexts.string;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.portal.common.web.FeatureTexts;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The saved-search texts in one language; the service's codes ({@code saved.*}) and the pages' done actions. */
@ApplicationScoped
public class SavedTexts implements FeatureTexts {
    public static SavedMessages of(Locale locale) {
        return MessageBundles.get(SavedMessages.class, Localized.Literal.of(locale.toLanguageTag()));
    }

    @Override
    public String text(String code, List<Object> args, Locale locale) {
        SavedMessages msg = of(locale);
        return switch (code) {
            case "saved.invalid" -> msg.detail_invalid_saved();
            case "saved.not-found" -> msg.detail_saved_not_found(string(args, 0));
            case "saved.not-owner" -> msg.detail_saved_not_owner();
            case "saved.stale-version" -> msg.err_saved_stale_version();
            case "saved.name" -> msg.err_saved_name();
            case "saved.description" -> msg.err_saved_description();
            case "saved.visibility" -> msg.err_saved_visibility();
            case "saved-created" -> msg.saved_created();
            case "saved-updated" -> msg.saved_updated();
            case "saved-deleted" -> msg.saved_deleted();
            default -> null;
        };
    }
}
