package org.alliancesearch.portal.common.i18n;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * Chooses the language of a response and hands out the matching messages. The choice comes from
 * {@code Accept-Language}, which the remembered choice (the {@code alliance-lang} cookie) replaces before any other
 * filter reads it (see {@code FilterOrder}).
 */
@ApplicationScoped
public class Languages {
    /** Supported languages, the default first. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.JAPANESE);

    /** The first supported language among the acceptable ones (in the client's order of preference). */
    public Locale choose(List<Locale> acceptable) {
        if (acceptable != null) {
            for (Locale wanted : acceptable) {
                for (Locale supported : SUPPORTED) {
                    if (supported.getLanguage().equalsIgnoreCase(wanted.getLanguage())) {
                        return supported;
                    }
                }
            }
        }
        return SUPPORTED.get(0);
    }

    /**
     * The best supported language for an {@code Accept-Language} header value, by RFC 4647 lookup ({@code ja-JP}
     * finds {@code ja}); null, blank, unreadable or nothing supported: the default.
     */
    public Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank() || header.length() > 1000) {
            return SUPPORTED.get(0);
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException e) {
            return SUPPORTED.get(0);
        }
        Locale found = Locale.lookup(ranges, SUPPORTED);
        return found == null ? SUPPORTED.get(0) : found;
    }

    /** The messages in the given language. */
    public AppMessages messages(Locale locale) {
        return MessageBundles.get(AppMessages.class, Localized.Literal.of(locale.toLanguageTag()));
    }
}
