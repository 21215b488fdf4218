package org.alliancesearch.simulator.store;

import java.util.UUID;

/**
 * One MISP sighting of an attribute.
 *
 * @param id local sighting id (1-based)
 * @param attribute attribute index in its store
 * @param organisation the organisation that reported it
 * @param dateSighting epoch second of the sighting
 * @param uuid the sighting's uuid
 * @param source free text source, may be empty
 * @param type 0 sighting, 1 false positive, 2 expiration
 */
public record Sighting(int id, int attribute, Organisation organisation, long dateSighting, UUID uuid, String source,
        int type) {
}
