package org.alliancesearch.portal.mispapi.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.misp.MispEvent;
import org.alliancesearch.model.misp.MispTag;
import org.alliancesearch.model.mispapi.AllianceAttribute;
import org.alliancesearch.model.mispapi.MergedEvents;
import org.alliancesearch.model.mispapi.MispSearchRequest;
import org.alliancesearch.portal.search.service.CompletedEventSearch;
import org.alliancesearch.portal.search.service.SearchService;
import org.alliancesearch.portal.search.service.Searcher;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * MISP's event search answered by the whole alliance: each member's events holding a searched value, merged (one
 * event per uuid, one attribute per synchronised copy), under the portal's policy and the request's local filter,
 * then ordered and paged over events.
 */
@ApplicationScoped
public class EventSearch {
    private final SearchService search;

    public EventSearch(SearchService search) {
        this.search = search;
    }

    /** Runs the search; fails like {@link SearchService#start} (rate limit, slots, audit). */
    public Uni<EventAnswer> search(MispSearchRequest request, Searcher who) {
        return search.startEvents(MispSearches.prepared(request), who, SearchService.SOURCE_MISP_API,
                attribute -> request.filter().test(asAllianceAttribute(attribute)))
                // the answer is written from a worker thread (a blocking stream)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(done -> answer(request, done));
    }

    static EventAnswer answer(MispSearchRequest request, CompletedEventSearch done) {
        List<MergedEvents.Event> page = request.paging().apply(done.events().events());
        return new EventAnswer(page, request.paging().resultCount(page.size()), MispSearches.partial(done.outcomes()));
    }

    /**
     * An attribute of an event as the local filter reads it: its own tags, its event's tags, and the creator its
     * event claims (the merge has already replaced a claim it could not confirm).
     */
    static AllianceAttribute asAllianceAttribute(MispAttribute attribute) {
        MispEvent event = attribute.event();
        List<MispTag> own = attribute.tags().stream().filter(t -> !t.inherited()).toList();
        List<MispTag> eventTags = event == null ? List.of() : event.tags();
        return new AllianceAttribute(attribute, own, eventTags, List.of(), event == null ? null : event.orgcName(),
                event == null ? null : event.orgcUuid(), null);
    }
}
