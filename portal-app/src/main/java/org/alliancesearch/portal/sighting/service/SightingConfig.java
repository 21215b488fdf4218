package org.alliancesearch.portal.sighting.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the portal sends with a sighting, and how many records one request may sight. */
@ConfigMapping(prefix = "alliance.sightings")
public interface SightingConfig {
    /** The {@code source} MISP records with each sighting: the alliance portal, never the person who sent it. */
    @WithDefault("Alliance Search Portal")
    String source();

    /**
     * Add the sender's organisation to the source ({@code "Alliance Search Portal / CSIRT-A"}). Off by default: a
     * member learns that the alliance saw the record, not who in it did. The user's name is never sent.
     */
    @WithDefault("false")
    boolean nameOrganisation();

    /** The most records one sighting request sends to (each a call to one member); the rest are not sent. */
    @WithDefault("50")
    int maxRecords();

    /** How many sightings of one request are in flight at once (each member's own bulkhead applies too). */
    @WithDefault("8")
    int concurrency();
}
