package org.alliancesearch.portal.search.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Searches: rate limit and the audit trail of searches. */
@ConfigMapping(prefix = "alliance.search")
public interface SearchConfig {
    /**
     * The most searches one user may start per clock minute (API, pages and saved searches together). Counted in
     * PostgreSQL, so all replicas together allow this number.
     */
    @WithDefault("30")
    int rateLimitPerMinute();

    /** The most searches one user may have running at once (counted by each replica). */
    @WithDefault("2")
    int concurrentPerUser();

    /** The most searches running at once on one replica, all users together. */
    @WithDefault("50")
    int concurrentTotal();

    /** The {@code Retry-After} (seconds) of a search refused because too many run at once. */
    @WithDefault("5")
    long busyRetryAfterSeconds();

    /** The audit trail of searches. */
    Audit audit();

    interface Audit {
        /**
         * The server secret (at least 32 characters) under which searched values are kept as HMAC-SHA-256 in the
         * audit, and indicator keys in the saved searches' marks. Required in production; changing it makes older
         * rows unfindable by value and resets the marks.
         */
        java.util.Optional<String> valueKey();

        /**
         * Store only the HMAC of each searched value (true) or the values themselves as well (false). Audit filters
         * by value work either way: they match the HMAC.
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
