package org.alliancesearch.model.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.alliancesearch.model.policy.TagPolicy.Verdict;
import org.junit.jupiter.api.Test;

class TagPolicyTest {
    final TagPolicy defaults = TagPolicy.of(AlliancePolicy.defaults(), TagFilter.none());

    @Test
    void defaultsAllowUpToAmberAndDropRedAndPapRed() {
        assertThat(defaults.verdict(List.of())).isEqualTo(Verdict.KEEP);
        assertThat(defaults.verdict(List.of("tlp:white", "TLP:GREEN", "tlp:amber"))).isEqualTo(Verdict.KEEP);
        assertThat(defaults.verdict(List.of("TLP:AMBER+STRICT"))).isEqualTo(Verdict.OVER_MAX_TLP);
        assertThat(defaults.verdict(List.of("Tlp:Red"))).isEqualTo(Verdict.DROPPING_TAG);
        assertThat(defaults.verdict(List.of("osint", "pap:red"))).isEqualTo(Verdict.DROPPING_TAG);
        assertThat(defaults.verdict(List.of("PAP:AMBER"))).isEqualTo(Verdict.KEEP);
    }

    @Test
    void searchFilterIncludesAndExcludes() {
        TagPolicy p = TagPolicy.of(AlliancePolicy.defaults(),
                new TagFilter(List.of("osint:*", "tlp:white"), List.of("workflow:*")));
        assertThat(p.verdict(List.of("OSINT:certainty=\"93\""))).isEqualTo(Verdict.KEEP);
        assertThat(p.verdict(List.of("tlp:clear"))).isEqualTo(Verdict.KEEP);
        assertThat(p.verdict(List.of("phishing"))).isEqualTo(Verdict.EXCLUDED_BY_FILTER);
        assertThat(p.verdict(List.of("osint:x", "Workflow:state=\"incomplete\""))).isEqualTo(
                Verdict.EXCLUDED_BY_FILTER);
        assertThat(p.hasIncludeFilter()).isTrue();
        assertThat(defaults.hasIncludeFilter()).isFalse();
    }

    @Test
    void classifiesOneTag() {
        TagPolicy.TagInfo info = defaults.classify("TLP:WHITE");
        assertThat(info.key()).isEqualTo("tlp:clear");
        assertThat(info.tlp()).isEqualTo(Tlp.CLEAR);
        assertThat(info.dropping()).isFalse();
        assertThat(defaults.classify(" TLP:RED ").dropping()).isTrue();
    }

    @Test
    void theFloorHoldsWhateverThePolicySays() {
        TagPolicy open = TagPolicy.of(new AlliancePolicy(Tlp.RED, List.of()), TagFilter.none());
        assertThat(open.verdict(List.of("tlp:red"))).isEqualTo(Verdict.DROPPING_TAG);
        assertThat(open.verdict(List.of("TLP:RED", "osint"))).isEqualTo(Verdict.DROPPING_TAG);
        assertThat(open.verdict(List.of("PAP:RED"))).isEqualTo(Verdict.DROPPING_TAG);
        assertThat(open.verdict(List.of("pap:red"))).isEqualTo(Verdict.DROPPING_TAG);
        assertThat(open.maxTlp()).isEqualTo(Tlp.AMBER_STRICT);
        assertThat(open.verdict(List.of("tlp:amber+strict", "PAP:AMBER"))).isEqualTo(Verdict.KEEP);
        assertThat(open.classify("tlp:red").dropping()).isTrue();
        assertThat(AlliancePolicy.FLOOR_TAGS).containsExactly("tlp:red", "PAP:RED");
    }
}
