package org.alliancesearch.model.merge;

/**
 * Counts of a merge. Attributes are counted by uuid and content after deduplication except {@link #attributes()}, so
 * {@code attributes - duplicates - deleted - removedByPolicy} is the number of distinct attributes shown. A composite
 * record filed under the indicators of both its halves ({@link IndicatorMerger}) is one attribute here, though each
 * of those indicators counts it in its own {@link MergedIndicator#attributeCount()}.
 *
 * @param indicators distinct indicators in the result
 * @param attributes attributes received from all members (every copy)
 * @param duplicates attributes that were synchronised copies of one already counted (same uuid, type family,
 *        canonical value and event uuid; a copy that disagrees is counted as an attribute of its own)
 * @param removedByPolicy distinct attributes the tag policy removed (numbers only, never content); the sum of
 *        {@link #removedBy()} when the merger made these totals
 * @param deleted distinct attributes not shown because a member marked them deleted
 * @param removedBy {@link #removedByPolicy()} by reason
 */
public record MergeTotals(int indicators, int attributes, int duplicates, int removedByPolicy, int deleted,
        PolicyRemovals removedBy) {
    public MergeTotals {
        removedBy = removedBy == null ? new PolicyRemovals(0, 0, 0) : removedBy;
    }

    /** Totals without deleted attributes and without a breakdown of removals (all reasons zero). */
    public MergeTotals(int indicators, int attributes, int duplicates, int removedByPolicy) {
        this(indicators, attributes, duplicates, removedByPolicy, 0, new PolicyRemovals(0, 0, 0));
    }

    /**
     * Distinct attributes the policy removed, by the first reason that applied (in this order).
     *
     * @param droppingTag carried a dropping tag of the alliance policy (itself or its event)
     * @param overMaxTlp carried a TLP above the alliance's maximum
     * @param excludedByFilter did not pass the search's own include/exclude tag filter
     */
    public record PolicyRemovals(int droppingTag, int overMaxTlp, int excludedByFilter) {
        /** The sum of all reasons. */
        public int total() {
            return droppingTag + overMaxTlp + excludedByFilter;
        }
    }
}
