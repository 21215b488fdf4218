package org.alliancesearch.connector;

/**
 * What one member answered to a sighting.
 *
 * @param memberId the member
 * @param outcome sent, refused by the member's permissions, or failed
 * @param reason why it was refused or failed (cleaned member text or the connector's own), null when sent
 */
public record SightingResult(String memberId, Outcome outcome, String reason) {
    /** The result of sending one sighting to one member. */
    public enum Outcome {
        /** The member saved the sighting. */
        OK,
        /** The member's key may not add sightings ({@code perm_sighting}), or the member refused the attribute. */
        REFUSED,
        /** No answer, a refused key, an unknown attribute, a server error or an unreadable answer. */
        FAILED
    }
}
