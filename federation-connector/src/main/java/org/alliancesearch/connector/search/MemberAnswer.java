package org.alliancesearch.connector.search;

import java.util.List;

import org.alliancesearch.connector.MemberStatus;
import org.alliancesearch.model.result.MemberHit;

/** One member's answer to one (possibly coalesced) search, before it is timed for each search that asked. */
record MemberAnswer(MemberStatus status, String message, List<MemberHit> hits, int skipped, long durationMs,
        int truncated) {
    MemberAnswer {
        hits = List.copyOf(hits);
    }

    MemberAnswer(MemberStatus status, String message, List<MemberHit> hits, int skipped, long durationMs) {
        this(status, message, hits, skipped, durationMs, 0);
    }
}
