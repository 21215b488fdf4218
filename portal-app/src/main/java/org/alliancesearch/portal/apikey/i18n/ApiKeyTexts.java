package org.alliancesearch.portal.apikey.i18n;

import static org.alliancesearch.portal.common.web.FeatureTexts.number;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.portal.common.web.FeatureTexts;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The API key texts in one language; the service's codes ({@code api-key.*}) and the pages' done actions. */
@ApplicationScoped
public class ApiKeyTexts implements FeatureTexts {
    public static ApiKeyMessages of(Locale locale) {
        return MessageBundles.get(ApiKeyMessages.class, Localized.Literal.of(locale.toLanguageTag()));
    }

    @Override
    public String text(String code, List<Object> args, Locale locale) {
        ApiKeyMessages msg = of(locale);
        return switch (code) {
            case "api-key.name.required" -> msg.err_name_required();
            case "api-key.name.too-long" -> msg.err_name_too_long(number(args, 0));
            case "api-key.name.control" -> msg.err_name_control();
            case "api-key.expiry.range" -> msg.err_expiry_range(number(args, 0));
            case "api-key.too-many" -> msg.err_too_many(number(args, 0));
            case "api-key.not-found" -> msg.err_key_not_found();
            case "api-key-revoked" -> msg.keys_revoked();
            default -> null;
        };
    }
}
