package org.alliancesearch.portal.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.alliancesearch.portal.watch.service.WatchDiff;
import org.alliancesearch.portal.watch.service.WatchDiff.NewOrganisation;
import org.alliancesearch.portal.watch.service.WatchDiff.Result;
import org.alliancesearch.portal.watch.service.WatchDiff.Sighting;
import org.junit.jupiter.api.Test;

class WatchDiffTest {

    private static final Sighting IP_A = new Sighting("ip|192.0.2.1", "org-a");
    private static final Sighting IP_B = new Sighting("ip|192.0.2.1", "org-b");
    private static final Sighting DOMAIN_A = new Sighting("domain|evil.example", "org-a");

    @Test
    void theFirstRunSetsTheBaselineAndTellsNothing() {
        Result r = WatchDiff.diff(null, List.of(IP_A), List.of());
        assertThat(r.firstRun()).isTrue();
        assertThat(r.alertDue()).isFalse();
        assertThat(r.baseline()).isNotEmpty();
        assertThat(String.join("", r.baseline())).doesNotContain("192.0.2.1");
    }

    @Test
    void aNewIndicatorIsTold() {
        Set<String> base = WatchDiff.diff(null, List.of(IP_A), List.of()).baseline();
        Result r = WatchDiff.diff(base, List.of(IP_A, DOMAIN_A), List.of());
        assertThat(r.newIndicators()).containsExactly("domain|evil.example");
        assertThat(r.newOrganisations()).isEmpty();
        assertThat(r.alertDue()).isTrue();
        assertThat(r.newIndicatorHolders()).as("who holds the new indicator, and only it")
                .containsExactly(new NewOrganisation("domain|evil.example", "org-a"));
    }

    @Test
    void everyOrganisationHoldingANewIndicatorIsNamedOnceAndTheUnownedNone() {
        Set<String> base = WatchDiff.diff(null, List.of(IP_A), List.of()).baseline();
        Result r = WatchDiff.diff(base, List.of(IP_A, new Sighting("domain|evil.example", "org-b"), DOMAIN_A,
                new Sighting("domain|evil.example", "org-b"), new Sighting("hash|ab", "")), List.of());
        assertThat(r.newIndicators()).containsExactly("domain|evil.example", "hash|ab");
        assertThat(r.newIndicatorHolders()).containsExactly(new NewOrganisation("domain|evil.example", "org-b"),
                new NewOrganisation("domain|evil.example", "org-a"));
    }

    @Test
    void aNewOrganisationOnAKnownIndicatorIsTold() {
        Set<String> base = WatchDiff.diff(null, List.of(IP_A), List.of()).baseline();
        Result r = WatchDiff.diff(base, List.of(IP_A, IP_B), List.of());
        assertThat(r.newIndicators()).isEmpty();
        assertThat(r.newOrganisations()).containsExactly(new NewOrganisation("ip|192.0.2.1", "org-b"));
    }

    @Test
    void whatWasToldIsNeverRepeated() {
        Set<String> base = WatchDiff.diff(null, List.of(IP_A), List.of()).baseline();
        Result second = WatchDiff.diff(base, List.of(IP_A, IP_B, DOMAIN_A), List.of());
        assertThat(second.somethingNew()).isTrue();
        Result third = WatchDiff.diff(second.baseline(), List.of(IP_A, IP_B, DOMAIN_A), List.of());
        assertThat(third.somethingNew()).isFalse();
        assertThat(third.alertDue()).isFalse();
        // a member that was silent and comes back brings nothing new either
        Result fourth = WatchDiff.diff(third.baseline(), List.of(IP_A), List.of());
        Result fifth = WatchDiff.diff(fourth.baseline(), List.of(IP_A, IP_B, DOMAIN_A), List.of());
        assertThat(fifth.somethingNew()).isFalse();
    }

    @Test
    void aPartialAnswerIsToldAsPartialNeverAsNothingNew() {
        Set<String> base = WatchDiff.diff(null, List.of(IP_A), List.of()).baseline();
        Result r = WatchDiff.diff(base, List.of(IP_A), List.of("member-c"));
        assertThat(r.somethingNew()).isFalse();
        assertThat(r.partial()).isTrue();
        assertThat(r.failedMembers()).containsExactly("member-c");
        // the alert is due because of the failure: the recipient learns that the answer was partial
        assertThat(r.alertDue()).isTrue();
    }

    @Test
    void theBaselineSurvivesItsStoredForm() {
        Set<String> base = WatchDiff.diff(null, List.of(IP_A, DOMAIN_A), List.of()).baseline();
        assertThat(WatchDiff.parse(WatchDiff.serialise(base))).isEqualTo(base);
        assertThat(WatchDiff.parse(null)).isNull();
    }
}
