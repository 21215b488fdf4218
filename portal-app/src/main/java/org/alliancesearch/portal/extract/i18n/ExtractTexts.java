package org.alliancesearch.portal.extract.i18n;

import java.util.Locale;

import org.alliancesearch.portal.extract.service.FetchRefusedException;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The extraction texts in one language: the service gives reasons with codes, readers get words. */
public final class ExtractTexts {
    private ExtractTexts() {
    }

    public static ExtractMessages of(Locale locale) {
        return MessageBundles.get(ExtractMessages.class, Localized.Literal.of(locale.toLanguageTag()));
    }

    /** Why the report was not read, in words. */
    public static String text(ExtractMessages msg, FetchRefusedException e) {
        String host = e.host();
        return switch (e.reason()) {
            case URL_OR_TEXT -> msg.refused_url_or_text();
            case INVALID -> msg.refused_invalid();
            case SCHEME -> msg.refused_scheme();
            case USERINFO -> msg.refused_userinfo();
            case DISABLED -> msg.refused_disabled();
            case UNRESOLVED -> msg.refused_unresolved(host);
            case PRIVATE_ADDRESS -> msg.refused_private_address(host, e.detail());
            case UNREACHABLE -> msg.refused_unreachable(host);
            case TIMEOUT -> msg.refused_timeout(host, e.number());
            case TOO_LARGE -> msg.refused_too_large(host, Math.max(1, e.number() / (1024 * 1024)));
            case UNSUPPORTED_TYPE -> msg.refused_unsupported_type(host, e.detail());
            case HTTP_ERROR -> msg.refused_http_error(host, e.number());
            case REDIRECTS -> "loop".equals(e.detail())
                    ? msg.refused_redirect_loop(host)
                    : msg.refused_redirects(host, e.number());
            case UNREADABLE -> msg.refused_unreadable(host);
            case RATE_LIMITED -> msg.refused_rate_limited(e.number());
        };
    }

    /** The problem title for the refusal's status. */
    public static String title(ExtractMessages msg, FetchRefusedException e) {
        return switch (e.reason().status()) {
            case 400 -> msg.problem_invalid();
            case 429 -> msg.problem_rate_limited();
            default -> msg.problem_refused();
        };
    }
}
