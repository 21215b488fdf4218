package org.alliancesearch.connector.search;

import java.util.ArrayList;
import java.util.List;

import org.alliancesearch.connector.FederatedResult;
import org.alliancesearch.connector.MemberOutcome;
import org.alliancesearch.connector.MemberStatus;
import org.alliancesearch.connector.SearchRun;
import org.alliancesearch.model.merge.MergedResult;
import org.alliancesearch.model.merge.RunningMerge;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.query.SearchQuery;
import org.alliancesearch.model.result.MemberHit;
import org.alliancesearch.model.result.MemberRef;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * A search in flight. The member branches are memoized and started at once, so both views (the live stream and the
 * merged result) share them and no member is asked twice. The merge runs on a worker thread, off the event loop, and
 * reads each member's answer as it arrives ({@link RunningMerge}), so that little of it is left once the slowest member
 * has answered.
 */
final class FederatedSearchRun implements SearchRun {
    private static final Logger LOG = Logger.getLogger(FederatedSearchRun.class);

    private final Multi<MemberOutcome> outcomes;
    private final Uni<FederatedResult> result;

    FederatedSearchRun(FanOut<MemberOutcome> fanOut, AlliancePolicy policy, SearchQuery query, HitMerger merger) {
        this.outcomes = fanOut.outcomes();
        RunningMerge running = merger.start(policy, query, fanOut.size());
        this.result = fanOut.all(Infrastructure.getDefaultWorkerPool(), outcome -> running.add(outcome.hits()))
                .map(list -> merge(list, running, policy, query, merger))
                .memoize()
                .indefinitely();
    }

    @Override
    public Multi<MemberOutcome> outcomes() {
        return outcomes;
    }

    @Override
    public Uni<FederatedResult> result() {
        return result;
    }

    /**
     * Finishes the merge of all hits, which {@code running} has read as they arrived. Should the merge fail on some
     * member's records, that member's hits are left out and its outcome says so, so that one member's odd data cannot
     * break the whole search.
     */
    static FederatedResult merge(List<MemberOutcome> members, RunningMerge running, AlliancePolicy policy,
            SearchQuery query, HitMerger merger) {
        try {
            return new FederatedResult(members, running.finish(alliance(members)));
        } catch (RuntimeException e) {
            LOG.errorf("merging the answers failed (%s); retrying member by member", e.getClass().getName());
        }
        List<MemberOutcome> kept = new ArrayList<>(members.size());
        for (MemberOutcome m : members) {
            if (m.hits().isEmpty()) {
                kept.add(m);
                continue;
            }
            try {
                merger.merge(m.hits(), policy, query);
                kept.add(m);
            } catch (RuntimeException e) {
                kept.add(new MemberOutcome(m.member(), MemberStatus.ERROR, m.latencyMs(), 0, m.skipped() + m.hitCount(),
                        "answer could not be merged", List.of()));
            }
        }
        MergedResult merged = merger.merge(hits(kept), policy, query, alliance(members));
        return new FederatedResult(kept, merged);
    }

    /** Every member asked: no member may speak for another's organisation, whether that one answered or not. */
    private static List<MemberRef> alliance(List<MemberOutcome> members) {
        return members.stream().map(MemberOutcome::member).toList();
    }

    private static List<MemberHit> hits(List<MemberOutcome> members) {
        List<MemberHit> all = new ArrayList<>();
        members.forEach(m -> all.addAll(m.hits()));
        return all;
    }
}
