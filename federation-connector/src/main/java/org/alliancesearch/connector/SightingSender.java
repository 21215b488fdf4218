package org.alliancesearch.connector;

import io.smallrye.mutiny.Uni;

/** Sends MISP sightings ({@code POST /sightings/add}) to one member at a time. */
public interface SightingSender {
    /**
     * Sends a sighting (type 0) of the attribute with this uuid to the member, with the member's timeout and a small
     * byte budget. Never fails: every problem is in the {@link SightingResult}.
     *
     * @param source the {@code source} text MISP records with the sighting (may be null)
     */
    Uni<SightingResult> send(MemberEndpoint member, String attributeUuid, String source);
}
