package org.alliancesearch.model.merge;

import java.util.List;
import java.util.Map;

/**
 * The merged, deduplicated and policy-filtered answer of all members.
 *
 * @param byMember what each member (by id) contributed: the distinct attributes shown and those the policy removed;
 *        members that sent nothing are absent. Removals are for administrators only: a member-facing answer must not
 *        reveal them.
 */
public record MergedResult(List<MergedIndicator> indicators, MergeTotals totals, Map<String, MemberTally> byMember) {
    public MergedResult {
        indicators = List.copyOf(indicators);
        byMember = byMember == null ? Map.of() : Map.copyOf(byMember);
    }

    /** A result without a breakdown by member. */
    public MergedResult(List<MergedIndicator> indicators, MergeTotals totals) {
        this(indicators, totals, Map.of());
    }

    /** What one member's attributes became, counted by distinct attribute (synchronised copies once). */
    public MemberTally tally(String memberId) {
        MemberTally t = byMember.get(memberId);
        return t == null ? MemberTally.NONE : t;
    }

    /**
     * @param shown distinct attributes of this member that the result shows (policy passed, not deleted)
     * @param removedByPolicy distinct attributes of this member the policy (or the search's tag filter) removed
     */
    public record MemberTally(int shown, int removedByPolicy) {
        public static final MemberTally NONE = new MemberTally(0, 0);

        /** The sum of two tallies. */
        public MemberTally plus(MemberTally other) {
            return new MemberTally(shown + other.shown, removedByPolicy + other.removedByPolicy);
        }
    }
}
