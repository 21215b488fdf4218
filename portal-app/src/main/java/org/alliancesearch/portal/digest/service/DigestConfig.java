package org.alliancesearch.portal.digest.service;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The weekly digest: when it is built, the window it covers, and how long its lists are. */
@ConfigMapping(prefix = "alliance.digest")
public interface DigestConfig {
    /**
     * When the weekly build runs (Quartz-style cron, in the server's zone; Mondays at 06:00 by default), or {@code off}
     * to build only on an administrator's demand. Building twice in one week, or on several replicas at once, leaves
     * one stored digest for the week.
     */
    @WithDefault("0 0 6 ? * MON")
    String cron();

    /** The window the digest covers, ending when it is built, as an ISO-8601 duration (seven days by default). */
    @WithDefault("P7D")
    Duration window();

    /** Shared indicators listed at most (their total is still given). */
    @WithDefault("200")
    int maxIndicators();

    /** Tags, and galaxy clusters, listed at most (each). */
    @WithDefault("20")
    int maxRanked();
}
