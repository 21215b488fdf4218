package org.alliancesearch.model.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A closed window of time, to the second, as MISP's time filters take it ({@code timestamp: [from, to]} in epoch
 * seconds).
 *
 * @param from the first second in the window
 * @param to the last second in the window, not before {@code from}
 */
public record TimeWindow(Instant from, Instant to) {
    public TimeWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        from = Instant.ofEpochSecond(from.getEpochSecond());
        to = Instant.ofEpochSecond(to.getEpochSecond());
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the window ends before it starts: " + from + " .. " + to);
        }
    }

    /** The window of this length ending at {@code end}. */
    public static TimeWindow ending(Instant end, Duration length) {
        return new TimeWindow(end.minus(length), end);
    }

    /** Whether {@code t} falls in the window; a record without the time never does. */
    public boolean contains(Instant t) {
        return t != null && !t.isBefore(from) && !t.isAfter(to);
    }
}
