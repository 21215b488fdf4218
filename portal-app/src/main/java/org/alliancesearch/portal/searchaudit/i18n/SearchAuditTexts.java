package org.alliancesearch.portal.searchaudit.i18n;

import static org.alliancesearch.portal.common.web.FeatureTexts.string;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.portal.common.web.FeatureTexts;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The search audit's texts in one language, and its filters' codes ({@code searchaudit.*}). */
@ApplicationScoped
public class SearchAuditTexts implements FeatureTexts {
    public static SearchAuditMessages of(Locale locale) {
        return MessageBundles.get(SearchAuditMessages.class, Localized.Literal.of(locale.toLanguageTag()));
    }

    @Override
    public String text(String code, List<Object> args, Locale locale) {
        SearchAuditMessages msg = of(locale);
        return switch (code) {
            case "searchaudit.invalid" -> msg.detail_invalid_audit();
            case "searchaudit.date" -> msg.err_audit_date(string(args, 0));
            case "searchaudit.page" -> msg.err_audit_page();
            default -> null;
        };
    }
}
