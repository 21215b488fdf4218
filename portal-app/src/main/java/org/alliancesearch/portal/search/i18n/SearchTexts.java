package org.alliancesearch.portal.search.i18n;

import java.util.Locale;

import org.alliancesearch.portal.search.service.RateLimitedException;
import org.alliancesearch.portal.search.service.SearchRefusedException;
import org.alliancesearch.portal.search.service.TooManySearchesException;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The search texts in one language, and a refused search in words. */
public final class SearchTexts {
    private SearchTexts() {
    }

    public static SearchMessages of(Locale locale) {
        return MessageBundles.get(SearchMessages.class, Localized.Literal.of(locale.toLanguageTag()));
    }

    /** The problem title of a refused search. */
    public static String title(SearchRefusedException e, SearchMessages msg) {
        if (e instanceof RateLimitedException) {
            return msg.search_rate_limited_title();
        }
        if (e instanceof TooManySearchesException many) {
            return many.user() ? msg.search_concurrent_title() : msg.search_busy_title();
        }
        return msg.search_not_recorded_title();
    }

    /** What a page tells the caller of a refused search. */
    public static String text(SearchRefusedException e, SearchMessages msg) {
        if (e instanceof RateLimitedException limited) {
            return msg.search_rate_limited(limited.limit(), limited.retryAfterSeconds());
        }
        if (e instanceof TooManySearchesException many) {
            return many.user()
                    ? msg.search_concurrent(many.limit(), many.retryAfterSeconds())
                    : msg.search_busy(many.retryAfterSeconds());
        }
        return msg.search_not_recorded();
    }

    /** The problem detail of a refused search on the API: the page's text unless a refusal is worded for scripts. */
    public static String detail(SearchRefusedException e, SearchMessages msg) {
        if (e instanceof RateLimitedException limited) {
            return msg.detail_rate_limited(limited.limit(), limited.retryAfterSeconds());
        }
        return text(e, msg);
    }
}
