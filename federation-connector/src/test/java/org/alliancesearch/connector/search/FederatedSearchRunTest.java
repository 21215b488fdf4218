package org.alliancesearch.connector.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.AbstractList;
import java.util.Collection;
import java.util.List;

import org.alliancesearch.connector.FederatedResult;
import org.alliancesearch.connector.MemberOutcome;
import org.alliancesearch.connector.MemberStatus;
import org.alliancesearch.model.merge.MergedResult;
import org.alliancesearch.model.merge.RunningMerge;
import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.query.SearchQuery;
import org.alliancesearch.model.result.MemberHit;
import org.alliancesearch.model.result.MemberRef;
import org.junit.jupiter.api.Test;

/** The end of a search's merge, which has read the answers as they arrived. */
class FederatedSearchRunTest {
    static final MemberRef GOOD = new MemberRef("good", "MISP good", "Org Good", "https://good.example");
    static final MemberRef ODD = new MemberRef("odd", "MISP odd", "Org Odd", "https://odd.example");
    static final SearchQuery QUERY = SearchQuery.ofValues(List.of("evil.example"));

    static MemberHit hit(MemberRef member, String uuid) {
        return new MemberHit(member, new MispAttribute("1", uuid, null, null, null, "Network activity", "domain",
                "evil.example", true, null, null, null, 1, "", false, List.of(), null));
    }

    static MemberOutcome ok(MemberRef member, List<MemberHit> hits) {
        return new MemberOutcome(member, MemberStatus.OK, 5, hits.size(), 0, null, hits, 0);
    }

    @Test
    void theMergeReadAsTheAnswersArrivedIsTheResult() {
        HitMerger merger = new HitMerger();
        List<MemberOutcome> members = List.of(ok(GOOD, List.of(hit(GOOD, "u-1"))), ok(ODD, List.of(hit(ODD, "u-2"))));
        RunningMerge running = merger.start(AlliancePolicy.defaults(), QUERY, 2);
        members.forEach(m -> running.add(m.hits()));

        FederatedResult result = FederatedSearchRun.merge(members, running, AlliancePolicy.defaults(), QUERY, merger);

        assertThat(result.members()).extracting(MemberOutcome::status).containsOnly(MemberStatus.OK);
        assertThat(result.merged().totals().attributes()).isEqualTo(2);
        assertThat(result.merged().indicators()).isEqualTo(merger.merge(List.of(hit(GOOD, "u-1"), hit(ODD, "u-2")),
                AlliancePolicy.defaults(), QUERY, List.of(GOOD, ODD)).indicators());
    }

    @Test
    void aMemberWhoseAnswerBreaksTheMergeIsLeftOutAndTheOthersStillAnswer() {
        // a merger that fails on the odd member's records, as a record the merge cannot handle would
        HitMerger merger = new HitMerger() {
            @Override
            public MergedResult merge(Collection<MemberHit> hits, AlliancePolicy policy, SearchQuery query) {
                if (hits.stream().anyMatch(h -> h.member() == ODD)) {
                    throw new IllegalStateException("odd record");
                }
                return super.merge(hits, policy, query);
            }
        };
        List<MemberOutcome> members = List.of(ok(GOOD, List.of(hit(GOOD, "u-1"))), ok(ODD, List.of(hit(ODD, "u-2"))));
        RunningMerge running = merger.start(AlliancePolicy.defaults(), QUERY, 2);
        running.add(members.get(0).hits());
        running.add(new AbstractList<MemberHit>() {
            @Override
            public MemberHit get(int index) {
                throw new IllegalStateException("odd record");
            }

            @Override
            public int size() {
                return 1;
            }
        });

        FederatedResult result = FederatedSearchRun.merge(members, running, AlliancePolicy.defaults(), QUERY, merger);

        assertThat(result.members()).extracting(MemberOutcome::status).containsExactly(MemberStatus.OK,
                MemberStatus.ERROR);
        assertThat(result.members().get(1).message()).isEqualTo("answer could not be merged");
        assertThat(result.merged().totals().attributes()).isEqualTo(1);
        assertThat(result.merged().indicators().get(0).members()).extracting(m -> m.id()).containsExactly("good");
    }
}
