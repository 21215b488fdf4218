package org.alliancesearch.model.summary;

import static org.assertj.core.api.Assertions.assertThat;

import org.alliancesearch.model.summary.ScoreFactors.WarninglistHit;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every factor moves the score one way only, and the score is the sum of its reasons held within 0 and 100. */
class ThreatScorePropertiesTest {

    @Provide
    Arbitrary<ScoreFactors> factors() {
        return Builders.withBuilder(() -> new ScoreFactors(true, 1, false, -1, 0, 0, false, false,
                WarninglistHit.NONE, null))
                .use(Arbitraries.of(true, false)).in((f, v) -> with(f, v, f.organisations(), f.toIds(),
                        f.daysSinceLastSeen(), f.sightings(), f.threatLevel(), f.killChain(), f.threatActorOrMalware(),
                        f.warninglist()))
                .use(Arbitraries.integers().between(0, 12)).in((f, v) -> with(f, f.found(), v, f.toIds(),
                        f.daysSinceLastSeen(), f.sightings(), f.threatLevel(), f.killChain(), f.threatActorOrMalware(),
                        f.warninglist()))
                .use(Arbitraries.of(true, false)).in((f, v) -> with(f, f.found(), f.organisations(), v,
                        f.daysSinceLastSeen(), f.sightings(), f.threatLevel(), f.killChain(), f.threatActorOrMalware(),
                        f.warninglist()))
                .use(Arbitraries.longs().between(-1, 1000)).in((f, v) -> with(f, f.found(), f.organisations(),
                        f.toIds(), v, f.sightings(), f.threatLevel(), f.killChain(), f.threatActorOrMalware(),
                        f.warninglist()))
                .use(Arbitraries.integers().between(0, 20)).in((f, v) -> with(f, f.found(), f.organisations(),
                        f.toIds(), f.daysSinceLastSeen(), v, f.threatLevel(), f.killChain(), f.threatActorOrMalware(),
                        f.warninglist()))
                .use(Arbitraries.integers().between(0, 4)).in((f, v) -> with(f, f.found(), f.organisations(),
                        f.toIds(), f.daysSinceLastSeen(), f.sightings(), v, f.killChain(), f.threatActorOrMalware(),
                        f.warninglist()))
                .use(Arbitraries.of(true, false)).in((f, v) -> with(f, f.found(), f.organisations(), f.toIds(),
                        f.daysSinceLastSeen(), f.sightings(), f.threatLevel(), v, f.threatActorOrMalware(),
                        f.warninglist()))
                .use(Arbitraries.of(true, false)).in((f, v) -> with(f, f.found(), f.organisations(), f.toIds(),
                        f.daysSinceLastSeen(), f.sightings(), f.threatLevel(), f.killChain(), v, f.warninglist()))
                .use(Arbitraries.of(WarninglistHit.class)).in((f, v) -> with(f, f.found(), f.organisations(),
                        f.toIds(), f.daysSinceLastSeen(), f.sightings(), f.threatLevel(), f.killChain(),
                        f.threatActorOrMalware(), v))
                .build();
    }

    private static ScoreFactors with(ScoreFactors f, boolean found, int organisations, boolean toIds, long days,
            int sightings, int threatLevel, boolean killChain, boolean actor, WarninglistHit hit) {
        return new ScoreFactors(found, found ? Math.max(1, organisations) : 0, toIds, days, sightings, threatLevel,
                killChain, actor, hit, hit == WarninglistHit.NONE ? null : "A list");
    }

    private static int score(ScoreFactors f) {
        return ThreatScore.of(f).value();
    }

    @Property(tries = 2000)
    void theScoreIsItsReasonsSummedAndHeldWithinBounds(@ForAll("factors") ScoreFactors f) {
        ThreatScore.Score score = ThreatScore.of(f);
        int sum = score.reasons().stream().mapToInt(ScoreReason::weight).sum();
        assertThat(score.value()).isEqualTo(Math.max(0, Math.min(100, sum)));
        if (!f.found()) {
            assertThat(score.value()).isZero();
        }
    }

    @Property(tries = 2000)
    void moreOrganisationsNeverLower(@ForAll("factors") ScoreFactors f) {
        ScoreFactors more = with(f, f.found(), f.organisations() + 1, f.toIds(), f.daysSinceLastSeen(),
                f.sightings(), f.threatLevel(), f.killChain(), f.threatActorOrMalware(), f.warninglist());
        assertThat(score(more)).isGreaterThanOrEqualTo(score(f));
        // Below the cap of four organisations each one counts, unless the bounds hold the score.
        if (f.found() && f.organisations() < 4 && unbounded(f) && unbounded(more)) {
            assertThat(score(more)).isEqualTo(score(f) + ThreatScore.PER_ORGANISATION);
        }
    }

    @Property(tries = 2000)
    void flaggedForDetectionNeverLowers(@ForAll("factors") ScoreFactors f) {
        ScoreFactors off = with(f, f.found(), f.organisations(), false, f.daysSinceLastSeen(), f.sightings(),
                f.threatLevel(), f.killChain(), f.threatActorOrMalware(), f.warninglist());
        ScoreFactors on = with(f, f.found(), f.organisations(), true, f.daysSinceLastSeen(), f.sightings(),
                f.threatLevel(), f.killChain(), f.threatActorOrMalware(), f.warninglist());
        assertThat(score(on)).isGreaterThanOrEqualTo(score(off));
        if (f.found() && unbounded(on) && unbounded(off)) {
            assertThat(score(on) - score(off)).isEqualTo(ThreatScore.TO_IDS);
        }
    }

    @Property(tries = 2000)
    void seenMoreRecentlyNeverLowers(@ForAll("factors") ScoreFactors f) {
        if (f.daysSinceLastSeen() < 0) {
            return;
        }
        ScoreFactors older = with(f, f.found(), f.organisations(), f.toIds(), f.daysSinceLastSeen() + 30,
                f.sightings(), f.threatLevel(), f.killChain(), f.threatActorOrMalware(), f.warninglist());
        ScoreFactors unknown = with(f, f.found(), f.organisations(), f.toIds(), -1, f.sightings(), f.threatLevel(),
                f.killChain(), f.threatActorOrMalware(), f.warninglist());
        assertThat(score(f)).isGreaterThanOrEqualTo(score(older)).isGreaterThanOrEqualTo(score(unknown));
    }

    @Property(tries = 2000)
    void moreSightingsNeverLower(@ForAll("factors") ScoreFactors f) {
        ScoreFactors more = with(f, f.found(), f.organisations(), f.toIds(), f.daysSinceLastSeen(),
                f.sightings() + 1, f.threatLevel(), f.killChain(), f.threatActorOrMalware(), f.warninglist());
        assertThat(score(more)).isGreaterThanOrEqualTo(score(f));
    }

    @Property(tries = 2000)
    void aHigherThreatLevelNeverLowers(@ForAll("factors") ScoreFactors f) {
        // MISP's levels: 1 high, 2 medium, 3 low, 4 undefined; 0 here means no event said.
        int[] rising = {0, 4, 3, 2, 1};
        for (int i = 1; i < rising.length; i++) {
            ScoreFactors lower = with(f, f.found(), f.organisations(), f.toIds(), f.daysSinceLastSeen(),
                    f.sightings(), rising[i - 1], f.killChain(), f.threatActorOrMalware(), f.warninglist());
            ScoreFactors higher = with(f, f.found(), f.organisations(), f.toIds(), f.daysSinceLastSeen(),
                    f.sightings(), rising[i], f.killChain(), f.threatActorOrMalware(), f.warninglist());
            assertThat(score(higher)).isGreaterThanOrEqualTo(score(lower));
        }
    }

    @Property(tries = 2000)
    void tagsNeverLower(@ForAll("factors") ScoreFactors f) {
        ScoreFactors tagged = with(f, f.found(), f.organisations(), f.toIds(), f.daysSinceLastSeen(), f.sightings(),
                f.threatLevel(), true, true, f.warninglist());
        ScoreFactors plain = with(f, f.found(), f.organisations(), f.toIds(), f.daysSinceLastSeen(), f.sightings(),
                f.threatLevel(), false, false, f.warninglist());
        assertThat(score(tagged)).isGreaterThanOrEqualTo(score(plain));
        if (f.found() && unbounded(tagged) && unbounded(plain)) {
            assertThat(score(tagged) - score(plain))
                    .isEqualTo(ThreatScore.KILL_CHAIN + ThreatScore.THREAT_ACTOR_OR_MALWARE);
        }
    }

    @Property(tries = 2000)
    void aWarninglistNeverRaisesAndAFalsePositiveListLowersMost(@ForAll("factors") ScoreFactors f) {
        int none = score(with(f, f.found(), f.organisations(), f.toIds(), f.daysSinceLastSeen(), f.sightings(),
                f.threatLevel(), f.killChain(), f.threatActorOrMalware(), WarninglistHit.NONE));
        int known = score(with(f, f.found(), f.organisations(), f.toIds(), f.daysSinceLastSeen(), f.sightings(),
                f.threatLevel(), f.killChain(), f.threatActorOrMalware(), WarninglistHit.KNOWN));
        int falsePositive = score(with(f, f.found(), f.organisations(), f.toIds(), f.daysSinceLastSeen(),
                f.sightings(), f.threatLevel(), f.killChain(), f.threatActorOrMalware(),
                WarninglistHit.FALSE_POSITIVE));
        assertThat(none).isGreaterThanOrEqualTo(known);
        assertThat(known).isGreaterThanOrEqualTo(falsePositive);
        if (f.found() && none > 0 && none < 100) {
            assertThat(falsePositive).isLessThan(none);
        }
    }

    private static boolean unbounded(ScoreFactors f) {
        int sum = ThreatScore.of(f).reasons().stream().mapToInt(ScoreReason::weight).sum();
        return sum >= 0 && sum <= 100;
    }
}
