package org.alliancesearch.connector;

import java.util.List;

import org.alliancesearch.model.misp.MispEventDocument;
import org.alliancesearch.model.mispapi.MemberEvents;
import org.alliancesearch.model.result.MemberRef;

/**
 * One member's answer to one event search, before any policy: its counts include what the merge may hide, so they are
 * for operators and logs, not for searchers (who see {@link org.alliancesearch.model.mispapi.MergedEvents#tallies()}).
 *
 * @param latencyMs time from the start of the search to this outcome
 * @param eventCount events read from the member (and kept: each answers the search)
 * @param attributeCount attributes in those events
 * @param skipped events and attributes the member sent that could not be read, and events that answer none of the
 *        searched values
 * @param message short human-readable reason when the status is not OK (never a key or a stack trace), else null
 * @param events the events read
 * @param truncated events with a string longer than its cap, or with more attributes than the per-event cap
 */
public record EventMemberOutcome(MemberRef member, MemberStatus status, long latencyMs, int eventCount,
        int attributeCount, int skipped, String message, List<MispEventDocument> events, int truncated) {
    public EventMemberOutcome {
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** The events as the merge takes them ({@link org.alliancesearch.model.mispapi.EventMerger}). */
    public MemberEvents memberEvents() {
        return new MemberEvents(member, events);
    }
}
