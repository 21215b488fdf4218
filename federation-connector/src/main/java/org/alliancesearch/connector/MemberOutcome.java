package org.alliancesearch.connector;

import java.util.List;

import org.alliancesearch.model.result.MemberHit;
import org.alliancesearch.model.result.MemberRef;

/**
 * One member's answer to one search.
 *
 * @param latencyMs time from the start of the search to this outcome
 * @param hitCount attributes read from the member
 * @param skipped records the member sent that could not be read
 * @param message short human-readable reason when the status is not OK (never a key or a stack trace), else null
 * @param hits the attributes read
 * @param truncated records of which at least one string (value, comment, event info, tag or organisation name) was
 *        longer than its cap and cut
 */
public record MemberOutcome(MemberRef member, MemberStatus status, long latencyMs, int hitCount, int skipped,
        String message, List<MemberHit> hits, int truncated) {
    public MemberOutcome {
        hits = hits == null ? List.of() : List.copyOf(hits);
    }

    /** An outcome with no record cut. */
    public MemberOutcome(MemberRef member, MemberStatus status, long latencyMs, int hitCount, int skipped,
            String message, List<MemberHit> hits) {
        this(member, status, latencyMs, hitCount, skipped, message, hits, 0);
    }
}
