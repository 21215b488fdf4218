package org.alliancesearch.portal.sighting.service;

/** What became of a sighting for one member, as the API and the page show it. */
public enum SightingOutcome {
    /** The member saved the sighting. */
    SENT,
    /** The member's key may not add sightings ({@code perm_sighting}); the member said so. */
    REFUSED,
    /** No answer in time, an open circuit, a refused key, an unknown record or a server error. */
    FAILED,
    /** The member has not opted in: nothing was sent to it. */
    SKIPPED
}
