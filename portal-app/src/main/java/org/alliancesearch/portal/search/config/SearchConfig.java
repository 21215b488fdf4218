package org.alliancesearch.portal.search.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Searches: rate limit and the audit trail of searches. */
@ConfigMapping(prefix = "alliance.search")
public interface SearchConfig {
    /**
     * The most searches one user may start per minute (API, pages and saved searches together). Counted by each
     * replica on its own: behind a load balancer with N replicas a user may reach up to N times this number.
     */
    @WithDefault("30")
    int rateLimitPerMinute();

    /** The audit trail of searches. */
    Audit audit();

    interface Audit {
        /**
         * Store only the SHA-256 of each searched value (true) or the values themselves as well (false). Audit
         * filters by value work either way: they match the hash.
         */
        @WithDefault("true")
        boolean hashValues();

        /** Audit rows older than this many days are purged. */
        @WithDefault("365")
        int retentionDays();

        /** When the purge runs (Quartz-style cron, evaluated by every replica; purging twice is harmless). */
        @WithDefault("0 17 3 * * ?")
        String purgeCron();
    }
}
