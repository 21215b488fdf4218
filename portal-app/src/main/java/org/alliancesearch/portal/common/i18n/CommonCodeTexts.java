package org.alliancesearch.portal.common.i18n;

import static org.alliancesearch.portal.common.problem.CommonCodes.REQUIRED;
import static org.alliancesearch.portal.common.problem.CommonCodes.STALE;
import static org.alliancesearch.portal.common.problem.CommonCodes.STALE_FIELD;
import static org.alliancesearch.portal.common.problem.CommonCodes.TOO_LONG;
import static org.alliancesearch.portal.common.web.FeatureTexts.number;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.portal.common.web.FeatureTexts;

/** The codes every feature uses ({@code common.*}) and the preferences page's, in the common bundle's words. */
@ApplicationScoped
public class CommonCodeTexts implements FeatureTexts {
    private final Languages languages;

    public CommonCodeTexts(Languages languages) {
        this.languages = languages;
    }

    @Override
    public String text(String code, List<Object> args, Locale locale) {
        AppMessages msg = languages.messages(locale);
        return switch (code) {
            case REQUIRED -> msg.err_required();
            case TOO_LONG -> msg.err_too_long(number(args, 0));
            case STALE -> msg.detail_stale_version();
            case STALE_FIELD -> msg.err_stale_version();
            case "preferences-saved" -> msg.flash_preferences_saved();
            default -> null;
        };
    }
}
