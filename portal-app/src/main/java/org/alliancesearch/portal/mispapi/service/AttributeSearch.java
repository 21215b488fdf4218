package org.alliancesearch.portal.mispapi.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.model.mispapi.AllianceAttribute;
import org.alliancesearch.model.mispapi.AllianceMerge;
import org.alliancesearch.model.mispapi.MispSearchRequest;
import org.alliancesearch.portal.search.service.CompletedSearch;
import org.alliancesearch.portal.search.service.KeptHits;
import org.alliancesearch.portal.search.service.SearchService;
import org.alliancesearch.portal.search.service.Searcher;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * MISP's attribute search answered by the whole alliance: the portal's own federated search (rate limit, running-search
 * slots, member overrides, audit under {@link SearchService#SOURCE_MISP_API}), then its records as MISP attributes:
 * synchronised copies once, the alliance policy by the portal's rules, the request's local filter, order and paging.
 */
@ApplicationScoped
public class AttributeSearch {
    private final SearchService search;

    public AttributeSearch(SearchService search) {
        this.search = search;
    }

    /** Runs the search; fails like {@link SearchService#start} (rate limit, slots, audit). */
    public Uni<AttributeAnswer> search(MispSearchRequest request, Searcher who) {
        return search.start(MispSearches.prepared(request), who, SearchService.SOURCE_MISP_API, null)
                .flatMap(live -> live.result())
                // merging and filtering a large answer is work for a worker thread, not the event loop; the answer
                // is then written from there too
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(done -> answer(request, done));
    }

    static AttributeAnswer answer(MispSearchRequest request, CompletedSearch done) {
        List<AllianceAttribute> rows = rows(request, done.kept());
        List<AllianceAttribute> page = request.paging().apply(rows);
        return new AttributeAnswer(page, request.output(), request.paging().resultCount(page.size()),
                MispSearches.partial(done.outcomes()));
    }

    /** Every record shown, in order, before paging. */
    public static List<AllianceAttribute> rows(MispSearchRequest request, KeptHits kept) {
        return AllianceMerge.merge(kept.hits(), kept.alliance(), kept.filter(), kept.claims()).stream()
                .filter(request.filter()::test).toList();
    }
}
