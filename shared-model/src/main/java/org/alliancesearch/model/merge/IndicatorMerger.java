package org.alliancesearch.model.merge;

import java.util.Collection;

import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.result.MemberHit;

/** Merges the hits of all members into indicators. STUB: to be implemented. */
public final class IndicatorMerger {
    /** Merges, deduplicates and applies the policy; the result does not depend on the order of the hits. */
    public MergedResult merge(Collection<MemberHit> hits, AlliancePolicy policy) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
