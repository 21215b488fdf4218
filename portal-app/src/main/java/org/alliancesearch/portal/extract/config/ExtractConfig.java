package org.alliancesearch.portal.extract.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Extraction of indicators from a report's URL ({@code alliance.extract.*}, see docs/operations.md and
 * docs/security.md). Every setting can only make the fetch stricter: limits above the defaults are lowered to them,
 * and the address rule (public addresses only) can only be narrowed.
 */
@ConfigMapping(prefix = "alliance.extract")
public interface ExtractConfig {
    Fetch fetch();

    /** The fetch of a report by URL. */
    interface Fetch {
        /** Whether analysts may have the portal fetch a URL at all (pasted text is always read). */
        @WithDefault("true")
        boolean enabled();

        /** Fetches per user and minute, counted by each replica (text extraction is not counted). */
        @WithDefault("10")
        int rateLimitPerMinute();

        /**
         * Address ranges refused on top of every non-public address, e.g. the organisation's own public ranges
         * ({@code 198.51.100.0/24, 2001:db8:1::/48}); literals only.
         */
        Optional<List<String>> refuseRanges();

        /** The whole fetch, redirects included; at most 10 s. */
        @WithDefault("PT10S")
        Duration timeout();

        /** The largest body read; at most 5 MiB (5242880). */
        @WithDefault("5242880")
        long maxBytes();

        /** Redirects followed; at most 3. */
        @WithDefault("3")
        int maxRedirects();
    }
}
