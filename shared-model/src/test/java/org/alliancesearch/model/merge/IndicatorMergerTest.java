package org.alliancesearch.model.merge;

import static org.alliancesearch.model.merge.Hits.attr;
import static org.alliancesearch.model.merge.Hits.event;
import static org.alliancesearch.model.merge.Hits.hit;
import static org.alliancesearch.model.merge.Hits.member;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.alliancesearch.model.indicator.CompositeHalf;
import org.alliancesearch.model.misp.MispEvent;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.policy.TagFilter;
import org.alliancesearch.model.policy.Tlp;
import org.alliancesearch.model.query.SearchQuery;
import org.alliancesearch.model.result.MemberHit;
import org.alliancesearch.model.result.MemberRef;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IndicatorMergerTest {
    static final MemberRef A = member("a", "Org A");
    static final MemberRef B = member("b", "Org B");
    static final MemberRef C = member("c", "Org C");
    static final String E1 = "11111111-1111-4111-8111-111111111111";
    static final String E2 = "22222222-2222-4222-8222-222222222222";
    static final String E3 = "33333333-3333-4333-8333-333333333333";

    final IndicatorMerger merger = new IndicatorMerger();

    @Test
    void aSearchForOneValueThatBringsManyIndicatorsKeepsThemAll() {
        // The tables start at the size one searched value needs and must grow for 300 indicators in 20 events.
        MemberRef a = member("m-a", "Org A");
        List<MemberHit> hits = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            hits.add(hit(a, attr("u-" + i, "domain", "d" + i + ".example")
                    .event(event("e-" + (i % 20), "Org A"))));
        }
        SearchQuery one = SearchQuery.ofValues(List.of("d0.example"));

        MergedResult searched = merger.merge(hits, AlliancePolicy.defaults(), one);
        MergedResult unsized = merger.merge(hits, AlliancePolicy.defaults(), TagFilter.none());

        assertThat(org.alliancesearch.model.indicator.SearchedValues.of(one.values()).exactValueCount()).isEqualTo(1);
        assertThat(searched.indicators()).hasSize(300).isEqualTo(unsized.indicators());
    }

    MergedResult merge(MemberHit... hits) {
        return merger.merge(List.of(hits), AlliancePolicy.defaults());
    }

    static MergedIndicator only(MergedResult r) {
        assertThat(r.indicators()).hasSize(1);
        return r.indicators().get(0);
    }

    @Nested
    class Dedup {
        /** The creator's instance speaks for its event, whichever member id sorts first. */
        @Test
        void theCreatorsCopyOfAnEventIsTheOneShown() {
            MemberRef creator = member("z-creator", "Org A");
            MemberRef other = member("a-other", "Org B");
            MispEvent mine = event(E1, "Org A");
            MispEvent theirs = new MispEvent("7", E1, "renamed by Org B", LocalDate.of(2024, 1, 1), "Org A", null, 2,
                    true, Instant.EPOCH, 1, List.of());
            for (boolean creatorFirst : new boolean[]{true, false}) {
                MemberHit a = hit(creator, attr("u1", "ip-dst", "1.2.3.4").event(mine));
                MemberHit b = hit(other, attr("u1", "ip-dst", "1.2.3.4").event(theirs));
                MergedIndicator i = only(creatorFirst ? merge(a, b) : merge(b, a));
                assertThat(i.events()).singleElement().satisfies(e -> {
                    assertThat(e.info()).isEqualTo("event " + E1);
                    assertThat(e.memberId()).isEqualTo("z-creator");
                });
            }
        }

        /**
         * Without uuids nothing can be matched across members: an empty attribute uuid and an event without uuid stay
         * each member's own, even when the same event object arrives from two members one after the other.
         */
        @Test
        void attributesAndEventsWithoutUuidStayEachMembersOwn() {
            MispEvent local = new MispEvent("7", "", "local event", LocalDate.of(2024, 1, 1), "Org A", null, 2, true,
                    Instant.EPOCH, 1, List.of());
            MergedResult r = merge(hit(A, attr("", "domain", "x.example").event(local)),
                    hit(A, attr("", "domain", "x.example").event(local)),
                    hit(B, attr("", "domain", "x.example").event(local)));
            MergedIndicator i = only(r);
            assertThat(i.attributeCount()).isEqualTo(2);
            assertThat(i.copyCount()).isEqualTo(3);
            assertThat(r.totals().duplicates()).isEqualTo(1);
            assertThat(i.events()).extracting(IndicatorEvent::memberId).containsExactly("a", "b");
        }

        /** More events than an indicator keeps in its arrays: each is listed once, from its creator's copy. */
        @Test
        void manyEventsOfOneIndicatorAreEachListedOnceFromTheCreator() {
            MemberRef creator = member("z-creator", "Org A");
            MemberRef other = member("a-other", "Org B");
            List<MemberHit> hits = new ArrayList<>();
            for (int n = 0; n < 40; n++) {
                String uuid = String.format("%08d-1111-4111-8111-111111111111", n);
                LocalDate date = LocalDate.of(2024, 1, 1).plusDays(n);
                MispEvent mine = event(uuid, "Org A", date);
                MispEvent copy = new MispEvent("9", uuid, "doctored", date, "Org A", null, 2, true, Instant.EPOCH, 1,
                        List.of());
                // Two attributes of the event, so that the indicator itself chooses between the event's copies.
                hits.add(hit(creator, attr("c" + n, "domain", "x.example").event(mine)));
                hits.add(hit(other, attr("o" + n, "domain", "x.example").event(copy)));
            }
            for (long seed = 1; seed <= 3; seed++) {
                Collections.shuffle(hits, new Random(seed));
                MergedIndicator i = only(merger.merge(hits, AlliancePolicy.defaults()));
                assertThat(i.events()).hasSize(40).allSatisfy(e -> {
                    assertThat(e.memberId()).isEqualTo("z-creator");
                    assertThat(e.info()).isEqualTo("event " + e.uuid());
                });
                assertThat(i.events().get(0).date()).isEqualTo(LocalDate.of(2024, 1, 1).plusDays(39));
                assertThat(i.events().get(39).date()).isEqualTo(LocalDate.of(2024, 1, 1));
            }
        }

        @Test
        void sameUuidFromSeveralMembersIsOneAttributeSeenAtSeveralMembers() {
            MispEvent e = event(E1, "CIRCL");
            MergedResult r = merge(hit(A, attr("u1", "ip-dst", "1.2.3.4").event(e)),
                    hit(B, attr("u1", "ip-dst", "1.2.3.4").event(e)),
                    hit(C, attr("u1", "ip-dst", "1.2.3.4").event(e)));

            MergedIndicator i = only(r);
            assertThat(i.attributeCount()).isEqualTo(1);
            assertThat(i.copyCount()).isEqualTo(3);
            assertThat(i.members()).extracting(IndicatorMember::id).containsExactly("a", "b", "c");
            assertThat(i.organisations()).containsExactly("CIRCL");
            assertThat(i.events()).hasSize(1);
            assertThat(r.totals()).isEqualTo(new MergeTotals(1, 3, 2, 0, 0, new MergeTotals.PolicyRemovals(0, 0, 0)));
        }

        @Test
        void ipSrcAndIpDstOfOneAddressAreOneIndicator() {
            MergedIndicator i = only(merge(hit(A, attr("u1", "ip-src", "1.2.3.4").event(event(E1, "X"))),
                    hit(B, attr("u2", "ip-dst", "1.2.3.4").event(event(E2, "Y")))));

            assertThat(i.value()).isEqualTo("1.2.3.4");
            assertThat(i.family()).isEqualTo("ip");
            assertThat(i.types()).containsExactly("ip-dst", "ip-src");
            assertThat(i.attributeCount()).isEqualTo(2);
            assertThat(i.organisations()).containsExactly("X", "Y");
        }

        @Test
        void domainCaseAndTrailingDotAreOneIndicator() {
            MergedIndicator i = only(merge(hit(A, attr("u1", "domain", "EVIL.example.")),
                    hit(B, attr("u2", "domain", "evil.example"))));
            assertThat(i.value()).isEqualTo("evil.example");
            assertThat(i.attributeCount()).isEqualTo(2);
        }

        @Test
        void hashCaseDoesNotSplitAnIndicator() {
            String h = "D41D8CD98F00B204E9800998ECF8427E";
            MergedIndicator i = only(merge(hit(A, attr("u1", "md5", h)), hit(B, attr("u2", "md5", h.toLowerCase()))));
            assertThat(i.value()).isEqualTo(h.toLowerCase());
        }

        @Test
        void differentValuesStaySeparate() {
            MergedResult r = merge(hit(A, attr("u1", "ip-dst", "1.2.3.4")), hit(A, attr("u2", "ip-dst", "1.2.3.5")));
            assertThat(r.indicators()).extracting(MergedIndicator::value).containsExactlyInAnyOrder("1.2.3.4",
                    "1.2.3.5");
            assertThat(r.totals().duplicates()).isZero();
        }

        @Test
        void creatorOrganisationIsOrgcElseTheMembersOwn() {
            MergedIndicator i = only(merge(hit(A, attr("u1", "domain", "x.example").event(event(E1, "CIRCL"))),
                    hit(B, attr("u2", "domain", "x.example").event(event(E2, null))),
                    hit(C, attr("u3", "domain", "x.example"))));
            assertThat(i.organisations()).containsExactly("CIRCL", "Org B", "Org C");
        }

        @Test
        void eventsAreDeduplicatedByUuidAndLinkToTheMember() {
            MispEvent e1 = event(E1, "CIRCL", LocalDate.of(2024, 3, 1));
            MispEvent e2 = event(E2, "CIRCL", LocalDate.of(2024, 5, 1));
            MergedIndicator i = only(merge(hit(B, attr("u1", "domain", "x.example").event(e1)),
                    hit(A, attr("u1", "domain", "x.example").event(e1)),
                    hit(A, attr("u2", "hostname", "X.example").event(e1)),
                    hit(C, attr("u3", "domain", "x.example").event(e2))));

            assertThat(i.events()).extracting(IndicatorEvent::uuid).containsExactly(E2, E1); // newest first
            IndicatorEvent first = i.events().get(1);
            assertThat(first.memberId()).isEqualTo("a");
            assertThat(first.memberName()).isEqualTo("MISP a");
            assertThat(first.url()).isEqualTo("https://misp.a.example/events/view/" + E1);
            assertThat(first.organisation()).isEqualTo("CIRCL");
            assertThat(first.info()).isEqualTo("event " + E1);
            assertThat(first.threatLevel()).isEqualTo(2);
            assertThat(first.date()).isEqualTo(LocalDate.of(2024, 3, 1));
        }

        @Test
        void aMalformedEventUuidGetsNoLink() {
            MergedIndicator i = only(merge(hit(A, attr("u1", "domain", "x.example").event(event("../../admin",
                    "X")))));
            assertThat(i.events().get(0).url()).isNull();
        }

        @Test
        void effectiveTlpIsTheMostRestrictiveAndNullWhenUntagged() {
            MergedResult r = merge(hit(A, attr("u1", "domain", "x.example").tags("tlp:green")),
                    hit(B, attr("u2", "domain", "x.example").tags("TLP:AMBER")),
                    hit(C, attr("u3", "domain", "y.example")));
            MergedIndicator x = r.indicators().stream().filter(i -> i.value().equals("x.example")).findFirst()
                    .orElseThrow();
            MergedIndicator y = r.indicators().stream().filter(i -> i.value().equals("y.example")).findFirst()
                    .orElseThrow();
            assertThat(x.tlp()).isEqualTo(Tlp.AMBER);
            assertThat(y.tlp()).isNull();
        }

        @Test
        void toIdsIsAnyAndTimesAreMinAndMaxOverAllTimestamps() {
            MergedIndicator i = only(merge(
                    hit(A, attr("u1", "domain", "x.example").toIds(false).timestamp("2024-02-01T00:00:00Z")
                            .seen("2023-06-01T00:00:00Z", null)),
                    hit(B, attr("u2", "domain", "x.example").toIds(true).timestamp("2024-01-01T00:00:00Z")
                            .seen(null, "2025-01-01T10:00:00Z")),
                    hit(C, attr("u3", "domain", "x.example").toIds(false).timestamp(null))));
            assertThat(i.toIds()).isTrue();
            assertThat(i.firstSeen()).isEqualTo(Instant.parse("2023-06-01T00:00:00Z"));
            assertThat(i.lastSeen()).isEqualTo(Instant.parse("2025-01-01T10:00:00Z"));
        }

        @Test
        void tagsAreUnitedCaseInsensitivelyInOneSpelling() {
            MergedIndicator i = only(merge(
                    hit(A, attr("u1", "domain", "x.example").tags("OSINT:source-type=\"blog-post\"", "tlp:white")),
                    hit(B, attr("u2", "domain", "x.example").tags("osint:source-type=\"blog-post\"", "TLP:CLEAR")),
                    hit(C, attr("u3", "domain", "x.example").tags("Phishing").event(event(E3, "Z", "phishing")))));
            assertThat(i.tags()).containsExactly("osint:source-type=\"blog-post\"", "phishing", "tlp:clear");
            assertThat(i.tlp()).isEqualTo(Tlp.CLEAR);
        }

        @Test
        void deletedAttributesAreNeverShownEvenWhenAnotherCopyIsNot() {
            MergedResult r = merge(hit(A, attr("u1", "domain", "x.example")),
                    hit(B, attr("u1", "domain", "x.example").deleted()), hit(C, attr("u2", "domain", "y.example")));
            assertThat(r.indicators()).extracting(MergedIndicator::value).containsExactly("y.example");
            assertThat(r.totals().deleted()).isEqualTo(1);
            assertThat(r.totals().removedByPolicy()).isZero();
        }

        @Test
        void orderingIsMoreOrganisationsFirstThenMostRecentThenValue() {
            MergedResult r = merge(
                    hit(A, attr("u1", "domain", "old.example").timestamp("2020-01-01T00:00:00Z")),
                    hit(A, attr("u2", "domain", "new.example").timestamp("2024-01-01T00:00:00Z")),
                    hit(A, attr("u3", "domain", "b-tie.example").timestamp("2022-01-01T00:00:00Z")),
                    hit(B, attr("u4", "domain", "a-tie.example").timestamp("2022-01-01T00:00:00Z")),
                    hit(A, attr("u5", "domain", "wide.example").timestamp("2010-01-01T00:00:00Z")),
                    hit(B, attr("u6", "domain", "wide.example").timestamp("2010-01-01T00:00:00Z")));
            assertThat(r.indicators()).extracting(MergedIndicator::value).containsExactly("wide.example",
                    "new.example", "a-tie.example", "b-tie.example", "old.example");
        }

        /** Found by the reference merger: one member's events without uuid on one date were listed as they came. */
        @Test
        void eventsWithoutUuidOnOneDateAreListedInAFixedOrder() {
            MispEvent first = new MispEvent("1", null, "first", LocalDate.of(2024, 1, 1), "Org A", null, 2, true,
                    Instant.EPOCH, 1, List.of());
            MispEvent second = new MispEvent("2", null, "second", LocalDate.of(2024, 1, 1), "Org A", null, 2, true,
                    Instant.EPOCH, 1, List.of());
            MemberHit x = hit(A, attr("u1", "domain", "x.example").event(first));
            MemberHit y = hit(A, attr("u2", "domain", "x.example").event(second));
            assertThat(only(merge(x, y)).events()).isEqualTo(only(merge(y, x)).events());
        }

        /**
         * Found by the reference merger: two copies of one event without uuid (same id at one member), one with an
         * empty uuid and one with none, showed whichever came first.
         */
        @Test
        void copiesOfAnEventWithAnEmptyUuidOrNoneShowTheSameOneInEitherOrder() {
            MispEvent empty = new MispEvent("1", "", "event", LocalDate.of(2024, 1, 1), "Org A", null, 2, true,
                    Instant.EPOCH, 1, List.of());
            MispEvent none = new MispEvent("1", null, "event", LocalDate.of(2024, 1, 1), "Org A", null, 2, true,
                    Instant.EPOCH, 1, List.of());
            MemberHit x = hit(A, attr("u1", "domain", "x.example").event(empty));
            MemberHit y = hit(A, attr("u2", "domain", "x.example").event(none));
            assertThat(only(merge(x, y)).events()).hasSize(1).isEqualTo(only(merge(y, x)).events());
        }

        /** Found by the reference merger: a member renamed during the search counted its records twice. */
        @Test
        void aRenamedMemberCountsEachRecordOnce() {
            MemberRef renamed = new MemberRef("a", "MISP a (renamed)", "Org A", "https://misp.a.example");
            MergedResult r = merge(hit(A, attr("u1", "domain", "x.example")), hit(renamed, attr("u1", "domain",
                    "x.example")), hit(renamed, attr("u2", "domain", "y.example").tags("tlp:red")));
            assertThat(r.tally("a")).isEqualTo(new MergedResult.MemberTally(1, 1));
            assertThat(only(r).members()).containsExactly(new IndicatorMember("a", "MISP a"));
        }

        /** Found by the reference merger: a link was built from a uuid written in other scripts' digits. */
        @Test
        void aUuidInNonAsciiDigitsGetsNoLink() {
            String fullwidth = "\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11-1111-4111-8111-111111111111";
            MergedIndicator i = only(merge(hit(A, attr("u1", "domain", "x.example").event(event(fullwidth, "X")))));
            assertThat(i.events()).singleElement().satisfies(e -> assertThat(e.url()).isNull());
        }

        /** Found by the reference merger: an indicator with no timestamp at all was listed before the dated ones. */
        @Test
        void anIndicatorNeverSeenComesAfterTheDatedOnes() {
            for (boolean undatedFirst : new boolean[]{true, false}) {
                MemberHit undated = hit(A, attr("u1", "domain", "a-undated.example").timestamp(null));
                MemberHit dated = hit(A, attr("u2", "domain", "z-dated.example").timestamp("2020-01-01T00:00:00Z"));
                MergedResult r = undatedFirst ? merge(undated, dated) : merge(dated, undated);
                assertThat(r.indicators()).extracting(MergedIndicator::value).containsExactly("z-dated.example",
                        "a-undated.example");
                assertThat(r.indicators()).isSortedAccordingTo(IndicatorMerger.ORDER);
            }
        }

        @Test
        void manyTagsAndMembersAreAllListedInOrder() {
            // More distinct tags and members than fit in the merge's inline bit words.
            List<MemberHit> hits = new ArrayList<>();
            List<String> expectedTags = new ArrayList<>();
            List<String> expectedMembers = new ArrayList<>();
            for (int m = 0; m < 70; m++) {
                MemberRef member = member(String.format("m%03d", m), "Org " + m);
                expectedMembers.add(member.id());
                for (int t = 0; t < 3; t++) {
                    String tag = "tag:" + (m * 3 + t);
                    expectedTags.add(tag);
                    hits.add(hit(member, attr("u" + m + "-" + t, "domain", "x.example").tags(tag)));
                }
                hits.add(hit(member, attr("shared", "domain", "x.example").tags("TAG:" + m * 3)));
            }
            Collections.sort(expectedTags);
            MergedIndicator i = only(merger.merge(hits, AlliancePolicy.defaults()));
            assertThat(i.tags()).containsExactlyElementsOf(expectedTags);
            assertThat(i.members()).extracting(IndicatorMember::id).containsExactlyElementsOf(expectedMembers);
            assertThat(i.attributeCount()).isEqualTo(70 * 3 + 1);
            assertThat(i.copyCount()).isEqualTo(70 * 4);
        }

        @Test
        void noHitsIsAnEmptyResult() {
            MergedResult r = merger.merge(List.of(), AlliancePolicy.defaults());
            assertThat(r.indicators()).isEmpty();
            assertThat(r.totals()).isEqualTo(new MergeTotals(0, 0, 0, 0));
        }
    }

    /** A member that reuses another member's attribute uuid with other content. */
    @Nested
    class ReusedUuid {
        static final String HOSTILE_VALUE = "<script>alert(1)</script>update-check.alliance-demo.example";
        static final String E9 = "99999999-9999-4999-8999-999999999999";

        /** Sorts before "a" (its copy would stand for the attribute if copies were merged by uuid alone)... */
        final MemberRef first = member("0-hostile", "Hostile Org");
        /** ...and after it. */
        final MemberRef last = member("z-hostile", "Hostile Org");

        MemberHit honest() {
            return hit(A, attr("u1", "domain", "update-check.alliance-demo.example").tags("tlp:green")
                    .event(event(E1, "Honest Org")));
        }

        MemberHit hostile(MemberRef hostile) {
            return hit(hostile, attr("u1", "domain", HOSTILE_VALUE).tags("Hostile-tag")
                    .event(event(E9, "Hostile Org")));
        }

        void assertSeparate(MergedResult r, MemberRef hostile) {
            assertThat(r.indicators()).hasSize(2);
            MergedIndicator clean = r.indicators().stream().filter(i -> !i.value().contains("<")).findFirst()
                    .orElseThrow();
            MergedIndicator bad = r.indicators().stream().filter(i -> i.value().contains("<")).findFirst()
                    .orElseThrow();
            assertThat(clean.value()).isEqualTo("update-check.alliance-demo.example");
            assertThat(clean.members()).extracting(IndicatorMember::id).containsExactly("a");
            assertThat(clean.organisations()).containsExactly("Honest Org");
            assertThat(clean.tags()).containsExactly("tlp:green");
            assertThat(clean.events()).extracting(IndicatorEvent::uuid).containsExactly(E1);
            assertThat(clean.attributeCount()).isEqualTo(1);
            assertThat(clean.copyCount()).isEqualTo(1);
            assertThat(bad.members()).extracting(IndicatorMember::id).containsExactly(hostile.id());
            assertThat(bad.organisations()).containsExactly("Hostile Org");
            assertThat(bad.events()).extracting(IndicatorEvent::uuid).containsExactly(E9);
            assertThat(r.totals().duplicates()).isZero();
            assertThat(r.totals().attributes()).isEqualTo(2);
        }

        @Test
        void aHostileCopyWithOtherContentStaysTheHostileMembersOwnWhenItArrivesFirst() {
            assertSeparate(merge(hostile(first), honest()), first);
            assertSeparate(merge(hostile(last), honest()), last);
        }

        @Test
        void aHostileCopyWithOtherContentStaysTheHostileMembersOwnWhenItArrivesLast() {
            assertSeparate(merge(honest(), hostile(first)), first);
            assertSeparate(merge(honest(), hostile(last)), last);
        }

        @Test
        void anotherTypeFamilyUnderTheSameUuidIsAnotherAttribute() {
            for (List<MemberHit> hits : List.of(
                    List.of(hit(first, attr("u1", "ip-dst", "10.9.9.9")), hit(A, attr("u1", "domain", "x.example"))),
                    List.of(hit(A, attr("u1", "domain", "x.example")), hit(first, attr("u1", "ip-dst", "10.9.9.9"))))) {
                MergedResult r = merger.merge(hits, AlliancePolicy.defaults());
                assertThat(r.indicators()).extracting(MergedIndicator::value).containsExactlyInAnyOrder("x.example",
                        "10.9.9.9");
                assertThat(r.indicators()).allSatisfy(i -> assertThat(i.members()).hasSize(1));
                assertThat(r.totals().duplicates()).isZero();
            }
        }

        @Test
        void aDroppingTagOnACopyWithOtherContentDoesNotRemoveTheOtherMembersRecord() {
            MemberHit red = hit(first, attr("u1", "domain", HOSTILE_VALUE).tags("tlp:red")
                    .event(event(E9, "Hostile Org")));
            for (MergedResult r : List.of(merge(red, honest()), merge(honest(), red))) {
                MergedIndicator i = only(r);
                assertThat(i.value()).isEqualTo("update-check.alliance-demo.example");
                assertThat(i.members()).extracting(IndicatorMember::id).containsExactly("a");
                assertThat(r.totals().removedBy().droppingTag()).isEqualTo(1);
            }
        }

        @Test
        void theSameValueInAnotherEventIsAnotherAttributeAndKeepsItsOwnEventLink() {
            MemberHit claim = hit(first, attr("u1", "domain", "update-check.alliance-demo.example")
                    .event(event(E9, "Hostile Org")));
            for (MergedResult r : List.of(merge(claim, honest()), merge(honest(), claim))) {
                MergedIndicator i = only(r);
                assertThat(i.attributeCount()).isEqualTo(2);
                assertThat(r.totals().duplicates()).isZero();
                assertThat(i.events()).filteredOn(ev -> ev.uuid().equals(E1)).singleElement()
                        .satisfies(ev -> assertThat(ev.memberId()).isEqualTo("a"));
            }
        }

        @Test
        void honestCopiesInOtherSpellingsAreStillOneAttribute() {
            MispEvent e = event(E1, "CIRCL");
            List<MemberHit> hits = List.of(hit(A, attr("u1", "ip-src", "10.0.0.1").event(e)),
                    hit(B, attr("u1", "ip-dst", "10.0.0.1").event(event(E1, "CIRCL"))),
                    hit(C, attr("u2", "domain", "EVIL.example.").event(e)),
                    hit(A, attr("u2", "hostname", "evil.example").event(e)));
            List<MemberHit> reversed = new ArrayList<>(hits);
            Collections.reverse(reversed);
            for (List<MemberHit> order : List.of(hits, reversed)) {
                MergedResult r = merger.merge(order, AlliancePolicy.defaults());
                assertThat(r.indicators()).hasSize(2).allSatisfy(i -> {
                    assertThat(i.attributeCount()).isEqualTo(1);
                    assertThat(i.copyCount()).isEqualTo(2);
                });
                assertThat(r.totals().duplicates()).isEqualTo(2);
            }
        }
    }

    /**
     * Several members return the same record (uuid and content agree): the copy of the member whose organisation
     * created it speaks for its fields, else a copy whose creator claim stands, else the smallest member id; holders
     * are all of them, and the policy still looks at every copy.
     */
    @Nested
    class SameRecord {
        /** Sorts before "a": by member id alone its copy would speak for the record. */
        final MemberRef hostile = member("0-hostile", "Hostile Org");

        MemberHit owners() {
            return hit(A, attr("u1", "domain", "x.example").tags("tlp:green").event(event(E1, "Org A")));
        }

        MemberHit reused(String orgc, String... tags) {
            return hit(hostile, attr("u1", "domain", "X.example.").tags(tags).category("Artifacts dropped")
                    .toIds(true).timestamp("2030-01-01T00:00:00Z").event(event(E1, orgc)));
        }

        @Test
        void aMemberReusingTheOwnersUuidWithExtraTagsDoesNotChangeTheOwnersRecord() {
            MemberHit copy = reused("Org A", "tlp:green", "hostile:extra");
            for (MergedResult r : List.of(merge(owners(), copy), merge(copy, owners()))) {
                MergedIndicator i = only(r);
                assertThat(i.tags()).containsExactly("tlp:green");
                assertThat(i.tlp()).isEqualTo(Tlp.GREEN);
                assertThat(i.categories()).containsExactly("Network activity");
                assertThat(i.toIds()).isFalse();
                assertThat(i.lastSeen()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
                assertThat(i.organisations()).containsExactly("Org A");
                assertThat(i.members()).extracting(IndicatorMember::id).containsExactly("0-hostile", "a");
                assertThat(i.attributeCount()).isEqualTo(1);
                assertThat(i.copyCount()).isEqualTo(2);
                assertThat(r.totals().duplicates()).isEqualTo(1);
            }
        }

        /**
         * A copy naming another creator (here an organisation outside the alliance) neither adds that organisation nor
         * speaks: the owner's copy is its creator's own. (A copy naming its own member's organisation would be a creator's
         * copy too; two such copies are told apart by member id only.)
         */
        @Test
        void aReusedCopyNamingAnotherCreatorAddsNoOrganisation() {
            MemberHit copy = reused("CIRCL", "hostile:extra");
            for (MergedResult r : List.of(merge(owners(), copy), merge(copy, owners()))) {
                MergedIndicator i = only(r);
                assertThat(i.organisations()).containsExactly("Org A");
                assertThat(i.tags()).containsExactly("tlp:green");
            }
        }

        @Test
        void withoutTheCreatorsCopyTheSmallestMemberIdSpeaks() {
            MemberHit a = hit(A, attr("u1", "domain", "x.example").tags("osint:a").event(event(E1, "CIRCL")));
            MemberHit b = hit(B, attr("u1", "domain", "x.example").tags("osint:b").category("Other")
                    .event(event(E1, "CIRCL")));
            for (MergedResult r : List.of(merge(a, b), merge(b, a))) {
                MergedIndicator i = only(r);
                assertThat(i.tags()).containsExactly("osint:a");
                assertThat(i.categories()).containsExactly("Network activity");
                assertThat(i.members()).extracting(IndicatorMember::id).containsExactly("a", "b");
            }
        }

        /** Tags decide the policy: a copy that drops the owner's TLP:RED tag must not make the record visible. */
        @Test
        void aCopyDroppingTheOwnersRedTagLeavesTheRecordHidden() {
            MemberHit red = hit(A, attr("u1", "domain", "x.example").tags("TLP:RED").event(event(E1, "Org A")));
            MemberHit stripped = reused("Org A", "tlp:clear");
            for (MergedResult r : List.of(merge(red, stripped), merge(stripped, red))) {
                assertThat(r.indicators()).isEmpty();
                assertThat(r.totals().removedBy().droppingTag()).isEqualTo(1);
                assertThat(r.tally("a")).isEqualTo(new MergedResult.MemberTally(0, 1));
            }
        }

        /** The effective TLP is the most restrictive over every copy, even where another copy speaks. */
        @Test
        void theEffectiveTlpIsTheMostRestrictiveOfAllCopies() {
            MemberHit clear = hit(A, attr("u1", "domain", "x.example").tags("tlp:clear").event(event(E1, "CIRCL")));
            MemberHit amber = hit(B, attr("u1", "domain", "x.example").tags("tlp:amber").event(event(E1, "CIRCL")));
            for (MergedResult r : List.of(merge(clear, amber), merge(amber, clear))) {
                MergedIndicator i = only(r);
                assertThat(i.tags()).containsExactly("tlp:clear");
                assertThat(i.tlp()).isEqualTo(Tlp.AMBER);
            }
        }
    }

    @Nested
    class Policy {
        @Test
        void aDroppingTagOnTheAttributeRemovesItAndLeaksNothing() {
            MergedResult r = merge(hit(A, attr("u1", "domain", "x.example").tags("tlp:green")),
                    hit(C, attr("u2", "domain", "x.example").tags("pap:Red").event(event(E3, "Secret Org"))));
            MergedIndicator i = only(r);
            assertThat(i.members()).extracting(IndicatorMember::id).containsExactly("a");
            assertThat(i.organisations()).containsExactly("Org A");
            assertThat(i.events()).isEmpty();
            assertThat(i.tags()).containsExactly("tlp:green");
            assertThat(i.attributeCount()).isEqualTo(1);
            assertThat(r.totals().removedByPolicy()).isEqualTo(1);
            assertThat(r.totals().removedBy()).isEqualTo(new MergeTotals.PolicyRemovals(1, 0, 0));
            // per member: what is shown, and (for administrators) what was removed
            assertThat(r.tally("a")).isEqualTo(new MergedResult.MemberTally(1, 0));
            assertThat(r.tally("c")).isEqualTo(new MergedResult.MemberTally(0, 1));
            assertThat(r.tally("nobody")).isEqualTo(MergedResult.MemberTally.NONE);
        }

        @Test
        void aDroppingTagOnOneSynchronisedCopyRemovesEveryCopy() {
            MergedResult r = merge(hit(A, attr("u1", "domain", "x.example")),
                    hit(B, attr("u1", "domain", "x.example").tags("TLP:RED")));
            assertThat(r.indicators()).isEmpty();
            assertThat(r.totals().duplicates()).isEqualTo(1);
            // the member whose own copy is clean shows nothing either: its count would tell the record exists
            assertThat(r.tally("a")).isEqualTo(new MergedResult.MemberTally(0, 1));
            assertThat(r.tally("b")).isEqualTo(new MergedResult.MemberTally(0, 1));
            assertThat(r.totals().removedBy().droppingTag()).isEqualTo(1);
        }

        @Test
        void aDroppingTagOnTheEventRemovesEveryAttributeOfThatEventAtEveryMember() {
            // Member B has the event tagged tlp:red; member A returns another attribute of the same event untagged.
            MergedResult r = merge(hit(B, attr("u1", "domain", "x.example").event(event(E1, "CIRCL", "tlp:red"))),
                    hit(A, attr("u2", "ip-dst", "10.0.0.1").event(event(E1, "CIRCL"))),
                    hit(A, attr("u3", "ip-dst", "10.0.0.2").event(event(E2, "CIRCL"))));
            assertThat(r.indicators()).extracting(MergedIndicator::value).containsExactly("10.0.0.2");
            assertThat(r.totals().removedBy().droppingTag()).isEqualTo(2);
        }

        /**
         * Found by the reference merger: the tags of an event without uuid and id (nothing to match it by) did not
         * count for the policy, so a PAP:RED event showed its attributes.
         */
        @Test
        void aDroppingTagOnAnEventWithoutUuidOrIdRemovesItsAttribute() {
            MispEvent local = new MispEvent(null, null, "local", LocalDate.of(2024, 1, 1), "Org A", null, 2, true,
                    Instant.EPOCH, 1, List.of(new org.alliancesearch.model.misp.MispTag("PAP:RED", true)));
            MergedResult r = merge(hit(A, attr("u1", "domain", "x.example").event(local)));
            assertThat(r.indicators()).isEmpty();
            assertThat(r.totals().removedBy().droppingTag()).isEqualTo(1);
        }

        @Test
        void anInheritedDroppingTagCountsAsAnEventTag() {
            MergedResult r = merge(
                    hit(B, attr("u1", "domain", "x.example").inherited("PAP:RED").event(event(E1, "CIRCL"))),
                    hit(A, attr("u2", "domain", "y.example").event(event(E1, "CIRCL"))));
            assertThat(r.indicators()).isEmpty();
        }

        @Test
        void aTlpAboveTheMaximumIsRemovedAndCountedSeparately() {
            MispEvent strict = event(E1, "X", "tlp:amber+strict");
            MergedResult byDefault = merge(hit(A, attr("u1", "domain", "x.example").event(strict)),
                    hit(A, attr("u2", "domain", "y.example").tags("TLP:AMBER")));
            assertThat(byDefault.indicators()).extracting(MergedIndicator::value).containsExactly("y.example");
            assertThat(byDefault.totals().removedBy()).isEqualTo(new MergeTotals.PolicyRemovals(0, 1, 0));

            MergedResult lenient = merger.merge(
                    List.of(hit(A, attr("u1", "domain", "x.example").event(strict))),
                    AlliancePolicy.of(Tlp.AMBER_STRICT));
            assertThat(only(lenient).tlp()).isEqualTo(Tlp.AMBER_STRICT);

            MergedResult greenOnly = merger.merge(
                    List.of(hit(A, attr("u2", "domain", "y.example").tags("TLP:AMBER")),
                            hit(A, attr("u3", "domain", "z.example").tags("tlp:white"))),
                    AlliancePolicy.of(Tlp.GREEN));
            assertThat(greenOnly.indicators()).extracting(MergedIndicator::value).containsExactly("z.example");
        }

        @Test
        void redIsReportedAsDroppingTagWhenBothReasonsApply() {
            MergedResult r = merge(hit(A, attr("u1", "domain", "x.example").tags("tlp:red")));
            assertThat(r.totals().removedBy()).isEqualTo(new MergeTotals.PolicyRemovals(1, 0, 0));
        }

        @Test
        void customDroppingPatternsUseWildcards() {
            MergedResult r = merger.merge(List.of(hit(A, attr("u1", "domain", "x.example").tags("Internal:Secret")),
                    hit(A, attr("u2", "domain", "y.example").tags("internal-ish"))),
                    AlliancePolicy.of(Tlp.RED, "internal:*"));
            assertThat(r.indicators()).extracting(MergedIndicator::value).containsExactly("y.example");
        }

        @Test
        void theQueryTagFilterIsAppliedAgainWithEventTagsCounting() {
            List<MemberHit> hits = List.of(hit(A, attr("u1", "domain", "a.example").tags("osint:source-type=\"x\"")),
                    hit(A, attr("u2", "domain", "b.example").event(event(E1, "X", "OSINT:certainty=\"50\""))),
                    hit(A, attr("u3", "domain", "c.example").tags("phishing")),
                    hit(A, attr("u4", "domain", "d.example").tags("osint:x", "misp-galaxy:tool=\"X\"")));
            MergedResult r = merger.merge(hits, AlliancePolicy.defaults(),
                    new TagFilter(List.of("osint:*"), List.of("*galaxy*")));
            assertThat(r.indicators()).extracting(MergedIndicator::value).containsExactlyInAnyOrder("a.example",
                    "b.example");
            assertThat(r.totals().removedBy()).isEqualTo(new MergeTotals.PolicyRemovals(0, 0, 2));

            SearchQuery query = new SearchQuery(List.of("x"), null, null, List.of("tlp:white"), null, null, null,
                    null, null, null);
            MergedResult byQuery = merger.merge(List.of(hit(A, attr("u1", "domain", "a.example").tags("TLP:CLEAR")),
                    hit(A, attr("u2", "domain", "b.example").tags("tlp:green"))), AlliancePolicy.defaults(), query);
            assertThat(byQuery.indicators()).extracting(MergedIndicator::value).containsExactly("a.example");
        }

        @Test
        void totalsAddUp() {
            MergedResult r = merge(hit(A, attr("u1", "domain", "a.example")),
                    hit(B, attr("u1", "domain", "a.example")), hit(A, attr("u2", "domain", "b.example").deleted()),
                    hit(A, attr("u3", "domain", "c.example").tags("tlp:red")),
                    hit(A, attr("u4", "domain", "a.example").tags("tlp:amber")));
            MergeTotals t = r.totals();
            int shown = r.indicators().stream().mapToInt(MergedIndicator::attributeCount).sum();
            assertThat(t.attributes() - t.duplicates() - t.deleted() - t.removedByPolicy()).isEqualTo(shown)
                    .isEqualTo(2);
        }
    }

    /** Composite records are filed under each half the search asked for. */
    @Nested
    class Composites {
        static final String SHA = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

        MergedResult search(List<String> values, MemberHit... hits) {
            return merger.merge(List.of(hits), AlliancePolicy.defaults(), SearchQuery.ofValues(values));
        }

        static MergedIndicator find(MergedResult r, String family, String value) {
            return r.indicators().stream().filter(i -> i.family().equals(family) && i.value().equals(value))
                    .findFirst().orElseThrow(() -> new AssertionError(family + " " + value + " not in " + r));
        }

        @Test
        void anIpSearchFindsADomainIpRecordUnderTheIpAndCountsItsOrganisation() {
            MergedResult r = search(List.of("203.0.113.5"),
                    hit(A, attr("u1", "ip-dst", "203.0.113.5").event(event(E1, "Org A"))),
                    hit(B, attr("u2", "domain|ip", "Evil.Example.|203.0.113.5").event(event(E2, "Org B"))));
            MergedIndicator ip = only(r);
            assertThat(ip.family()).isEqualTo("ip");
            assertThat(ip.value()).isEqualTo("203.0.113.5");
            assertThat(ip.organisations()).containsExactly("Org A", "Org B");
            assertThat(ip.members()).extracting(IndicatorMember::id).containsExactly("a", "b");
            assertThat(ip.types()).containsExactly("domain|ip", "ip-dst");
            assertThat(ip.attributeCount()).isEqualTo(2);
            assertThat(ip.composites()).containsExactly(new CompositeMatch("domain|ip", "evil.example|203.0.113.5",
                    CompositeHalf.RIGHT));
            assertThat(r.totals().indicators()).isEqualTo(1);
        }

        @Test
        void withoutAQueryACompositeKeepsItsUsualKey() {
            MergedResult r = merge(hit(B, attr("u2", "domain|ip", "evil.example|203.0.113.5")));
            MergedIndicator i = only(r);
            assertThat(i.family()).isEqualTo("domain");
            assertThat(i.value()).isEqualTo("evil.example");
            assertThat(i.composites()).isEmpty();
        }

        @Test
        void aFilenameHashRecordSearchedByItsHashIsUnderTheHash() {
            MergedIndicator i = only(search(List.of(SHA.toUpperCase()),
                    hit(A, attr("u1", "filename|sha256", "Invoice.exe|" + SHA))));
            assertThat(i.family()).isEqualTo("sha256");
            assertThat(i.value()).isEqualTo(SHA);
            assertThat(i.composites()).singleElement().satisfies(c -> {
                assertThat(c.half()).isEqualTo(CompositeHalf.RIGHT);
                assertThat(c.value()).endsWith("|" + SHA);
            });
        }

        @Test
        void anIpPortRecordSearchedByItsNetworkIsUnderTheIp() {
            MergedIndicator i = only(search(List.of("198.51.100.0/24"),
                    hit(A, attr("u1", "ip-dst|port", "198.51.100.7|8443"))));
            assertThat(i.family()).isEqualTo("ip");
            assertThat(i.value()).isEqualTo("198.51.100.7");
            assertThat(i.composites()).containsExactly(new CompositeMatch("ip-dst|port", "198.51.100.7|8443",
                    CompositeHalf.LEFT));
        }

        @Test
        void bothHalvesSearchedFileTheRecordUnderBothAndTheTotalsCountItOnce() {
            MergedResult r = search(List.of("evil.example", "203.0.113.5"),
                    hit(A, attr("u1", "domain|ip", "evil.example|203.0.113.5").event(event(E1, "Org A"))),
                    hit(B, attr("u1", "domain|ip", "evil.example|203.0.113.5").event(event(E1, "Org A"))));
            assertThat(r.indicators()).hasSize(2);
            MergedIndicator name = find(r, "domain", "evil.example");
            MergedIndicator ip = find(r, "ip", "203.0.113.5");
            for (MergedIndicator i : List.of(name, ip)) {
                assertThat(i.attributeCount()).isEqualTo(1);
                assertThat(i.copyCount()).isEqualTo(2);
                assertThat(i.organisations()).containsExactly("Org A");
            }
            assertThat(name.composites()).extracting(CompositeMatch::half).containsExactly(CompositeHalf.LEFT);
            assertThat(ip.composites()).extracting(CompositeMatch::half).containsExactly(CompositeHalf.RIGHT);
            assertThat(r.totals().indicators()).isEqualTo(2);
            assertThat(r.totals().attributes() - r.totals().duplicates()).isEqualTo(1);
            assertThat(r.tally("a").shown()).isEqualTo(1);
        }

        @Test
        void aCompositeWhoseHalvesWereNotSearchedKeepsItsUsualKey() {
            MergedIndicator i = only(search(List.of("192.0.2.1"),
                    hit(A, attr("u1", "domain|ip", "evil.example|203.0.113.5"))));
            assertThat(i.value()).isEqualTo("evil.example");
            assertThat(i.composites()).isEmpty();
        }

        @Test
        void aRemovedCompositeGivesNothingToTheHalfSearched() {
            MergedResult r = search(List.of("203.0.113.5"),
                    hit(A, attr("u1", "domain|ip", "evil.example|203.0.113.5").tags("tlp:red")));
            assertThat(r.indicators()).isEmpty();
        }
    }
}
