package org.alliancesearch.portal.mispapi.service;

import java.util.List;
import java.util.stream.Collectors;

import org.alliancesearch.connector.MemberOutcome;
import org.alliancesearch.connector.MemberStatus;
import org.alliancesearch.model.mispapi.MispSearchRequest;
import org.alliancesearch.model.query.SearchQuery;
import org.alliancesearch.portal.search.service.PreparedSearch;
import org.alliancesearch.portal.search.service.SearchRequest;

/** What the attribute and the event search share: the portal's form of the request, and who did not answer. */
final class MispSearches {
    private MispSearches() {
    }

    /** The request as the portal's search takes it (and its audit row records it). */
    static PreparedSearch prepared(MispSearchRequest request) {
        SearchQuery q = request.query();
        SearchRequest asGiven = new SearchRequest(q.values(), null, q.types(),
                new SearchRequest.Tags(q.includeTags(), q.excludeTags()), q.from() == null ? null : q.from().toString(),
                q.to() == null ? null : q.to().toString(), q.toIds(), q.limitPerMember());
        return new PreparedSearch(asGiven, q);
    }

    /** The members that did not answer completely, as {@code memberId=STATUS} joined by ", ", or null. */
    static String partial(List<MemberOutcome> outcomes) {
        String partial = outcomes.stream().filter(o -> o.status() != MemberStatus.OK)
                .map(o -> o.member().id() + "=" + o.status().name()).collect(Collectors.joining(", "));
        return partial.isEmpty() ? null : partial;
    }
}
