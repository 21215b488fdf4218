package org.alliancesearch.model.summary;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

import org.alliancesearch.model.indicator.IndicatorKey;
import org.alliancesearch.model.indicator.Indicators;
import org.alliancesearch.model.indicator.SearchedValues;
import org.alliancesearch.model.indicator.ValueKind;
import org.alliancesearch.model.merge.IndicatorEvent;
import org.alliancesearch.model.merge.MergedIndicator;
import org.alliancesearch.model.summary.ScoreFactors.WarninglistHit;
import org.alliancesearch.model.warninglist.Warninglist;
import org.alliancesearch.model.warninglist.WarninglistMatch;
import org.alliancesearch.model.warninglist.Warninglists;

/**
 * One summary per searched value, in the order searched, from the merged indicators (already filtered by the
 * policy): who holds it, how it is flagged, when it was seen, which warninglists it is on and its score.
 */
public final class ValueSummaries {
    private static final List<String> KILL_CHAIN_PREFIXES = List.of("kill-chain:", "misp-galaxy:mitre-attack-pattern=",
            "mitre-attack:");
    private static final List<String> ACTOR_OR_MALWARE_PREFIXES = List.of("misp-galaxy:threat-actor=",
            "misp-galaxy:mitre-intrusion-set=", "misp-galaxy:malpedia=", "misp-galaxy:mitre-malware=",
            "misp-galaxy:ransomware=", "misp-galaxy:botnet=", "misp-galaxy:rat=", "misp-galaxy:backdoor=");

    private ValueSummaries() {
    }

    /**
     * @param searched
     *            the searched values, pivots included, in order
     * @param indicators
     *            the merged indicators of the answer
     * @param warninglists
     *            the enabled warninglists
     * @param sightings
     *            sightings reported for an indicator
     * @param now
     *            the time of the search, for recency
     */
    public static List<ValueSummary> summarise(List<SearchedValue> searched, List<MergedIndicator> indicators,
            Warninglists warninglists, ToIntFunction<MergedIndicator> sightings, Instant now) {
        Map<IndicatorKey, List<MergedIndicator>> byKey = new HashMap<>();
        Map<String, List<MergedIndicator>> byValue = new HashMap<>();
        for (MergedIndicator indicator : indicators) {
            byKey.computeIfAbsent(new IndicatorKey(indicator.family(), indicator.value()), k -> new ArrayList<>())
                    .add(indicator);
            byValue.computeIfAbsent(indicator.value().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(indicator);
        }
        List<ValueSummary> summaries = new ArrayList<>(searched.size());
        for (SearchedValue value : searched) {
            List<MergedIndicator> held = holding(value, byKey, byValue, indicators);
            List<WarninglistMatch> matches = warninglists.matchSearched(value.kind(), value.value());
            summaries.add(summary(value, held, matches, sightings, now));
        }
        return summaries;
    }

    private static List<MergedIndicator> holding(SearchedValue value, Map<IndicatorKey, List<MergedIndicator>> byKey,
            Map<String, List<MergedIndicator>> byValue, List<MergedIndicator> indicators) {
        boolean pattern = value.value().indexOf('%') >= 0;
        String type = value.kind().mispType();
        if (!pattern && value.kind() != ValueKind.CIDR) {
            // Free text has no family: it is held wherever its value is, ignoring case, as MISP matches it.
            return type == null
                    ? byValue.getOrDefault(value.value().toLowerCase(Locale.ROOT), List.of())
                    : byKey.getOrDefault(Indicators.key(type, value.value()), List.of());
        }
        // Networks and LIKE patterns are answered by many values; rare, so a scan.
        SearchedValues matcher = SearchedValues.of(List.of(value.value()));
        List<MergedIndicator> held = new ArrayList<>();
        for (MergedIndicator indicator : indicators) {
            String mispType = indicator.types().isEmpty() ? indicator.family() : indicator.types().get(0);
            if (matcher.matches(mispType, indicator.value())) {
                held.add(indicator);
            }
        }
        return held;
    }

    private static ValueSummary summary(SearchedValue value, List<MergedIndicator> held, List<WarninglistMatch> matches,
            ToIntFunction<MergedIndicator> sightingsOf, Instant now) {
        TreeSet<String> organisations = new TreeSet<>();
        boolean toIds = false;
        Instant first = null;
        Instant last = null;
        int sightings = 0;
        int threatLevel = 0;
        boolean killChain = false;
        boolean actorOrMalware = false;
        for (MergedIndicator indicator : held) {
            organisations.addAll(indicator.organisations());
            toIds |= indicator.toIds();
            first = min(first, indicator.firstSeen());
            last = max(last, indicator.lastSeen());
            sightings += Math.max(0, sightingsOf.applyAsInt(indicator));
            for (IndicatorEvent event : indicator.events()) {
                Integer level = event.threatLevel();
                if (level != null && level >= 1 && level <= 3 && (threatLevel == 0 || level < threatLevel)) {
                    threatLevel = level;
                }
            }
            for (String tag : indicator.tags()) {
                String lower = tag.toLowerCase(Locale.ROOT);
                killChain |= startsWithAny(lower, KILL_CHAIN_PREFIXES);
                actorOrMalware |= startsWithAny(lower, ACTOR_OR_MALWARE_PREFIXES);
            }
        }
        WarninglistHit hit = WarninglistHit.NONE;
        String listName = null;
        for (WarninglistMatch match : matches) {
            if (Warninglist.CATEGORY_FALSE_POSITIVE.equals(match.category())) {
                if (hit != WarninglistHit.FALSE_POSITIVE) {
                    hit = WarninglistHit.FALSE_POSITIVE;
                    listName = match.listName();
                }
            } else if (hit == WarninglistHit.NONE) {
                hit = WarninglistHit.KNOWN;
                listName = match.listName();
            }
        }
        boolean found = !held.isEmpty();
        long days = last == null ? -1 : Math.max(0, Duration.between(last, now).toDays());
        ScoreFactors factors = found
                ? new ScoreFactors(true, organisations.size(), toIds, days, sightings, threatLevel, killChain,
                        actorOrMalware, hit, listName)
                : ScoreFactors.notFound(hit, listName);
        ThreatScore.Score score = ThreatScore.of(factors);
        String type = value.kind().mispType() == null ? "text" : value.kind().mispType();
        return new ValueSummary(value.value(), type, found, List.copyOf(organisations), sightings, toIds, first, last,
                matches.stream().map(WarninglistMatch::listName).toList(), score.value(), score.reasons(),
                value.pivotOf());
    }

    private static boolean startsWithAny(String tag, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (tag.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static Instant min(Instant a, Instant b) {
        return a == null ? b : (b == null || a.isBefore(b) ? a : b);
    }

    private static Instant max(Instant a, Instant b) {
        return a == null ? b : (b == null || a.isAfter(b) ? a : b);
    }
}
