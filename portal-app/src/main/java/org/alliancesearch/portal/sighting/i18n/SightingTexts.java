package org.alliancesearch.portal.sighting.i18n;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.portal.common.web.FeatureTexts;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The sighting texts in one language, and the words of the sighting service's codes ({@code sighting.*}). */
@ApplicationScoped
public class SightingTexts implements FeatureTexts {
    public static SightingMessages of(Locale locale) {
        return MessageBundles.get(SightingMessages.class, Localized.Literal.of(locale.toLanguageTag()));
    }

    @Override
    public String text(String code, List<Object> args, Locale locale) {
        SightingMessages msg = of(locale);
        return switch (code) {
            case "sighting.nothing-to-sight" -> msg.err_nothing_to_sight();
            case "sighting.value-required" -> msg.err_value_required();
            case "sighting.family-invalid" -> msg.err_family_invalid();
            default -> null;
        };
    }
}
