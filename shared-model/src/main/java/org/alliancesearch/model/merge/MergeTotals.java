package org.alliancesearch.model.merge;

/**
 * Counts of a merge.
 *
 * @param indicators distinct indicators in the result
 * @param attributes attributes received from all members
 * @param duplicates attributes that were synchronised copies of one already counted (same uuid)
 * @param removedByPolicy attributes the tag policy removed (numbers only, never content)
 */
public record MergeTotals(int indicators, int attributes, int duplicates, int removedByPolicy) {
}
