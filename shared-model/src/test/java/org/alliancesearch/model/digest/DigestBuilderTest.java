package org.alliancesearch.model.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.misp.MispEventDocument;
import org.alliancesearch.model.misp.MispGalaxyCluster;
import org.alliancesearch.model.misp.MispTag;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.policy.Tlp;
import org.alliancesearch.model.query.TimeWindow;
import org.alliancesearch.model.result.MemberRef;
import org.junit.jupiter.api.Test;

class DigestBuilderTest {
    static final Instant END = Instant.parse("2026-12-05T12:00:00Z");
    static final TimeWindow WEEK = TimeWindow.ending(END, Duration.ofDays(7));
    static final Instant IN = END.minus(Duration.ofDays(2));
    static final Instant OLD = END.minus(Duration.ofDays(30));
    static final MemberRef A = new MemberRef("1-a", "MISP A", "org-a", "http://a");
    static final MemberRef B = new MemberRef("2-b", "MISP B", "org-b", "http://b");
    /** A second instance of org-a: never a second organisation. */
    static final MemberRef A2 = new MemberRef("3-a2", "MISP A2", "org-a", "http://a2");
    static final MemberRef C = new MemberRef("4-c", "MISP C", "org-c", "http://c");

    private final DigestBuilder builder = new DigestBuilder(100, 10);

    static MispAttribute attr(String uuid, String type, String value, Instant ts, String... tags) {
        return new MispAttribute("1", uuid, "1", "0", null, "Network activity", type, value, true, ts, null, null, 5,
                "", false, Arrays.stream(tags).map(MispTag::of).toList(), null);
    }

    static MispEventDocument event(String uuid, Instant ts, List<String> tags, List<MispGalaxyCluster> galaxies,
            MispAttribute... attributes) {
        return new MispEventDocument("1", uuid, "info " + uuid, null, 2, 2, true, ts, ts, 1, null, null,
                tags.stream().map(MispTag::of).toList(), List.of(attributes), List.of(), 0, galaxies);
    }

    static MispEventDocument event(String uuid, Instant ts, MispAttribute... attributes) {
        return event(uuid, ts, List.of("tlp:green"), List.of(), attributes);
    }

    static MemberWindow ok(MemberRef m, MispEventDocument... events) {
        return new MemberWindow(m, "OK", false, null, List.of(events));
    }

    private Digest build(MemberWindow... answers) {
        return builder.build(WEEK, END, List.of(answers), AlliancePolicy.defaults(), Map.of());
    }

    private static List<String> values(Digest d) {
        return d.indicators().stream().map(Digest.SharedIndicator::value).toList();
    }

    @Test
    void anIndicatorIsListedWhenTwoOrganisationsReportedItInTheWindowNotOneOrganisationTwice() {
        Digest d = build(
                ok(A, event("e-a", IN, attr("a1", "ip-dst", "203.0.113.5", IN),
                        attr("a2", "domain", "only-a.example", IN), attr("a3", "domain", "twice-a.example", IN))),
                ok(A2, event("e-a2", IN, attr("a4", "domain", "twice-a.example", IN))),
                ok(B, event("e-b", IN, attr("b1", "ip-src", "203.0.113.5", IN))));

        assertThat(values(d)).containsExactly("203.0.113.5");
        Digest.SharedIndicator ip = d.indicators().get(0);
        assertThat(ip.family()).isEqualTo("ip");
        assertThat(ip.types()).containsExactly("ip-dst", "ip-src");
        assertThat(ip.organisations()).containsExactly("org-a", "org-b");
        assertThat(ip.firstReported()).isEqualTo(IN);
        assertThat(d.indicatorCount()).isEqualTo(1);
    }

    @Test
    void recordsOutsideTheWindowNeitherCountNorMakeAnIndicatorNew() {
        Instant justBefore = WEEK.from().minusSeconds(1);
        Digest d = build(
                // known before the window at org-a, reported again in it by org-b: not first reported this week
                ok(A, event("e-a", IN, attr("a1", "domain", "known.example", justBefore),
                        attr("a2", "domain", "new.example", WEEK.from()))),
                ok(B, event("e-b", IN, attr("b1", "domain", "known.example", IN),
                        attr("b2", "domain", "new.example", WEEK.to()))),
                // a report from before the window, in an event changed during it
                ok(C, event("e-c", IN, attr("c1", "domain", "old.example", OLD))));

        assertThat(values(d)).containsExactly("new.example");
        // org-c's old record counts in no total, and the window's edges are inside it
        assertThat(d.indicators().get(0).organisations()).containsExactly("org-a", "org-b");
        assertThat(activity(d, A).attributes()).isEqualTo(1);
        assertThat(activity(d, C).attributes()).isZero();
        assertThat(activity(d, C).events()).isEqualTo(1);
    }

    @Test
    void tagsAndClustersCountOrganisationsNotRows() {
        MispGalaxyCluster emotet = new MispGalaxyCluster("misp-galaxy:malpedia=\"Emotet\"", "malpedia", "Emotet");
        List<MispEventDocument> many = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // org-a: five events with the tag and the cluster (as MISP sends it: a galaxy and its tag)
            many.add(event("e-a" + i, IN, List.of("tlp:green", "ransomware", emotet.tagName()), List.of(emotet),
                    attr("a" + i, "domain", "a" + i + ".example", IN, "ransomware")));
        }
        Digest d = build(new MemberWindow(A, "OK", false, null, many),
                ok(B, event("e-b", IN, List.of("TLP:GREEN", "Phishing", "misp-galaxy:malpedia=\"emotet\""), List.of(),
                        attr("b1", "domain", "b.example", IN, "RANSOMWARE"))),
                ok(C, event("e-c", IN, List.of("phishing"),
                        List.of(new MispGalaxyCluster("misp-galaxy:threat-actor=\"Sofacy\"", "threat-actor",
                                "Sofacy")),
                        attr("c1", "domain", "c.example", IN))));

        assertThat(d.tags()).extracting(Digest.RankedTag::name, Digest.RankedTag::organisations)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Phishing", 2),
                        org.assertj.core.groups.Tuple.tuple("ransomware", 2));
        assertThat(d.clusters()).extracting(Digest.RankedCluster::value, Digest.RankedCluster::organisations)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Emotet", 2),
                        org.assertj.core.groups.Tuple.tuple("Sofacy", 1));
        assertThat(d.clusters().get(0).type()).isEqualTo("malpedia");
        assertThat(activity(d, A).events()).isEqualTo(5);
        assertThat(activity(d, A).attributes()).isEqualTo(5);
    }

    @Test
    void whatThePolicyHidesCountsNowhereNotEvenInTotals() {
        Digest d = builder.build(WEEK, END, List.of(
                ok(A, event("e-a", IN,
                        attr("red", "domain", "red.example", IN, "tlp:red"),
                        attr("kept", "domain", "kept.example", IN),
                        // org-a's copy carries the dropping tag; org-b's copy of the same uuid does not
                        attr("sync", "domain", "sync.example", IN, "internal:no-share")),
                        event("e-amber", IN, List.of("tlp:amber"), List.of(),
                                attr("amber", "domain", "amber.example", IN, "hidden-cluster-tag"))),
                ok(B, event("e-b", IN,
                        attr("red-b", "domain", "red.example", IN, "tlp:red"),
                        attr("kept-b", "domain", "kept.example", IN),
                        attr("sync", "domain", "sync.example", IN)),
                        // a red event copy hides the event at every member, whatever the others' copies say
                        event("e-amber", IN, List.of("tlp:red"), List.of(),
                                attr("amber", "domain", "amber.example", IN)),
                        event("e-galaxy-red", IN, List.of(),
                                List.of(new MispGalaxyCluster("misp-galaxy:x=\"y\"", "x", "y")),
                                attr("g", "domain", "g.example", IN, "tlp:red")))),
                new AlliancePolicy(Tlp.AMBER, List.of("tlp:red", "PAP:RED", "internal:*")), Map.of());

        assertThat(values(d)).containsExactly("kept.example");
        assertThat(activity(d, A).attributes()).isEqualTo(1);
        assertThat(activity(d, A).events()).isEqualTo(1);
        assertThat(activity(d, B).attributes()).isEqualTo(1);
        // an event whose every record is hidden does not count as added
        assertThat(activity(d, B).events()).isEqualTo(1);
        assertThat(d.tags()).isEmpty();
        assertThat(d.clusters()).isEmpty();
    }

    @Test
    void aMembersStricterPolicyRemovesOnlyItsOwnCopies() {
        Digest d = builder.build(WEEK, END, List.of(
                ok(A, event("e-a", IN, List.of("tlp:amber"), List.of(), attr("a1", "domain", "x.example", IN))),
                ok(B, event("e-b", IN, List.of("tlp:amber"), List.of(), attr("b1", "domain", "x.example", IN))),
                ok(C, event("e-c", IN, List.of("tlp:green"), List.of(), attr("c1", "domain", "x.example", IN)))),
                AlliancePolicy.defaults(), Map.of(A.id(), AlliancePolicy.of(Tlp.GREEN, "tlp:red")));

        assertThat(d.indicators().get(0).organisations()).containsExactly("org-b", "org-c");
        assertThat(activity(d, A).attributes()).isZero();
    }

    @Test
    void aFailedMemberIsNamedAndBreaksNothing() {
        Digest d = build(ok(A, event("e-a", IN, attr("a1", "domain", "x.example", IN))),
                new MemberWindow(B, "TIMEOUT", true, "no answer before the deadline", List.of()),
                ok(C, event("e-c", IN, attr("c1", "domain", "x.example", IN))));

        assertThat(values(d)).containsExactly("x.example");
        assertThat(d.failedMembers()).extracting(Digest.MemberActivity::name, Digest.MemberActivity::status,
                Digest.MemberActivity::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MISP B", "TIMEOUT",
                        "no answer before the deadline"));
        assertThat(d.members()).extracting(Digest.MemberActivity::name).containsExactly("MISP A", "MISP B",
                "MISP C");
    }

    @Test
    void theDigestDoesNotDependOnTheOrderOfTheAnswers() {
        List<MemberWindow> answers = new ArrayList<>(List.of(
                ok(A, event("e1", IN, List.of("Alpha", "misp-galaxy:a=\"b\""), List.of(),
                        attr("1", "domain", "x.example", IN, "beta"))),
                ok(B, event("e1", IN, List.of("alpha"), List.of(), attr("1", "domain", "x.example", IN, "Beta"))),
                ok(C, event("e3", OLD, List.of("ALPHA"), List.of(), attr("3", "domain", "y.example", IN)))));
        Digest first = builder.build(WEEK, END, answers, AlliancePolicy.defaults(), Map.of());
        for (int i = 0; i < 6; i++) {
            Collections.shuffle(answers, new java.util.Random(i));
            assertThat(builder.build(WEEK, END, answers, AlliancePolicy.defaults(), Map.of())).isEqualTo(first);
        }
        assertThat(first.tags().get(0)).isEqualTo(new Digest.RankedTag("Alpha", 3));
    }

    @Test
    void listsAreCappedButTheIndicatorCountIsNot() {
        List<MispAttribute> a = new ArrayList<>();
        List<MispAttribute> b = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            a.add(attr("a" + i, "domain", "v" + i + ".example", IN, "t" + i));
            b.add(attr("b" + i, "domain", "v" + i + ".example", IN, "t" + i));
        }
        Digest d = new DigestBuilder(3, 2).build(WEEK, END, List.of(
                ok(A, event("ea", IN, a.toArray(MispAttribute[]::new))),
                ok(B, event("eb", IN, b.toArray(MispAttribute[]::new)))), AlliancePolicy.defaults(), Map.of());

        assertThat(d.indicators()).hasSize(3);
        assertThat(d.indicatorCount()).isEqualTo(5);
        assertThat(d.tags()).hasSize(2);
    }

    private static Digest.MemberActivity activity(Digest d, MemberRef m) {
        return d.members().stream().filter(a -> a.memberId().equals(m.id())).findFirst().orElseThrow();
    }
}
