package org.alliancesearch.model.summary;

import java.util.ArrayList;
import java.util.List;

import org.alliancesearch.model.summary.ScoreReason.Code;

/**
 * The alliance's threat score of a searched value, 0 to 100: how strongly the members' own answers say it is bad.
 * Points, each documented in {@code docs/scoring.md}:
 * <ul>
 * <li>held by at least one member: 15; not held: the score is 0;</li>
 * <li>each organisation beyond the first: 10, at most 30 (four organisations or more);</li>
 * <li>flagged for detection ({@code to_ids}) by a holder: 15;</li>
 * <li>last seen within 7 days: 15, within 30 days: 10, within 180 days: 5;</li>
 * <li>each sighting: 2, at most 10;</li>
 * <li>highest threat level of its events: high 10, medium 5, low 2;</li>
 * <li>a kill-chain tag: 3; a galaxy naming a threat actor or malware: 2;</li>
 * <li>on a warninglist of false positives: minus 50; on a list of known identifiers only: minus 25.</li>
 * </ul>
 * The sum is held within 0 and 100. Every factor moves the score one way only, which the properties test.
 */
public final class ThreatScore {
    public static final int FOUND = 15;
    public static final int PER_ORGANISATION = 10;
    public static final int ORGANISATIONS_MAX = 30;
    public static final int TO_IDS = 15;
    public static final int SEEN_WITHIN_7_DAYS = 15;
    public static final int SEEN_WITHIN_30_DAYS = 10;
    public static final int SEEN_WITHIN_180_DAYS = 5;
    public static final int PER_SIGHTING = 2;
    public static final int SIGHTINGS_MAX = 10;
    public static final int THREAT_HIGH = 10;
    public static final int THREAT_MEDIUM = 5;
    public static final int THREAT_LOW = 2;
    public static final int KILL_CHAIN = 3;
    public static final int THREAT_ACTOR_OR_MALWARE = 2;
    public static final int WARNINGLIST_FALSE_POSITIVE = -50;
    public static final int WARNINGLIST_KNOWN = -25;

    private ThreatScore() {
    }

    /** A score and the reasons that make it, in {@link Code} order. */
    public record Score(int value, List<ScoreReason> reasons) {
        public Score {
            reasons = List.copyOf(reasons);
        }
    }

    public static Score of(ScoreFactors f) {
        List<ScoreReason> reasons = new ArrayList<>();
        int sum = 0;
        if (!f.found()) {
            reasons.add(new ScoreReason(Code.NOT_FOUND, 0, null));
        } else {
            sum += add(reasons, Code.FOUND, FOUND, null);
            int others = Math.max(0, f.organisations() - 1);
            if (others > 0) {
                sum += add(reasons, Code.ORGANISATIONS, Math.min(ORGANISATIONS_MAX, others * PER_ORGANISATION),
                        String.valueOf(f.organisations()));
            }
            if (f.toIds()) {
                sum += add(reasons, Code.TO_IDS, TO_IDS, null);
            }
            int recent = recency(f.daysSinceLastSeen());
            if (recent > 0) {
                sum += add(reasons, Code.RECENT, recent, String.valueOf(f.daysSinceLastSeen()));
            }
            if (f.sightings() > 0) {
                sum += add(reasons, Code.SIGHTINGS, Math.min(SIGHTINGS_MAX, f.sightings() * PER_SIGHTING),
                        String.valueOf(f.sightings()));
            }
            int threat = threat(f.threatLevel());
            if (threat > 0) {
                sum += add(reasons, Code.THREAT_LEVEL, threat, String.valueOf(f.threatLevel()));
            }
            if (f.killChain()) {
                sum += add(reasons, Code.KILL_CHAIN, KILL_CHAIN, null);
            }
            if (f.threatActorOrMalware()) {
                sum += add(reasons, Code.THREAT_ACTOR_OR_MALWARE, THREAT_ACTOR_OR_MALWARE, null);
            }
        }
        switch (f.warninglist()) {
            case FALSE_POSITIVE -> sum += add(reasons, Code.WARNINGLIST_FALSE_POSITIVE,
                    f.found() ? WARNINGLIST_FALSE_POSITIVE : 0, f.warninglistName());
            case KNOWN -> sum += add(reasons, Code.WARNINGLIST_KNOWN, f.found() ? WARNINGLIST_KNOWN : 0,
                    f.warninglistName());
            default -> {
            }
        }
        return new Score(Math.max(0, Math.min(100, sum)), reasons);
    }

    private static int add(List<ScoreReason> reasons, Code code, int weight, String detail) {
        reasons.add(new ScoreReason(code, weight, detail));
        return weight;
    }

    static int recency(long days) {
        if (days < 0) {
            return 0;
        }
        if (days <= 7) {
            return SEEN_WITHIN_7_DAYS;
        }
        if (days <= 30) {
            return SEEN_WITHIN_30_DAYS;
        }
        return days <= 180 ? SEEN_WITHIN_180_DAYS : 0;
    }

    static int threat(int level) {
        return switch (level) {
            case 1 -> THREAT_HIGH;
            case 2 -> THREAT_MEDIUM;
            case 3 -> THREAT_LOW;
            default -> 0;
        };
    }
}
