package org.alliancesearch.portal.watch.service;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Watched saved searches: how the background runs are paced and how the watcher is looked up. */
@ConfigMapping(prefix = "alliance.watch")
public interface WatchConfig {
    /**
     * How often the cluster looks for due watches (one Quartz job for all replicas). A watch runs at most this late
     * after it is due.
     */
    @WithDefault("60s")
    Duration sweepInterval();

    /** The most watches one sweep runs; the rest wait for the next sweep (oldest due first). */
    @WithDefault("50")
    int sweepBatch();

    /** When a run could not search (rate limit, too many searches), how long until it is tried again. */
    @WithDefault("PT5M")
    Duration retryAfter();

    /**
     * "Run now" is refused (429) while the watch's last run is more recent than this, so that a watcher cannot make
     * the members answer the same search over and over.
     */
    @WithDefault("60s")
    Duration runNowGap();

    /** The most watches one user may have. */
    @WithDefault("50")
    int maxPerUser();

    /** The watcher's current state from Keycloak's admin API (the portal client's service account, view-users). */
    Directory directory();

    interface Directory {
        /** Ask Keycloak; only tests without Keycloak turn it off, and then every run is refused (fail closed). */
        @WithDefault("true")
        boolean enabled();

        /** How long one call to Keycloak may take. */
        @WithDefault("PT5S")
        Duration timeout();

        /** The most bytes one answer of Keycloak may have. */
        @WithDefault("262144")
        int maxBytes();
    }
}
