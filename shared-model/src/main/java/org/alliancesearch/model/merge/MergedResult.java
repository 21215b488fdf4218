package org.alliancesearch.model.merge;

import java.util.List;

/** The merged, deduplicated and policy-filtered answer of all members. */
public record MergedResult(List<MergedIndicator> indicators, MergeTotals totals) {
    public MergedResult {
        indicators = List.copyOf(indicators);
    }
}
