package org.alliancesearch.portal.common.i18n;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;

/**
 * How pages show times and rates: {@code {m.updatedAt.display}}, {@code {h.errorRate.percent}}. A time is shown in
 * the reader's zone and language, which {@code Pages.render} sets on every page it renders.
 */
@TemplateExtension
public final class Formats {
    /** The template attribute holding the reader's {@link ZoneId}. */
    public static final String ZONE = "zone";

    private Formats() {
    }

    static String display(OffsetDateTime time, @TemplateAttribute(ZONE) Object zone,
            @TemplateAttribute("locale") Object locale) {
        return DisplayTimes.format(time, locale(locale), zone(zone));
    }

    static String display(Instant time, @TemplateAttribute(ZONE) Object zone,
            @TemplateAttribute("locale") Object locale) {
        return DisplayTimes.format(time, locale(locale), zone(zone));
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    private static Locale locale(Object attribute) {
        return attribute instanceof Locale l ? l : Locale.ENGLISH;
    }

    private static ZoneId zone(Object attribute) {
        return attribute instanceof ZoneId z ? z : null;
    }
}
