package org.alliancesearch.portal.apikey.service;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Personal API keys (for MISP clients on the MISP-compatible paths) and the check of their owners. */
@ConfigMapping(prefix = "alliance.api-keys")
public interface ApiKeysConfig {
    /** The longest life a new key may be given, in days (at most 365). */
    @WithDefault("365")
    int maxExpiryDays();

    /** The most keys one user may hold at once (not revoked, not expired). */
    @WithDefault("20")
    int maxKeysPerUser();

    /** The check, with Keycloak, that a key's owner is still enabled and still a member. */
    OwnerCheck ownerCheck();

    interface OwnerCheck {
        /**
         * Ask Keycloak's admin API (with the portal client's service account) whether each key's owner is enabled and
         * holds the {@code member} or {@code admin} realm role. Only tests without Keycloak turn it off.
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * How long one replica trusts Keycloak's last answer about an owner before asking again. Must be shorter than
         * {@link #maxStale()}, so that a disabled user loses API access within that time.
         */
        @WithDefault("PT2M")
        Duration interval();

        /**
         * When Keycloak cannot be asked, the last good answer is used while it is younger than this; after that keys
         * of that owner are refused (fail closed).
         */
        @WithDefault("PT5M")
        Duration maxStale();

        /** How long one call to Keycloak may take. */
        @WithDefault("PT5S")
        Duration timeout();
    }
}
