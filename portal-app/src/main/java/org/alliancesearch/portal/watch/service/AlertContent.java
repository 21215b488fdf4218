package org.alliancesearch.portal.watch.service;

import java.util.List;

/**
 * What one inbox entry says, as stored (JSON) and as the API shows it.
 *
 * @param firstRun the first run of the watch: it only sets what is known, so it tells only about failed members
 * @param newIndicators indicators (type family and value) no earlier run had
 * @param newOrganisations known indicators that an organisation now holds for the first time
 * @param failedMembers members that did not answer fully, and why: what they hold may be missing
 * @param pausedReason for a pause notice, why the watch was paused; else null
 * @param newIndicatorHolders the organisations holding each new indicator (empty in alerts stored before it was kept)
 */
public record AlertContent(boolean firstRun, List<String> newIndicators,
        List<WatchDiff.NewOrganisation> newOrganisations,
        List<FailedMember> failedMembers, String pausedReason, List<WatchDiff.NewOrganisation> newIndicatorHolders) {

    public AlertContent {
        newIndicatorHolders = newIndicatorHolders == null ? List.of() : List.copyOf(newIndicatorHolders);
    }

    /** The organisations holding one new indicator, in the order the search named them. */
    public List<String> holdersOf(String indicatorKey) {
        return newIndicatorHolders.stream().filter(h -> h.indicatorKey().equals(indicatorKey))
                .map(WatchDiff.NewOrganisation::organisation).toList();
    }

    /** A member that did not answer fully. */
    public record FailedMember(String member, String status, String reason) {
        /** As the alert channels show it: the name and why. */
        public String describe() {
            return reason == null || reason.isBlank()
                    ? member + " (" + status + ")"
                    : member + " (" + status + ": "
                            + reason + ")";
        }
    }

    public static AlertContent paused(String reason) {
        return new AlertContent(false, List.of(), List.of(), List.of(), reason, List.of());
    }
}
