package org.alliancesearch.connector;

import io.smallrye.mutiny.Uni;

/** Sends MISP sightings ({@code POST /sightings/add}) to one registered member at a time. */
public interface SightingSender {
    /**
     * Sends a sighting (type 0) of the attribute with this uuid to the registered member, under the member's guard
     * (timeout, bulkhead, circuit breaker; never retried) with a small byte budget. Never fails: every problem is in
     * the {@link SightingResult}.
     *
     * @param memberId the member, as registered ({@link MemberRegistry})
     * @param source the {@code source} text MISP records with the sighting (may be null)
     */
    Uni<SightingResult> send(String memberId, String attributeUuid, String source);
}
