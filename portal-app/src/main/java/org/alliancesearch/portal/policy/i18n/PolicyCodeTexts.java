package org.alliancesearch.portal.policy.i18n;

import static org.alliancesearch.portal.common.web.FeatureTexts.string;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.portal.common.i18n.AppMessages;
import org.alliancesearch.portal.common.i18n.Languages;
import org.alliancesearch.portal.common.web.FeatureTexts;

/** The alliance policy's codes ({@code policy.*}) and done actions in the common bundle's words. */
@ApplicationScoped
public class PolicyCodeTexts implements FeatureTexts {
    private final Languages languages;

    public PolicyCodeTexts(Languages languages) {
        this.languages = languages;
    }

    @Override
    public String text(String code, List<Object> args, Locale locale) {
        AppMessages msg = languages.messages(locale);
        return switch (code) {
            case "policy.invalid" -> msg.detail_invalid_policy();
            case "policy.tlp" -> msg.err_tlp(string(args, 0));
            case "policy.floor" -> msg.err_policy_floor();
            case "policy.tag" -> msg.err_tag();
            case "policy-saved" -> msg.flash_policy_saved();
            default -> null;
        };
    }
}
