package org.alliancesearch.model.summary;

/**
 * What the alliance knows of one searched value, as far as the score weighs it.
 *
 * @param found
 *            whether any member's answer holds the value (after the policy)
 * @param organisations
 *            distinct organisations holding it
 * @param toIds
 *            whether any holder flags it for detection
 * @param daysSinceLastSeen
 *            days from its latest sighting or change to now, or -1 when unknown
 * @param sightings
 *            sightings members reported
 * @param threatLevel
 *            the highest MISP threat level of its events (1 high, 2 medium, 3 low, 4 undefined), or 0 when unknown
 * @param killChain
 *            whether a kill-chain tag places it
 * @param threatActorOrMalware
 *            whether a galaxy names the threat actor or malware behind it
 * @param warninglist
 *            the strongest warninglist match: {@code NONE}, {@code KNOWN} (a list of known identifiers) or
 *            {@code FALSE_POSITIVE}
 * @param warninglistName
 *            the name of that list, or null
 */
public record ScoreFactors(boolean found, int organisations, boolean toIds, long daysSinceLastSeen, int sightings,
        int threatLevel, boolean killChain, boolean threatActorOrMalware, WarninglistHit warninglist,
        String warninglistName) {

    /** The strongest warninglist match of a value. */
    public enum WarninglistHit {
        NONE, KNOWN, FALSE_POSITIVE
    }

    /** A value no member holds. */
    public static ScoreFactors notFound(WarninglistHit warninglist, String warninglistName) {
        return new ScoreFactors(false, 0, false, -1, 0, 0, false, false, warninglist, warninglistName);
    }
}
