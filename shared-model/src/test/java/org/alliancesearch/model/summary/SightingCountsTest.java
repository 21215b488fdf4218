package org.alliancesearch.model.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.alliancesearch.model.indicator.Indicators;
import org.alliancesearch.model.merge.MergedIndicator;
import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.misp.MispEvent;
import org.alliancesearch.model.misp.MispJson;
import org.alliancesearch.model.misp.MispTag;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.policy.TagFilter;
import org.alliancesearch.model.policy.TagPolicy;
import org.alliancesearch.model.result.MemberHit;
import org.alliancesearch.model.result.MemberRef;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Sightings as members report them: read with care, counted once per record, never for a hidden one. */
class SightingCountsTest {
    static final TagPolicy POLICY = TagPolicy.of(AlliancePolicy.defaults(), TagFilter.none());

    static MemberRef member(String org) {
        return new MemberRef("m-" + org, org, org, "https://misp." + org + ".example", null, null);
    }

    static MemberHit hit(String org, String uuid, String value, String creator, int sightings, String tag) {
        MispEvent event = new MispEvent("1", "e-" + uuid, "info", null, creator, null, 2, true, null, 1, List.of());
        return new MemberHit(member(org), new MispAttribute("1", uuid, "1", null, null, "Network activity", "ip-dst",
                value, true, null, null, null, 1, "", false, List.of(new MispTag(tag, false)), event, sightings));
    }

    static int of(SightingCounts counts, String value) {
        var key = Indicators.key("ip-dst", value);
        return counts.of(new MergedIndicator(key.value(), key.family(), List.of("ip-dst"), List.of(), List.of(),
                List.of(), List.of(), null, false, null, null, List.of(), 1, 1));
    }

    /** A composite record found by one of its halves is filed under that half: its sightings count there too. */
    @Test
    void aCompositeRecordsSightingsCountUnderTheHalfItIsFiledUnder() {
        MispEvent event = new MispEvent("1", "e-c", "info", null, "org-a", null, 2, true, null, 1, List.of());
        MemberHit composite = new MemberHit(member("org-a"), new MispAttribute("1", "c1", "1", null, null,
                "Network activity", "domain|ip", "Evil.Example.|203.0.113.5", true, null, null, null, 1, "", false,
                List.of(new MispTag("tlp:green", false)), event, 4));
        MemberHit plain = hit("org-a", "p1", "203.0.113.5", "org-a", 2, "tlp:green");
        List<MemberHit> hits = List.of(composite, plain);
        var merged = new org.alliancesearch.model.merge.IndicatorMerger().merge(hits, AlliancePolicy.defaults(),
                org.alliancesearch.model.query.SearchQuery.ofValues(List.of("203.0.113.5")));
        MergedIndicator ip = merged.indicators().stream().filter(i -> i.value().equals("203.0.113.5")).findFirst()
                .orElseThrow();
        assertThat(ip.composites()).isNotEmpty();

        assertThat(SightingCounts.of(hits, POLICY).of(ip)).isEqualTo(6);
    }

    @Test
    void theSightingArrayIsReadWithCare() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String attribute = "{\"type\":\"ip-dst\",\"value\":\"192.0.2.1\",\"Sighting\":%s}";
        assertThat(MispJson.attribute(json.readTree(attribute.formatted(
                "[{\"uuid\":\"a\",\"type\":\"0\"},{\"uuid\":\"a\",\"type\":\"0\"},{\"uuid\":\"b\",\"type\":0},"
                        + "{\"uuid\":\"c\",\"type\":\"1\"},{\"uuid\":\"d\",\"type\":\"2\"},{\"id\":\"7\"},1,\"x\",null]")))
                .sightings()).isEqualTo(3);
        assertThat(MispJson.attribute(json.readTree(attribute.formatted("\"many\""))).sightings()).isZero();
        assertThat(MispJson.attribute(json.readTree(attribute.formatted("{\"uuid\":\"a\"}"))).sightings()).isZero();
        assertThat(MispJson.attribute(json.readTree("{\"type\":\"ip-dst\",\"value\":\"192.0.2.1\"}")).sightings())
                .isZero();
        StringBuilder huge = new StringBuilder("[");
        for (int i = 0; i < MispAttribute.MAX_SIGHTINGS + 50; i++) {
            huge.append(i == 0 ? "" : ",").append("{\"type\":\"0\"}");
        }
        assertThat(MispJson.attribute(json.readTree(attribute.formatted(huge + "]"))).sightings())
                .isEqualTo(MispAttribute.MAX_SIGHTINGS);
    }

    @Test
    void aRecordCountsOnceFromItsCreatorsCopy() {
        SightingCounts counts = SightingCounts.of(List.of(hit("org-b", "u1", "192.0.2.1", "org-a", 500, "tlp:green"),
                hit("org-a", "u1", "192.0.2.1", "org-a", 3, "tlp:green"),
                hit("org-c", "u1", "192.0.2.1", "org-a", 7, "tlp:green")), POLICY);
        assertThat(of(counts, "192.0.2.1")).isEqualTo(3);
        // without the creator's copy, the lowest speaks: another member's copy can never inflate the number
        counts = SightingCounts.of(List.of(hit("org-b", "u1", "192.0.2.1", "org-a", 5, "tlp:green"),
                hit("org-c", "u1", "192.0.2.1", "org-a", 700, "tlp:green")), POLICY);
        assertThat(of(counts, "192.0.2.1")).isEqualTo(5);
        counts = SightingCounts.of(List.of(hit("org-b", "u1", "192.0.2.1", "org-a", 0, "tlp:green"),
                hit("org-c", "u1", "192.0.2.1", "org-a", 700, "tlp:green")), POLICY);
        assertThat(of(counts, "192.0.2.1")).isZero();
    }

    @Test
    void differentRecordsOfOneIndicatorAddUp() {
        SightingCounts counts = SightingCounts.of(List.of(hit("org-a", "u1", "192.0.2.1", "org-a", 3, "tlp:green"),
                hit("org-b", "u2", "192.0.2.1", "org-b", 4, "tlp:green"),
                hit("org-b", null, "192.0.2.1", "org-b", 2, "tlp:green"),
                hit("org-c", null, "192.0.2.1", "org-c", 1, "tlp:green")), POLICY);
        assertThat(of(counts, "192.0.2.1")).isEqualTo(10);
        assertThat(of(counts, "192.0.2.2")).isZero();
    }

    @Test
    void aRecordAnyCopyHidesCountsForNothing() {
        SightingCounts counts = SightingCounts.of(List.of(hit("org-a", "u1", "192.0.2.1", "org-a", 3, "tlp:green"),
                hit("org-c", "u1", "192.0.2.1", "org-a", 0, "tlp:red"),
                hit("org-a", "u2", "192.0.2.1", "org-a", 2, "tlp:green")), POLICY);
        assertThat(of(counts, "192.0.2.1")).isEqualTo(2);
    }
}
