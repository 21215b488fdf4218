package org.alliancesearch.model.summary;

/**
 * One factor of a score and what it added (or took away). The portal words it in the reader's language from the
 * code and the detail.
 *
 * @param code
 *            which factor
 * @param weight
 *            points added, negative for a warninglist
 * @param detail
 *            the factor's value in plain terms (a count, a number of days, a threat level, a list or tag name), or
 *            null
 */
public record ScoreReason(Code code, int weight, String detail) {

    /** The factors, in the order reasons are given. */
    public enum Code {
        NOT_FOUND, FOUND, ORGANISATIONS, TO_IDS, RECENT, SIGHTINGS, THREAT_LEVEL, KILL_CHAIN, THREAT_ACTOR_OR_MALWARE, WARNINGLIST_KNOWN, WARNINGLIST_FALSE_POSITIVE
    }
}
