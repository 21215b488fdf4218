package org.alliancesearch.model.merge;

import static org.alliancesearch.model.merge.Hits.attr;
import static org.alliancesearch.model.merge.Hits.event;
import static org.alliancesearch.model.merge.Hits.hit;
import static org.alliancesearch.model.merge.Hits.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.AbstractList;
import java.util.List;

import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.query.SearchQuery;
import org.alliancesearch.model.result.MemberHit;
import org.alliancesearch.model.result.MemberRef;
import org.junit.jupiter.api.Test;

class RunningMergeTest {
    static final MemberRef A = member("a", "Org A");
    static final MemberRef B = member("b", "Org B");
    static final SearchQuery QUERY = SearchQuery.ofValues(List.of("evil.example"));

    final IndicatorMerger merger = new IndicatorMerger();

    @Test
    void aForgedCreatorClaimFoundOnlyOnceEveryAnswerIsInCountsForNobody() {
        // B's copy claims Org A as its creator; A's answer, read first, does not hold that attribute.
        List<MemberHit> fromA = List.of(hit(A, attr("u-a", "domain", "other.example").event(event("e-a", "Org A"))));
        List<MemberHit> fromB = List.of(hit(B, attr("u-b", "domain", "evil.example").event(event("e-b", "Org A"))));
        RunningMerge running = merger.start(AlliancePolicy.defaults(), QUERY, 2);
        running.add(fromA);
        running.add(fromB);

        MergedResult merged = running.finish(List.of(A, B));

        MergedIndicator indicator = merged.indicators().stream().filter(i -> i.value().equals("evil.example"))
                .findFirst().orElseThrow();
        assertThat(indicator.organisations()).doesNotContain("Org A");
        assertThat(indicator.unconfirmedOrganisations()).containsExactly("Org A");
        assertThat(merged.indicators()).isEqualTo(merger.merge(List.of(fromA.get(0), fromB.get(0)),
                AlliancePolicy.defaults(), QUERY, OrganisationClaims.check(List.of(A, B), List.of(fromA.get(0),
                        fromB.get(0))))
                .indicators());
    }

    @Test
    void anAnswerThatCannotBeReadSpoilsTheMergeAndFinishingSaysWhy() {
        RunningMerge running = merger.start(AlliancePolicy.defaults(), QUERY, 2);
        IllegalArgumentException unreadable = new IllegalArgumentException("odd record");
        running.add(new AbstractList<MemberHit>() {
            @Override
            public MemberHit get(int index) {
                throw unreadable;
            }

            @Override
            public int size() {
                return 1;
            }
        });
        // later answers are still accepted, so that the caller can go on collecting them
        running.add(List.of(hit(A, attr("u-a", "domain", "evil.example"))));

        assertThatThrownBy(() -> running.finish(List.of(A, B))).isSameAs(unreadable);
    }

    @Test
    void noAnswerGivesAnEmptyResultAndAMergeFinishesOnce() {
        RunningMerge running = merger.start(AlliancePolicy.defaults(), QUERY, 3);
        running.add(List.of());

        MergedResult merged = running.finish(List.of(A, B));

        assertThat(merged.indicators()).isEmpty();
        assertThat(merged.totals().attributes()).isZero();
        assertThatThrownBy(() -> running.finish(List.of(A))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> running.add(List.of())).isInstanceOf(IllegalStateException.class);
    }
}
