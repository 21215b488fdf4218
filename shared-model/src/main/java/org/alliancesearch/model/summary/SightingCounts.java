package org.alliancesearch.model.summary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.alliancesearch.model.indicator.IndicatorKey;
import org.alliancesearch.model.indicator.Indicators;
import org.alliancesearch.model.merge.CompositeMatch;
import org.alliancesearch.model.merge.IndicatorMerger;
import org.alliancesearch.model.merge.MergedIndicator;
import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.misp.MispTag;
import org.alliancesearch.model.policy.TagPolicy;
import org.alliancesearch.model.result.MemberHit;

/**
 * The sightings members reported, per indicator, for the summary's score. A record is counted once however many
 * members return a copy of it (MISP synchronises sightings with the record), from its creator's own copy when a
 * member of the creator's organisation returned it, else from the lowest copy: another member's copy may lower the
 * number but never inflate it. A record the policy hides in any copy counts for nothing, so that the number never
 * tells of a record nobody may see.
 */
public final class SightingCounts {
    /** The most sightings one indicator counts for. */
    static final int MAX_PER_INDICATOR = 1_000_000;

    private final Map<IndicatorKey, Integer> byIndicator;

    private SightingCounts(Map<IndicatorKey, Integer> byIndicator) {
        this.byIndicator = byIndicator;
    }

    /** Nothing sighted. */
    public static SightingCounts none() {
        return new SightingCounts(Map.of());
    }

    /**
     * Counts the sightings of the hits the members returned.
     *
     * @param hits
     *            every hit kept by the members' own policies
     * @param policy
     *            the alliance policy with the search's tag filter: a hit it does not keep hides its record
     */
    public static SightingCounts of(List<MemberHit> hits, TagPolicy policy) {
        // Most records carry no sightings: find the ones that do first, so that every other hit costs one field read
        // (grouping and judging every hit cost more than the merge itself in the benchmark's profile).
        Set<String> sighted = new HashSet<>();
        boolean anonymousSighted = false;
        for (MemberHit hit : hits) {
            MispAttribute a = hit.attribute();
            if (a.sightings() > 0) {
                if (a.uuid() == null) {
                    anonymousSighted = true;
                } else {
                    sighted.add(a.uuid());
                }
            }
        }
        if (sighted.isEmpty() && !anonymousSighted) {
            return none();
        }
        Map<String, List<MemberHit>> byRecord = new HashMap<>();
        Set<String> hidden = new HashSet<>();
        int anonymous = 0;
        for (MemberHit hit : hits) {
            MispAttribute a = hit.attribute();
            // a record none of whose copies was sighted counts for nothing, hidden or not
            if (a.uuid() == null ? a.sightings() == 0 : !sighted.contains(a.uuid())) {
                continue;
            }
            // a record without uuid is its member's own
            String record = a.uuid() == null ? "#" + anonymous++ : a.uuid();
            if (policy.verdict(tags(a)) != TagPolicy.Verdict.KEEP) {
                hidden.add(record);
            }
            byRecord.computeIfAbsent(record, k -> new ArrayList<>(2)).add(hit);
        }
        Map<IndicatorKey, Integer> counts = new HashMap<>();
        byRecord.forEach((record, copies) -> {
            if (hidden.contains(record)) {
                return;
            }
            MemberHit speaker = speaker(copies);
            MispAttribute a = speaker.attribute();
            if (a.sightings() == 0) {
                return;
            }
            IndicatorKey key = Indicators.key(a.type(), a.value());
            counts.merge(key, a.sightings(), (x, y) -> (int) Math.min(MAX_PER_INDICATOR, (long) x + y));
        });
        return new SightingCounts(counts);
    }

    /**
     * The sightings of one merged indicator: its own records', and those of the composite records filed under it
     * because the search asked for one of their halves (each composite value once).
     */
    public int of(MergedIndicator indicator) {
        long total = byIndicator.getOrDefault(new IndicatorKey(indicator.family(), indicator.value()), 0);
        if (!indicator.composites().isEmpty()) {
            Set<IndicatorKey> composites = new HashSet<>();
            for (CompositeMatch c : indicator.composites()) {
                composites.add(Indicators.key(c.type(), c.value()));
            }
            for (IndicatorKey key : composites) {
                total += byIndicator.getOrDefault(key, 0);
            }
        }
        return (int) Math.min(MAX_PER_INDICATOR, total);
    }

    /** The creator's own copy when a member of the creator's organisation returned one, else the lowest. */
    private static MemberHit speaker(List<MemberHit> copies) {
        MemberHit lowest = copies.get(0);
        for (MemberHit hit : copies) {
            if (hit.attribute().event() != null
                    && IndicatorMerger.fromCreator(hit.attribute().event().orgcName(), hit.member())) {
                return hit;
            }
            if (hit.attribute().sightings() < lowest.attribute().sightings()) {
                lowest = hit;
            }
        }
        return lowest;
    }

    private static List<String> tags(MispAttribute a) {
        List<String> names = new ArrayList<>();
        a.tags().stream().map(MispTag::name).forEach(names::add);
        if (a.event() != null) {
            a.event().tags().stream().map(MispTag::name).forEach(names::add);
        }
        return names;
    }
}
