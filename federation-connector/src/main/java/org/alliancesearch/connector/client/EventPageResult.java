package org.alliancesearch.connector.client;

import java.util.List;

import org.alliancesearch.connector.client.PageResult.Cut;
import org.alliancesearch.model.misp.MispEventDocument;

/**
 * One page of an {@code events/restSearch} answer as read from a member.
 *
 * @param events the readable events, in the member's order
 * @param records events in the page, readable or not (drives paging)
 * @param skipped events and attributes that could not be read
 * @param serverSkipped {@code X-Skipped-Elements-Count}
 * @param cut why the read ended early, or {@link Cut#NONE}
 * @param cutMessage short reason when cut
 * @param truncated events with a string cut to its cap or attributes beyond the per-event cap
 * @param attributes attributes kept in the events of the page
 */
public record EventPageResult(List<MispEventDocument> events, int records, int skipped, int serverSkipped, Cut cut,
        String cutMessage, int truncated, int attributes) {
    public EventPageResult {
        events = List.copyOf(events);
    }
}
