package org.alliancesearch.portal.watch.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.alliancesearch.portal.common.crypto.Sha256;

/**
 * What a watch run found that the last successful run did not: new indicators, and new organisations on indicators
 * already known. The baseline holds one SHA-256 per "indicator key|organisation" (never the values themselves).
 *
 * <p>
 * The first run only sets the baseline. A run where members failed still reports what is new from the members that
 * answered, is marked partial, and keeps in the baseline what the failed members had given before, so that what they
 * hold is neither lost nor reported again when they come back.
 */
public final class WatchDiff {

    /** One indicator held by one organisation, as the federated search returned it. */
    public record Sighting(String indicatorKey, String organisation) {
    }

    /** An indicator known before that a new organisation now holds. */
    public record NewOrganisation(String indicatorKey, String organisation) {
    }

    /**
     * The outcome of a run: what to tell (empty lists and {@code firstRun} mean nothing to tell) and the new baseline;
     * {@code newIndicatorHolders} names the organisations holding each new indicator.
     */
    public record Result(boolean firstRun, List<String> newIndicators, List<NewOrganisation> newOrganisations,
            List<String> failedMembers, Set<String> baseline, List<NewOrganisation> newIndicatorHolders) {

        public boolean partial() {
            return !failedMembers.isEmpty();
        }

        public boolean somethingNew() {
            return !newIndicators.isEmpty() || !newOrganisations.isEmpty();
        }

        /** An alert is due when something is new or the answer was partial (never "nothing new" on a partial one). */
        public boolean alertDue() {
            return !firstRun && (somethingNew() || partial());
        }
    }

    private WatchDiff() {
    }

    /**
     * @param baseline
     *            the previous baseline, or null before the first run
     * @param current
     *            what the members that answered returned
     * @param failedMembers
     *            the members that did not answer
     */
    public static Result diff(Set<String> baseline, List<Sighting> current, List<String> failedMembers) {
        Set<String> next = new TreeSet<>();
        List<String> failed = List.copyOf(new TreeSet<>(failedMembers));
        if (baseline == null) {
            current.forEach(s -> next.add(pairHash(s)));
            for (Sighting s : current) {
                next.add(indicatorHash(s.indicatorKey()));
            }
            return new Result(true, List.of(), List.of(), failed, next, List.of());
        }
        Map<String, Set<String>> byIndicator = new LinkedHashMap<>();
        for (Sighting s : current) {
            byIndicator.computeIfAbsent(s.indicatorKey(), k -> new LinkedHashSet<>()).add(s.organisation());
        }
        List<String> newIndicators = new ArrayList<>();
        List<NewOrganisation> newOrganisations = new ArrayList<>();
        List<NewOrganisation> holders = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : byIndicator.entrySet()) {
            String indicator = e.getKey();
            boolean known = baseline.contains(indicatorHash(indicator));
            if (!known) {
                newIndicators.add(indicator);
                e.getValue().stream().filter(org -> !org.isEmpty())
                        .forEach(org -> holders.add(new NewOrganisation(indicator, org)));
            }
            for (String org : e.getValue()) {
                if (known && !baseline.contains(pairHash(new Sighting(indicator, org)))) {
                    newOrganisations.add(new NewOrganisation(indicator, org));
                }
            }
        }
        // Keep everything seen before: an indicator a failed (or briefly silent) member held is not new when it
        // comes back, so nothing is ever told twice.
        next.addAll(baseline);
        for (Sighting s : current) {
            next.add(pairHash(s));
            next.add(indicatorHash(s.indicatorKey()));
        }
        return new Result(false, List.copyOf(newIndicators), List.copyOf(newOrganisations), failed, next,
                List.copyOf(holders));
    }

    /** The stored form of a baseline: one hash a line. */
    public static String serialise(Set<String> baseline) {
        return String.join("\n", new TreeSet<>(baseline));
    }

    public static Set<String> parse(String stored) {
        if (stored == null) {
            return null;
        }
        Set<String> set = new TreeSet<>();
        for (String line : stored.split("\n")) {
            if (!line.isBlank()) {
                set.add(line.trim());
            }
        }
        return set;
    }

    static String indicatorHash(String indicatorKey) {
        return Sha256.hex("i|" + indicatorKey);
    }

    static String pairHash(Sighting s) {
        return Sha256.hex("o|" + s.indicatorKey() + "|" + s.organisation());
    }

}
