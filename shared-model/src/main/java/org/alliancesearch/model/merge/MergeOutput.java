package org.alliancesearch.model.merge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;

import org.alliancesearch.model.indicator.CompositeHalf;
import org.alliancesearch.model.indicator.Indicators;
import org.alliancesearch.model.indicator.SearchedValues;
import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.policy.TagPolicy;
import org.alliancesearch.model.policy.Tlp;
import org.alliancesearch.model.result.MemberRef;

/**
 * The output of a merge from what {@link HitReader} read: applies the policy to each attribute (every copy of it and
 * of its events counts), tallies by member, picks the spelling shown for each tag, builds the indicators and puts
 * them in {@link IndicatorMerger#ORDER} ({@link ResultOrder}).
 */
final class MergeOutput {
    private MergeOutput() {
    }

    /** The merged result; {@code hitCount} is the number of hits read. */
    static MergedResult build(HitReader read, TagPolicy policy, int hitCount, SearchedValues searched) {
        ArrayList<AttributeCopies> attributeList = read.attributeList;
        ArrayList<IndicatorAggregate> indicatorList = read.indicatorList;
        ArrayList<MemberRef> memberList = read.memberList;
        ArrayList<TagTable.Tag> tagList = read.tags.list;
        int duplicates = read.duplicates;
        int touched = read.touched;
        int deleted = 0;
        int droppingTag = 0;
        int overMaxTlp = 0;
        int excludedByFilter = 0;
        TagSet keptTags = new TagSet();
        // Tallies are by member id: a member renamed during the search is two slots but one member.
        HashMap<String, Integer> idIndex = new HashMap<>();
        int[] idOfSlot = new int[memberList.size()];
        for (int slot = 0; slot < idOfSlot.length; slot++) {
            idOfSlot[slot] = idIndex.computeIfAbsent(memberList.get(slot).id(), k -> idIndex.size());
        }
        MemberCounts shown = new MemberCounts(idOfSlot, idIndex.size());
        MemberCounts removedCounts = new MemberCounts(idOfSlot, idIndex.size());
        int touchedIndicators = 0;
        for (int a = 0, n = attributeList.size(); a < n; a++) {
            if ((a & (HitReader.BLOCK - 1)) == 0) {
                // Indicators are scattered like the hits: read a block's ahead (see HitReader.Prefetch).
                for (int k = a, end = Math.min(n, a + HitReader.BLOCK); k < end; k++) {
                    touchedIndicators += attributeList.get(k).indicator.touch();
                }
            }
            AttributeCopies copies = attributeList.get(a);
            if (copies.deleted) {
                deleted++;
                continue;
            }
            switch (verdict(policy, copies)) {
                case DROPPING_TAG -> {
                    droppingTag++;
                    removedCounts.count(copies);
                }
                case OVER_MAX_TLP -> {
                    overMaxTlp++;
                    removedCounts.count(copies);
                }
                case EXCLUDED_BY_FILTER -> {
                    excludedByFilter++;
                    removedCounts.count(copies);
                }
                case KEEP -> {
                    Tlp tlp = TagTable.TLP_BY_RANK[tlpRank(copies)];
                    if (searched == null || !file(read, copies, tlp, searched)) {
                        copies.indicator.add(copies, tlp);
                    }
                    copies.addTagsTo(keptTags);
                    shown.count(copies);
                }
            }
        }
        // A tag is shown in the spelling that sorts last among the records shown.
        ArrayList<TagTable.TagGroup> groupOfTag = new ArrayList<>(tagList.size());
        for (int w = 0, words = keptTags.words(); w < words; w++) {
            long bits = keptTags.word(w);
            while (bits != 0) {
                TagTable.Tag tag = tagList.get((w << 6) + Long.numberOfTrailingZeros(bits));
                bits &= bits - 1;
                tag.group.offer(tag.name);
            }
        }
        for (TagTable.Tag tag : tagList) {
            groupOfTag.add(tag.group);
        }
        ResultOrder merged = new ResultOrder(indicatorList.size());
        IndicatorAggregate.Context context = new IndicatorAggregate.Context(groupOfTag, memberList, read.claims);
        HitReader.readAheadSum = touched + touchedIndicators;
        for (int i = 0, n = indicatorList.size(); i < n; i++) {
            IndicatorAggregate indicator = indicatorList.get(i);
            if (indicator.attributeCount > 0) {
                merged.add(indicator.build(context), indicator.organisationCount(), indicator.seen());
            }
        }
        List<MergedIndicator> sorted = merged.sorted();
        MergeTotals.PolicyRemovals removed = new MergeTotals.PolicyRemovals(droppingTag, overMaxTlp,
                excludedByFilter);
        HashMap<String, MergedResult.MemberTally> byMember = new HashMap<>();
        idIndex.forEach((id, i) -> byMember.put(id, new MergedResult.MemberTally(shown.byId[i],
                removedCounts.byId[i])));
        return new MergedResult(sorted, new MergeTotals(sorted.size(), hitCount, duplicates, removed.total(),
                deleted, removed), byMember);
    }

    /**
     * Files a composite record under the indicator of each half the search asked for; false (nothing filed) when the
     * record is not a composite or none of its halves was searched. Decided on the speaking copy's type and value.
     */
    private static boolean file(HitReader read, AttributeCopies copies, Tlp tlp, SearchedValues searched) {
        MispAttribute a = copies.speaker.attribute();
        String type = a.type() == null ? "" : a.type();
        String value = a.value();
        if (value == null || value.indexOf('|') < 0) {
            return false;
        }
        Set<CompositeHalf> halves = searched.matchedHalves(type, value);
        if (halves.isEmpty()) {
            return false;
        }
        String composite = Indicators.compositeValue(type, value);
        for (CompositeHalf half : halves) {
            IndicatorAggregate indicator = read.indicator(Indicators.halfKey(type, value, half));
            indicator.add(copies, tlp);
            indicator.addComposite(new CompositeMatch(type, composite, half));
        }
        return true;
    }

    /** The most restrictive TLP over every copy of the attribute and of its events, as a rank. */
    private static int tlpRank(AttributeCopies copies) {
        int rank = copies.tlpRank;
        if (copies.eventKey != null) {
            rank = Math.max(rank, copies.eventKey.tlpRank);
            if (copies.moreEvents() != null) {
                for (EventCopy c : copies.moreEvents()) {
                    rank = Math.max(rank, c.key.tlpRank);
                }
            }
        }
        return rank;
    }

    private static TagPolicy.Verdict verdict(TagPolicy policy, AttributeCopies copies) {
        int flags = copies.flags;
        int rank = copies.tlpRank;
        if (copies.eventKey != null) {
            flags |= copies.eventKey.flags;
            rank = Math.max(rank, copies.eventKey.tlpRank);
            if (copies.moreEvents() != null) {
                for (EventCopy c : copies.moreEvents()) {
                    flags |= c.key.flags;
                    rank = Math.max(rank, c.key.tlpRank);
                }
            }
        }
        return policy.verdict((flags & TagTable.DROP) != 0, TagTable.TLP_BY_RANK[rank],
                (flags & TagTable.INCLUDED) != 0, (flags & TagTable.EXCLUDED) != 0);
    }

    /** Distinct attributes by member id. */
    static final class MemberCounts {
        final int[] byId;
        private final int[] idOfSlot;
        /** The attribute last counted for each id, so that two slots of one id count an attribute once. */
        private final AttributeCopies[] last;

        MemberCounts(int[] idOfSlot, int ids) {
            this.idOfSlot = idOfSlot;
            this.byId = new int[ids];
            this.last = new AttributeCopies[ids];
        }

        /** Counts one attribute for each member that sent a copy of it. */
        void count(AttributeCopies copies) {
            long bits = copies.memberBits;
            while (bits != 0) {
                add(Long.numberOfTrailingZeros(bits), copies);
                bits &= bits - 1;
            }
            TagSet more = copies.moreMembers();
            if (more != null) {
                for (int w = 0, words = more.words(); w < words; w++) {
                    long word = more.word(w);
                    while (word != 0) {
                        int slot = (w << 6) + Long.numberOfTrailingZeros(word);
                        word &= word - 1;
                        if (slot >= 64) {
                            add(slot, copies);
                        }
                    }
                }
            }
        }

        private void add(int slot, AttributeCopies copies) {
            int id = idOfSlot[slot];
            if (last[id] != copies) {
                last[id] = copies;
                byId[id]++;
            }
        }
    }
}
