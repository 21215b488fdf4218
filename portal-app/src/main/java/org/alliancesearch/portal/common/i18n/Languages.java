package org.alliancesearch.portal.common.i18n;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * Chooses the language of a response and hands out the matching messages. Today the choice comes from
 * {@code Accept-Language}; a remembered user choice (cookie) can take precedence here later.
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

    /** The best supported language for an {@code Accept-Language} header value (null or blank: the default). */
    public Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return SUPPORTED.get(0);
        }
        record Weighted(Locale locale, double q, int position) {
        }
        List<Weighted> ranges = new ArrayList<>();
        String[] parts = header.split(",");
        for (int i = 0; i < parts.length && i < 20; i++) {
            String[] fields = parts[i].trim().split(";");
            double q = 1.0;
            for (int f = 1; f < fields.length; f++) {
                String field = fields[f].trim();
                if (field.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(field.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (q > 0 && !fields[0].isBlank()) {
                ranges.add(new Weighted(Locale.forLanguageTag(fields[0].trim()), q, i));
            }
        }
        ranges.sort(Comparator.comparingDouble(Weighted::q).reversed().thenComparingInt(Weighted::position));
        return choose(ranges.stream().map(Weighted::locale).toList());
    }

    /** The messages in the given language. */
    public AppMessages messages(Locale locale) {
        return MessageBundles.get(AppMessages.class, Localized.Literal.of(locale.toLanguageTag()));
    }
}
