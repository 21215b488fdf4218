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

import org.alliancesearch.model.misp.MispEvent;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.query.SearchQuery;
import org.alliancesearch.model.result.MemberHit;
import org.alliancesearch.model.result.MemberRef;
import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** A member speaks for its own organisation and for outsiders, never for another member's organisation. */
class OrganisationClaimsTest {
    private static final String E1 = "5f1e0000-0000-4000-8000-000000000001";
    private static final String E2 = "5f1e0000-0000-4000-8000-000000000002";
    private static final String A_UUID = "aaaa0000-0000-4000-8000-00000000000a";

    private final MemberRef a = member("a", "Org A");
    private final MemberRef b = member("b", "Org B");
    private final MemberRef hostile = member("h", "Hostile Org");
    private final List<MemberRef> alliance = List.of(a, b, hostile);
    private final IndicatorMerger merger = new IndicatorMerger();

    private MergedResult merge(List<MemberRef> members, MemberHit... hits) {
        List<MemberHit> list = List.of(hits);
        return merger.merge(list, AlliancePolicy.defaults(), (SearchQuery) null,
                OrganisationClaims.check(members, list));
    }

    private static MergedIndicator only(MergedResult r) {
        assertThat(r.indicators()).hasSize(1);
        return r.indicators().get(0);
    }

    @Test
    void aClaimForAnotherMembersOrganisationThatItDoesNotHoldIsUnconfirmed() {
        MergedIndicator i = only(merge(alliance, hit(hostile, attr("u1", "domain", "evil.example")
                .event(event(E1, "Org A")))));

        assertThat(i.organisations()).isEmpty();
        assertThat(i.unconfirmedOrganisations()).containsExactly("Org A");
        assertThat(i.events()).singleElement().satisfies(e -> {
            assertThat(e.organisation()).isNull();
            assertThat(e.unconfirmedOrganisation()).isEqualTo("Org A");
        });
    }

    @Test
    void theSameRecordFromTheOwnersMemberConfirmsIt() {
        MergedIndicator i = only(merge(alliance,
                hit(hostile, attr("u1", "domain", "evil.example").event(event(E1, "Org A"))),
                hit(a, attr("u1", "domain", "evil.example").event(event(E1, "Org A")))));

        assertThat(i.organisations()).containsExactly("Org A");
        assertThat(i.unconfirmedOrganisations()).isEmpty();
        assertThat(i.events()).allSatisfy(e -> assertThat(e.organisation()).isEqualTo("Org A"));
    }

    @Test
    void aSynchronisedCopyOfAnOutsideOrganisationsRecordCounts() {
        MergedIndicator i = only(merge(alliance, hit(b, attr("u1", "domain", "evil.example")
                .event(event(E1, "Outside CERT")))));

        assertThat(i.organisations()).containsExactly("Outside CERT");
        assertThat(i.unconfirmedOrganisations()).isEmpty();
    }

    @Test
    void aMemberSpeaksForItsOwnOrganisation() {
        MergedIndicator i = only(merge(alliance, hit(hostile, attr("u1", "domain", "evil.example")
                .event(event(E1, " hostile ORG ")))));

        assertThat(i.organisations()).containsExactly(" hostile ORG ");
        assertThat(i.unconfirmedOrganisations()).isEmpty();
    }

    @Test
    void theOwnerHoldingOtherContentUnderTheUuidDoesNotConfirmIt() {
        MergedResult r = merge(alliance,
                hit(a, attr("u1", "domain", "honest.example").event(event(E1, "Org A"))),
                hit(hostile, attr("u1", "domain", "planted.example").event(event(E1, "Org A"))));

        MergedIndicator planted = r.indicators().stream().filter(i -> i.value().equals("planted.example"))
                .findFirst().orElseThrow();
        assertThat(planted.organisations()).isEmpty();
        assertThat(planted.unconfirmedOrganisations()).containsExactly("Org A");
        MergedIndicator honest = r.indicators().stream().filter(i -> i.value().equals("honest.example"))
                .findFirst().orElseThrow();
        assertThat(honest.organisations()).containsExactly("Org A");
        // the event was returned by its creator's member: the hostile copy of it does not stand for it
        assertThat(honest.events()).allSatisfy(e -> assertThat(e.organisation()).isEqualTo("Org A"));
    }

    @Test
    void aRecordPlantedInTheOwnersRealEventDoesNotShowTheEventAsTheOwners() {
        MergedResult r = merge(alliance,
                hit(a, attr("u1", "domain", "honest.example").event(event(E1, "Org A"))),
                hit(hostile, attr("u9", "domain", "planted.example").event(event(E1, "Org A"))),
                hit(hostile, attr("u1", "domain", "honest.example").event(event(E1, "Org A"))));

        MergedIndicator planted = r.indicators().stream().filter(i -> i.value().equals("planted.example"))
                .findFirst().orElseThrow();
        assertThat(planted.organisations()).isEmpty();
        assertThat(planted.events()).singleElement().satisfies(e -> {
            assertThat(e.organisation()).isNull();
            assertThat(e.unconfirmedOrganisation()).isEqualTo("Org A");
        });
        MergedIndicator honest = r.indicators().stream().filter(i -> i.value().equals("honest.example"))
                .findFirst().orElseThrow();
        assertThat(honest.organisations()).containsExactly("Org A");
        assertThat(honest.events()).singleElement().satisfies(e -> {
            assertThat(e.organisation()).isEqualTo("Org A");
            assertThat(e.memberId()).isEqualTo("a");
        });
    }

    @Test
    void aClaimNamesAMemberByItsMispOrganisationUuidOrName() {
        MemberRef learned = new MemberRef("a", "MISP a", "Org A", "https://misp.a.example", A_UUID, "Org A Japan");
        List<MemberRef> members = List.of(learned, b, hostile);
        MispEvent byUuid = new MispEvent("1", E1, "forged", LocalDate.of(2024, 1, 1), "Some Name", A_UUID.toUpperCase(),
                2, true, Instant.EPOCH, 1, List.of());

        MergedIndicator i = only(merge(members, hit(hostile, attr("u1", "domain", "evil.example").event(byUuid)),
                hit(hostile, attr("u2", "domain", "evil.example").event(event(E2, "org a japan")))));

        assertThat(i.organisations()).isEmpty();
        assertThat(i.unconfirmedOrganisations()).containsExactly("org a japan", "Some Name");
    }

    @Test
    void aMembersOwnUuidDoesNotLetItUseAnotherMembersName() {
        MemberRef h = new MemberRef("h", "MISP h", "Hostile Org", "https://misp.h.example",
                "bbbb0000-0000-4000-8000-00000000000b", "Hostile Org");
        MispEvent ownUuidOtherName = new MispEvent("1", E1, "forged", LocalDate.of(2024, 1, 1), "Org A",
                "bbbb0000-0000-4000-8000-00000000000b", 2, true, Instant.EPOCH, 1, List.of());

        MergedIndicator i = only(merge(List.of(a, b, h), hit(h, attr("u1", "domain", "evil.example")
                .event(ownUuidOtherName))));

        assertThat(i.organisations()).isEmpty();
        assertThat(i.unconfirmedOrganisations()).containsExactly("Org A");
    }

    @Test
    void aMispReportingAnotherMembersOrganisationAsItsOwnGainsNothing() {
        MemberRef learnedA = new MemberRef("a", "MISP a", "Org A", "https://misp.a.example", A_UUID, "Org A");
        MemberRef impostor = new MemberRef("h", "MISP h", "Hostile Org", "https://misp.h.example", A_UUID, "Org A");
        MispEvent claim = new MispEvent("1", E1, "forged", LocalDate.of(2024, 1, 1), "Org A", A_UUID, 2, true,
                Instant.EPOCH, 1, List.of());

        MergedIndicator i = only(merge(List.of(learnedA, b, impostor),
                hit(impostor, attr("u1", "domain", "evil.example").event(claim)),
                hit(impostor, attr("u2", "domain", "evil.example").event(event(E2, "Hostile Org")))));

        assertThat(i.organisations()).containsExactly("Hostile Org");
        assertThat(i.unconfirmedOrganisations()).containsExactly("Org A");
    }

    @Test
    void aConfirmedClaimElsewhereInTheIndicatorIsNotListedAsUnconfirmed() {
        MergedIndicator i = only(merge(alliance,
                hit(a, attr("u1", "domain", "evil.example").event(event(E1, "Org A"))),
                hit(hostile, attr("u2", "domain", "evil.example").event(event(E2, "Org A")))));

        assertThat(i.organisations()).containsExactly("Org A");
        assertThat(i.unconfirmedOrganisations()).isEmpty();
        assertThat(i.events()).filteredOn(e -> E2.equals(e.uuid())).singleElement()
                .satisfies(e -> assertThat(e.unconfirmedOrganisation()).isEqualTo("Org A"));
    }

    @Test
    void theResultDoesNotDependOnTheOrderOfTheHits() {
        List<MemberHit> hits = new ArrayList<>();
        for (int k = 0; k < 30; k++) {
            MemberRef who = List.of(a, b, hostile).get(k % 3);
            String orgc = List.of("Org A", "Org B", "Hostile Org", "Outside").get(k % 4);
            hits.add(hit(who, attr("u" + (k % 7), "domain", "v" + (k % 5) + ".example")
                    .event(event("5f1e0000-0000-4000-8000-00000000001" + (k % 4), orgc))));
        }
        MergedResult expected = merger.merge(hits, AlliancePolicy.defaults(), (SearchQuery) null,
                OrganisationClaims.check(alliance, hits));
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            List<MemberHit> shuffled = new ArrayList<>(hits);
            Collections.shuffle(shuffled, random);
            assertThat(merger.merge(shuffled, AlliancePolicy.defaults(), (SearchQuery) null,
                    OrganisationClaims.check(alliance, shuffled))).isEqualTo(expected);
        }
    }

    /** Hits of the three members with claims for each other's organisations, outsiders and themselves. */
    private List<MemberHit> randomHits(long seed) {
        Random random = new Random(seed);
        List<MemberHit> hits = new ArrayList<>();
        int count = 1 + random.nextInt(40);
        for (int k = 0; k < count; k++) {
            MemberRef who = alliance.get(random.nextInt(3));
            String orgc = List.of("Org A", "org b ", "Hostile Org", "Outside", "ORG A").get(random.nextInt(5));
            hits.add(hit(who, attr("u" + random.nextInt(8), "domain", "v" + random.nextInt(4) + ".example")
                    .event(event("5f1e0000-0000-4000-8000-00000000002" + random.nextInt(3), orgc))));
        }
        return hits;
    }

    @Property(tries = 300)
    void noMembersOrganisationCountsWithoutItsOwnMember(@ForAll long seed) {
        List<MemberHit> hits = randomHits(seed);
        MergedResult r = merger.merge(hits, AlliancePolicy.defaults(), (SearchQuery) null,
                OrganisationClaims.check(alliance, hits));
        for (MergedIndicator i : r.indicators()) {
            List<String> members = i.members().stream().map(IndicatorMember::id).toList();
            for (String org : i.organisations()) {
                String folded = org.strip().toLowerCase(java.util.Locale.ROOT);
                alliance.stream().filter(m -> m.organisation().toLowerCase(java.util.Locale.ROOT).equals(folded))
                        .forEach(m -> assertThat(members).as("%s counted for %s", i.value(), org).contains(m.id()));
            }
            assertThat(i.unconfirmedOrganisations()).allSatisfy(o -> assertThat(i.organisations()).doesNotContain(o));
        }
        List<MemberHit> reversed = new ArrayList<>(hits);
        Collections.reverse(reversed);
        assertThat(merger.merge(reversed, AlliancePolicy.defaults(), (SearchQuery) null,
                OrganisationClaims.check(alliance, reversed))).isEqualTo(r);
    }

    @Test
    void withoutTheAllianceEveryClaimStands() {
        MergedIndicator i = only(merger.merge(List.of(hit(hostile, attr("u1", "domain", "evil.example")
                .event(event(E1, "Org A")))), AlliancePolicy.defaults()));

        assertThat(i.organisations()).containsExactly("Org A");
        assertThat(i.unconfirmedOrganisations()).isEmpty();
    }
}
