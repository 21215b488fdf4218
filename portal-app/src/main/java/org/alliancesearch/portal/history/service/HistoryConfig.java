package org.alliancesearch.portal.history.service;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long and how much of each person's own search history ("My searches") is kept. */
@ConfigMapping(prefix = "alliance.history")
public interface HistoryConfig {
    /**
     * How long a search stays in its owner's history, as an ISO-8601 duration ({@code P90D}, {@code PT12H}); older
     * entries are purged by {@link #purgeCron()}. Keep a rotated-out {@code alliance.crypto} key at least this long:
     * entries sealed under a key that is no longer configured cannot be read and are left out of the list.
     */
    @WithDefault("P90D")
    Duration retention();

    /**
     * The most entries kept per person; the oldest are dropped when a search adds one more (see
     * {@link #trimInterval()}) and before the person's list is read.
     */
    @WithDefault("500")
    int maxPerUser();

    /**
     * The least time between two trims of one person's history by one replica; zero trims with every search. A
     * person searching by hand is trimmed with every search; a script's burst is trimmed once per interval, each trim
     * dropping every entry beyond {@link #maxPerUser()}, so such a history holds at most one interval's searches
     * beyond the cap until its next search or list.
     */
    @WithDefault("1s")
    Duration trimInterval();

    /**
     * When the purge runs (Quartz-style cron, daily by default). It is one {@code DELETE}, so running it on several
     * replicas at once is harmless.
     */
    @WithDefault("0 47 3 * * ?")
    String purgeCron();
}
