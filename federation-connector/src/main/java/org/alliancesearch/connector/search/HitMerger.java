package org.alliancesearch.connector.search;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.model.merge.IndicatorMerger;
import org.alliancesearch.model.merge.MergedResult;
import org.alliancesearch.model.merge.OrganisationClaims;
import org.alliancesearch.model.merge.RunningMerge;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.query.SearchQuery;
import org.alliancesearch.model.result.MemberHit;
import org.alliancesearch.model.result.MemberRef;

/** Merges, deduplicates and policy-filters the members' hits with the shared model's merger. */
@ApplicationScoped
public class HitMerger {
    private final IndicatorMerger merger = new IndicatorMerger();

    /** Also applies the query's own include/exclude tags again, since members may ignore filters. */
    public MergedResult merge(Collection<MemberHit> hits, AlliancePolicy policy, SearchQuery query) {
        return merger.merge(hits, policy, query);
    }

    /**
     * A merge that reads the members' answers as they arrive; finished, it gives what
     * {@link #merge(Collection, AlliancePolicy, SearchQuery, List)} gives for all of them.
     *
     * @param members how many members are asked
     */
    public RunningMerge start(AlliancePolicy policy, SearchQuery query, int members) {
        return merger.start(policy, query, members);
    }

    /**
     * Merges like {@link #merge(Collection, AlliancePolicy, SearchQuery)}; a record claiming to be created by another
     * alliance member's organisation counts for it only when that member returned the record too
     * ({@link OrganisationClaims}).
     *
     * @param alliance every member asked, answered or not
     */
    public MergedResult merge(Collection<MemberHit> hits, AlliancePolicy policy, SearchQuery query,
            List<MemberRef> alliance) {
        return merger.merge(hits, policy, query, OrganisationClaims.check(alliance, hits));
    }
}
