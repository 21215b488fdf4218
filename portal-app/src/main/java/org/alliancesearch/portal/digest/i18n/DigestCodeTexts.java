package org.alliancesearch.portal.digest.i18n;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.portal.common.web.FeatureTexts;

/** The digest's codes ({@code digest.*}, from the subscription service) and its done actions, worded. */
@ApplicationScoped
public class DigestCodeTexts implements FeatureTexts {
    /** The done action after the e-mail was turned on. */
    public static final String SUBSCRIBED = "digest-subscribed";
    /** The done action after the e-mail was turned off. */
    public static final String UNSUBSCRIBED = "digest-unsubscribed";

    @Override
    public String text(String code, List<Object> args, Locale locale) {
        DigestMessages msg = DigestTexts.of(locale);
        return switch (code) {
            case "digest.subscription-invalid" -> msg.detail_subscription_invalid();
            case "digest.subscribed-required" -> msg.err_subscribed_required();
            case "digest.language" -> msg.err_language();
            case "digest.zone" -> msg.err_zone();
            case "digest.no-email" -> msg.err_no_email();
            case SUBSCRIBED -> msg.flash_digest_subscribed();
            case UNSUBSCRIBED -> msg.flash_digest_unsubscribed();
            default -> null;
        };
    }
}
