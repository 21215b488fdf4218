package org.alliancesearch.model.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.alliancesearch.model.merge.IndicatorEvent;
import org.alliancesearch.model.merge.IndicatorMember;
import org.alliancesearch.model.merge.MergedIndicator;
import org.alliancesearch.model.policy.Tlp;
import org.alliancesearch.model.summary.ScoreReason.Code;
import org.alliancesearch.model.warninglist.Warninglists;
import org.junit.jupiter.api.Test;

class ValueSummariesTest {
    private static final Instant NOW = Instant.parse("2026-12-05T00:00:00Z");
    private static final Warninglists LISTS = Warninglists.of(Warninglists.bundled());

    private static MergedIndicator indicator(String family, String type, String value, List<String> orgs,
            boolean toIds, Instant lastSeen, Integer threatLevel, List<String> tags) {
        List<IndicatorEvent> events = List.of(new IndicatorEvent("0b8a5a7c-1d2e-4f00-9a00-000000000001", "Campaign",
                LocalDate.of(2026, 12, 1), orgs.get(0), "m1", "Member 1", threatLevel, null));
        return new MergedIndicator(value, family, List.of(type), List.of("Network activity"), orgs,
                List.of(new IndicatorMember("m1", "Member 1")), tags, Tlp.GREEN, toIds,
                lastSeen == null ? null : lastSeen.minus(30, ChronoUnit.DAYS), lastSeen, events, 1, 1);
    }

    private static ValueSummary only(List<ValueSummary> summaries, String value) {
        return summaries.stream().filter(s -> s.value().equals(value)).findFirst().orElseThrow();
    }

    @Test
    void oneSummaryPerSearchedValueInOrderWithWhatTheAllianceHolds() {
        List<MergedIndicator> indicators = List.of(
                indicator("domain", "domain", "c2.evil-site.net", List.of("ORG-A", "ORG-B", "ORG-C"), true,
                        NOW.minus(2, ChronoUnit.DAYS), 1, List.of("tlp:green", "misp-galaxy:threat-actor=\"APT X\"",
                                "kill-chain:Command and Control")),
                indicator("ip", "ip-dst", "45.77.10.9", List.of("ORG-A"), false, NOW.minus(400, ChronoUnit.DAYS), 3,
                        List.of("tlp:green")));
        List<SearchedValue> searched = Pivots.expand(List.of("45.77.10.9", "C2.EVIL-site.NET.", "185.220.101.1"),
                false);
        List<ValueSummary> summaries = ValueSummaries.summarise(searched, indicators, LISTS, i -> 0, NOW);

        assertThat(summaries).extracting(ValueSummary::value).containsExactly("45.77.10.9", "c2.evil-site.net",
                "185.220.101.1");
        ValueSummary domain = only(summaries, "c2.evil-site.net");
        assertThat(domain.found()).isTrue();
        assertThat(domain.type()).isEqualTo("domain");
        assertThat(domain.heldBy()).containsExactly("ORG-A", "ORG-B", "ORG-C");
        assertThat(domain.toIds()).isTrue();
        assertThat(domain.lastSeen()).isEqualTo(NOW.minus(2, ChronoUnit.DAYS));
        // 15 found + 20 for two more organisations + 15 IDS + 15 seen this week + 10 high threat + 3 + 2 tags
        assertThat(domain.score()).isEqualTo(80);
        assertThat(domain.reasons()).extracting(ScoreReason::code).containsExactly(Code.FOUND, Code.ORGANISATIONS,
                Code.TO_IDS, Code.RECENT, Code.THREAT_LEVEL, Code.KILL_CHAIN, Code.THREAT_ACTOR_OR_MALWARE);

        ValueSummary ip = only(summaries, "45.77.10.9");
        assertThat(ip.heldBy()).containsExactly("ORG-A");
        assertThat(ip.score()).isEqualTo(ThreatScore.FOUND + ThreatScore.THREAT_LOW);

        ValueSummary unknown = only(summaries, "185.220.101.1");
        assertThat(unknown.found()).isFalse();
        assertThat(unknown.heldBy()).isEmpty();
        assertThat(unknown.score()).isZero();
        assertThat(unknown.reasons()).extracting(ScoreReason::code).containsExactly(Code.NOT_FOUND);
    }

    @Test
    void aWarninglistedValueIsNamedAndScoredDown() {
        List<MergedIndicator> indicators = List.of(indicator("ip", "ip-dst", "8.8.8.8", List.of("ORG-A", "ORG-B"),
                true, NOW.minus(1, ChronoUnit.DAYS), 2, List.of()));
        List<ValueSummary> summaries = ValueSummaries.summarise(Pivots.expand(List.of("8.8.8.8", "10.1.1.1"), false),
                indicators, LISTS, i -> 0, NOW);
        ValueSummary dns = only(summaries, "8.8.8.8");
        assertThat(dns.warninglists()).contains("List of known IPv4 public DNS resolvers");
        // 15 + 10 + 15 + 15 + 5 = 60, minus 50 for a list of false positives
        assertThat(dns.score()).isEqualTo(10);
        assertThat(dns.reasons()).last().satisfies(reason -> {
            assertThat(reason.code()).isEqualTo(Code.WARNINGLIST_FALSE_POSITIVE);
            assertThat(reason.weight()).isEqualTo(-50);
            assertThat(reason.detail()).isNotBlank();
        });
        ValueSummary privateAddress = only(summaries, "10.1.1.1");
        assertThat(privateAddress.found()).isFalse();
        assertThat(privateAddress.warninglists()).contains("List of RFC 1918 CIDR blocks");
        assertThat(privateAddress.score()).isZero();
    }

    @Test
    void aUrlIsAlsoSummarisedByItsHostMarkedAsItsPivot() {
        List<MergedIndicator> indicators = List.of(indicator("domain", "domain", "drop.evil.example",
                List.of("ORG-B"), true, NOW, null, List.of()));
        List<ValueSummary> summaries = ValueSummaries.summarise(
                Pivots.expand(List.of("hxxps://drop[.]evil[.]example/gate.php"), false), indicators, LISTS, i -> 0,
                NOW);
        assertThat(summaries).extracting(ValueSummary::value).containsExactly("https://drop.evil.example/gate.php",
                "drop.evil.example");
        assertThat(summaries.get(0).found()).isFalse();
        assertThat(summaries.get(1).pivotOf()).isEqualTo("https://drop.evil.example/gate.php");
        assertThat(summaries.get(1).heldBy()).containsExactly("ORG-B");
    }

    @Test
    void freeTextIsHeldWhereverItsValueIsIgnoringCase() {
        // ".example" is no TLD the detector knows: the searched value is text, the member filed it as a domain
        List<MergedIndicator> indicators = List.of(indicator("domain", "domain", "update-check.alliance-demo.example",
                List.of("ORG-A"), false, NOW, null, List.of()));
        ValueSummary text = ValueSummaries.summarise(Pivots.expand(List.of("Update-Check.Alliance-Demo.example"),
                false), indicators, LISTS, i -> 0, NOW).get(0);
        assertThat(text.type()).isEqualTo("text");
        assertThat(text.found()).isTrue();
        assertThat(text.heldBy()).containsExactly("ORG-A");
    }

    @Test
    void aNetworkIsHeldByTheAddressesInsideIt() {
        List<MergedIndicator> indicators = List.of(
                indicator("ip", "ip-dst", "192.0.2.7", List.of("ORG-A"), false, NOW, null, List.of()),
                indicator("ip", "ip-src", "192.0.2.200", List.of("ORG-C"), true, NOW, null, List.of()),
                indicator("ip", "ip-src", "192.0.3.1", List.of("ORG-D"), true, NOW, null, List.of()));
        ValueSummary network = ValueSummaries.summarise(Pivots.expand(List.of("192.0.2.0/24"), false), indicators,
                LISTS, i -> 0, NOW).get(0);
        assertThat(network.heldBy()).containsExactly("ORG-A", "ORG-C");
        assertThat(network.toIds()).isTrue();
    }

    @Test
    void sightingsCountAndFutureTimesDoNotCountAsMoreThanNow() {
        List<MergedIndicator> indicators = List.of(indicator("md5", "md5", "0123456789abcdef0123456789abcdef",
                List.of("ORG-A"), false, NOW.plus(900, ChronoUnit.DAYS), null, List.of()));
        ValueSummary hash = ValueSummaries.summarise(Pivots.expand(List.of("0123456789ABCDEF0123456789ABCDEF"), false),
                indicators, LISTS, i -> 3, NOW).get(0);
        assertThat(hash.sightings()).isEqualTo(3);
        assertThat(hash.score()).isEqualTo(
                ThreatScore.FOUND + ThreatScore.SEEN_WITHIN_7_DAYS + 3 * ThreatScore.PER_SIGHTING);
    }
}
