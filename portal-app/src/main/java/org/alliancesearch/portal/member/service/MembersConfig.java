package org.alliancesearch.portal.member.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How members may be configured. */
@ConfigMapping(prefix = "alliance.members")
public interface MembersConfig {
    /**
     * Accept loopback member URLs (127.0.0.0/8, ::1, localhost). Off in production, where a loopback URL would make
     * the portal call itself or a local service with a member's key; on for the demo and tests.
     */
    @WithDefault("false")
    boolean allowLoopback();

    /**
     * Refuse {@code http://} member URLs, and {@code verifyTls=false} unless the member has a CA PEM or a pinned
     * certificate. On in production; off for the demo, development and tests, whose member simulators speak http.
     */
    @WithDefault("true")
    boolean requireHttps();

    /** Timeout for calls to a member when an admin sets none, in milliseconds. */
    @WithDefault("10000")
    int defaultTimeoutMs();

    /** Smallest timeout an admin may set, in milliseconds. */
    @WithDefault("100")
    int minTimeoutMs();

    /** Largest timeout an admin may set, in milliseconds. */
    @WithDefault("120000")
    int maxTimeoutMs();

    /**
     * How often each replica reloads the members from the database into the connector, so that a change made through
     * another replica takes effect here too.
     */
    @WithDefault("30s")
    String syncInterval();
}
