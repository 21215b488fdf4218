package org.alliancesearch.model.summary;

import java.time.Instant;
import java.util.List;

/**
 * What the alliance knows of one searched value, at a glance.
 *
 * @param value
 *            the canonical value
 * @param type
 *            the MISP type it was searched as ({@code ip-dst}, {@code domain}, …; {@code text} for free text)
 * @param found
 *            whether any member's answer holds it, after the policy
 * @param heldBy
 *            the organisations whose own answers hold it, sorted
 * @param sightings
 *            sightings reported by members
 * @param toIds
 *            whether a holder flags it for detection
 * @param firstSeen
 *            the earliest time any holder saw it, or null
 * @param lastSeen
 *            the latest, or null
 * @param warninglists
 *            the names of the enabled warninglists it is on
 * @param score
 *            0 to 100 ({@link ThreatScore})
 * @param reasons
 *            the factors of the score
 * @param pivotOf
 *            the value it was derived from, or null when the searcher gave it
 */
public record ValueSummary(String value, String type, boolean found, List<String> heldBy, int sightings,
        boolean toIds, Instant firstSeen, Instant lastSeen, List<String> warninglists, int score,
        List<ScoreReason> reasons, String pivotOf) {
    public ValueSummary {
        heldBy = List.copyOf(heldBy);
        warninglists = List.copyOf(warninglists);
        reasons = List.copyOf(reasons);
    }
}
