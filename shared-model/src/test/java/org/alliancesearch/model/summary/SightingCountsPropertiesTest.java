package org.alliancesearch.model.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.alliancesearch.model.indicator.IndicatorKey;
import org.alliancesearch.model.indicator.Indicators;
import org.alliancesearch.model.merge.IndicatorMerger;
import org.alliancesearch.model.merge.MergedIndicator;
import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.misp.MispEvent;
import org.alliancesearch.model.misp.MispTag;
import org.alliancesearch.model.policy.TagPolicy;
import org.alliancesearch.model.result.MemberHit;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The counting that skips unsighted records first gives what plain counting of every hit gives. */
class SightingCountsPropertiesTest {

    @Property(tries = 500)
    void skippingUnsightedRecordsChangesNoCount(@ForAll("hits") List<MemberHit> hits) {
        SightingCounts counts = SightingCounts.of(hits, SightingCountsTest.POLICY);
        Map<IndicatorKey, Integer> expected = reference(hits, SightingCountsTest.POLICY);
        Set<IndicatorKey> keys = new HashSet<>(expected.keySet());
        hits.forEach(h -> keys.add(Indicators.key(h.attribute().type(), h.attribute().value())));
        for (IndicatorKey key : keys) {
            MergedIndicator indicator = new MergedIndicator(key.value(), key.family(), List.of("ip-dst"), List.of(),
                    List.of(), List.of(), List.of(), null, false, null, null, List.of(), 1, 1);
            assertThat(counts.of(indicator)).as(key.toString()).isEqualTo(expected.getOrDefault(key, 0));
        }
    }

    /** The plain algorithm: group every hit by record, hide a record any hidden copy hides, count its speaker. */
    static Map<IndicatorKey, Integer> reference(List<MemberHit> hits, TagPolicy policy) {
        Map<String, List<MemberHit>> byRecord = new HashMap<>();
        Set<String> hidden = new HashSet<>();
        int anonymous = 0;
        for (MemberHit hit : hits) {
            MispAttribute a = hit.attribute();
            String record = a.uuid() == null ? "#" + anonymous++ : a.uuid();
            List<String> tags = new ArrayList<>();
            a.tags().forEach(t -> tags.add(t.name()));
            if (a.event() != null) {
                a.event().tags().forEach(t -> tags.add(t.name()));
            }
            if (policy.verdict(tags) != TagPolicy.Verdict.KEEP) {
                hidden.add(record);
            }
            byRecord.computeIfAbsent(record, k -> new ArrayList<>()).add(hit);
        }
        Map<IndicatorKey, Integer> counts = new HashMap<>();
        byRecord.forEach((record, copies) -> {
            if (hidden.contains(record)) {
                return;
            }
            MemberHit speaker = copies.get(0);
            MemberHit lowest = copies.get(0);
            boolean creator = false;
            for (MemberHit hit : copies) {
                if (hit.attribute().event() != null
                        && IndicatorMerger.fromCreator(hit.attribute().event().orgcName(), hit.member())) {
                    speaker = hit;
                    creator = true;
                    break;
                }
                if (hit.attribute().sightings() < lowest.attribute().sightings()) {
                    lowest = hit;
                }
            }
            MispAttribute a = (creator ? speaker : lowest).attribute();
            if (a.sightings() > 0) {
                counts.merge(Indicators.key(a.type(), a.value()), a.sightings(), Integer::sum);
            }
        });
        return counts;
    }

    @Provide
    Arbitrary<List<MemberHit>> hits() {
        Arbitrary<MemberHit> hit = net.jqwik.api.Combinators.combine(
                Arbitraries.of("org-a", "org-b", "org-c"),
                Arbitraries.of("u1", "u2", "u3", "u4", null),
                Arbitraries.of("192.0.2.1", "192.0.2.2", "192.0.2.3"),
                Arbitraries.of("org-a", "org-b", "org-x"),
                Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, Arbitraries.just(0)),
                        net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(1, 9))),
                Arbitraries.of("tlp:green", "tlp:red", "tlp:amber"))
                .as((member, uuid, value, creator, sightings, tag) -> {
                    MispEvent event = new MispEvent("1", "e-" + uuid, "info", null, creator, null, 2, true, null, 1,
                            List.of());
                    return new MemberHit(SightingCountsTest.member(member), new MispAttribute("1", uuid, "1", null,
                            null, "Network activity", "ip-dst", value, true, null, null, null, 1, "", false,
                            List.of(new MispTag(tag, false)), event, sightings));
                });
        return hit.list().ofMaxSize(12);
    }
}
