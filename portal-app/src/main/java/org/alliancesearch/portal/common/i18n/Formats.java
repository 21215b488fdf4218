package org.alliancesearch.portal.common.i18n;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** How pages show times and rates: {@code {m.updatedAt.display}}, {@code {h.errorRate.percent}}. */
@TemplateExtension
public final class Formats {
    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT);

    private Formats() {
    }

    static String display(OffsetDateTime time) {
        return time == null ? "" : DISPLAY.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }

    static String display(Instant time) {
        return time == null ? "" : DISPLAY.format(time.atOffset(ZoneOffset.UTC));
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }
}
