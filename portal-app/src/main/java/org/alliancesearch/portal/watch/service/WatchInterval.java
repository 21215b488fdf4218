package org.alliancesearch.portal.watch.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** How often a watch runs. */
public enum WatchInterval {
    HOURLY(Duration.ofHours(1)), DAILY(Duration.ofDays(1)), WEEKLY(Duration.ofDays(7));

    private final Duration period;

    WatchInterval(Duration period) {
        this.period = period;
    }

    public Duration period() {
        return period;
    }

    /** The first run after {@code lastRun}, or {@code now} when the watch never ran or is overdue. */
    public Instant nextRun(Instant lastRun, Instant now) {
        if (lastRun == null) {
            return now;
        }
        Instant next = lastRun.plus(period);
        return next.isBefore(now) ? now : next;
    }

    /** Parses a name sent by a client (any case); empty when it is not one of the intervals. */
    public static Optional<WatchInterval> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
