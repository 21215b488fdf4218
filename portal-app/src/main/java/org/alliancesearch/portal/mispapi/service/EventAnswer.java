package org.alliancesearch.portal.mispapi.service;

import java.util.List;

import org.alliancesearch.model.mispapi.MergedEvents;

/**
 * One page of an event search, ready to write.
 *
 * @param events the events of this page, in order
 * @param resultCount MISP's {@code X-Result-Count}
 * @param partial the members that did not answer completely, as {@code memberId=STATUS} joined by ", "; null when
 *        every member answered
 */
public record EventAnswer(List<MergedEvents.Event> events, int resultCount, String partial) {
    public EventAnswer {
        events = List.copyOf(events);
    }
}
