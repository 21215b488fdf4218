package org.alliancesearch.model.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.misp.MispEvent;
import org.alliancesearch.model.misp.MispTag;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.result.MemberHit;
import org.alliancesearch.model.result.MemberRef;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MergePropertiesTest {
    static final List<MemberRef> MEMBERS = List.of(Hits.member("a", "Org A"), Hits.member("b", "Org B"),
            Hits.member("c", "Org C"), new MemberRef("d", "MISP d", "Org D", null));
    static final List<String> TYPES = List.of("ip-src", "ip-dst", "domain", "hostname", "md5", "filename");
    static final List<String> VALUES = List.of("1.2.3.4", "EVIL.example.", "evil.example",
            "D41D8CD98F00B204E9800998ECF8427E", "d41d8cd98f00b204e9800998ecf8427e", "x");
    static final List<String> TAGS = List.of("tlp:green", "TLP:GREEN", "tlp:white", "tlp:clear", "tlp:amber",
            "TLP:AMBER+STRICT", "tlp:red", "PAP:RED", "osint:a", "OSINT:A", "Phishing", "phishing");
    static final List<String> ORGS = List.of("CIRCL", "Org X");
    static final List<Instant> TIMES = List.of(Instant.parse("2020-01-01T00:00:00Z"),
            Instant.parse("2023-05-05T05:05:05Z"), Instant.parse("2024-12-31T23:59:59Z"));

    final IndicatorMerger merger = new IndicatorMerger();

    @Provide
    Arbitrary<List<MemberHit>> answers() {
        Arbitrary<MemberHit> hit = Combinators.combine(Arbitraries.integers().between(0, MEMBERS.size() - 1),
                Arbitraries.integers().between(0, 9), Arbitraries.of(TYPES), Arbitraries.of(VALUES),
                Arbitraries.of(TAGS).list().ofMaxSize(3), Arbitraries.integers().between(-1, 3),
                Arbitraries.of(TAGS).list().ofMaxSize(2), Arbitraries.integers().between(0, 63)).as(
                        (m, u, type, value, tags, ev, evTags, bits) -> {
                            List<MispTag> t = new ArrayList<>();
                            tags.forEach(n -> t.add(new MispTag(n, false)));
                            MispEvent event = null;
                            if (ev >= 0) {
                                List<MispTag> et = new ArrayList<>();
                                evTags.forEach(n -> et.add(new MispTag(n, true)));
                                if ((bits & 32) != 0) {
                                    t.addAll(et); // includeEventTags copies them onto the attribute
                                }
                                event = new MispEvent("e" + ev, "0000000" + ev + "-0000-4000-8000-000000000000",
                                        "event " + ev, LocalDate.of(2024, 1, 1 + (bits & 3)), (bits & 4) != 0
                                                ? null
                                                : ORGS.get(ev % 2),
                                        null, 1 + (bits & 3), true, null, 1, et);
                            }
                            return new MemberHit(MEMBERS.get(m), new MispAttribute("id" + u, "uuid-" + u, null,
                                    null, null, (bits & 8) != 0 ? "Network activity" : "Payload delivery", type,
                                    value, (bits & 16) != 0, TIMES.get(bits % 3), (bits & 1) != 0
                                            ? TIMES.get(0)
                                            : null,
                                    null, 5, "", bits == 63, t, event));
                        });
        return hit.list().ofMaxSize(40);
    }

    @Property(tries = 300)
    void theResultDoesNotDependOnTheOrderOfHits(@ForAll("answers") List<MemberHit> hits, @ForAll long seed) {
        List<MemberHit> shuffled = new ArrayList<>(hits);
        Collections.shuffle(shuffled, new Random(seed));
        AlliancePolicy policy = AlliancePolicy.defaults();
        assertThat(merger.merge(shuffled, policy)).isEqualTo(merger.merge(hits, policy));
    }

    @Property(tries = 200)
    void theResultDoesNotDependOnTheOrderInWhichMembersAnswered(@ForAll("answers") List<MemberHit> hits,
            @ForAll long seed) {
        Map<String, List<MemberHit>> byMember = new LinkedHashMap<>();
        for (MemberHit h : hits) {
            byMember.computeIfAbsent(h.member().id(), k -> new ArrayList<>()).add(h);
        }
        List<String> order = new ArrayList<>(byMember.keySet());
        Collections.shuffle(order, new Random(seed));
        List<MemberHit> reordered = new ArrayList<>();
        order.forEach(m -> reordered.addAll(byMember.get(m)));
        assertThat(merger.merge(reordered, AlliancePolicy.defaults())).isEqualTo(merger.merge(hits,
                AlliancePolicy.defaults()));
    }

    /** Tags a hostile member puts on its copies: policy-relevant ones, and none that is a re-spelling of a clean tag. */
    static final List<String> HOSTILE_TAGS = List.of("tlp:red", "PAP:RED", "TLP:AMBER+STRICT", "tlp:clear",
            "hostile:tag");

    @Property(tries = 300)
    void aCopyWithOtherContentUnderAnotherMembersUuidChangesNothingOfTheirs(@ForAll("answers") List<MemberHit> clean,
            @ForAll long mask, @ForAll boolean hostileSortsFirst, @ForAll long seed) {
        MemberRef hostile = new MemberRef(hostileSortsFirst ? "0-hostile" : "zz-hostile", "Hostile MISP",
                "Hostile Org", "https://hostile.example");
        Random rnd = new Random(seed);
        List<MemberHit> hits = new ArrayList<>(clean);
        for (int i = 0; i < clean.size(); i++) {
            if ((mask >>> (i % 64) & 1) == 0) {
                continue;
            }
            MispAttribute honest = clean.get(i).attribute();
            List<MispTag> tags = List.of(new MispTag(HOSTILE_TAGS.get(rnd.nextInt(HOSTILE_TAGS.size())), false));
            MispEvent event = new MispEvent("h" + i, "hostile-event-" + i, "<script>alert(" + i + ")</script>",
                    LocalDate.of(2025, 1, 1), "Hostile Org", null, 1, true, null, 1, tags);
            // The uuid of a clean attribute, another value; sometimes another family as well.
            String type = rnd.nextBoolean() ? "domain" : "url";
            hits.add(new MemberHit(hostile, new MispAttribute("x" + i, honest.uuid(), null, null, null, "Other",
                    type, "hostile-" + i + ".example", true, TIMES.get(2), null, null, 5, "", rnd.nextInt(4) == 0,
                    tags, event)));
        }
        Collections.shuffle(hits, rnd);
        AlliancePolicy policy = AlliancePolicy.defaults();

        MergedResult withHostile = merger.merge(hits, policy);

        List<MergedIndicator> theirs = withHostile.indicators().stream().filter(i -> !i.value().contains("hostile"))
                .toList();
        assertThat(theirs).isEqualTo(merger.merge(clean, policy).indicators());
        assertThat(withHostile.indicators()).filteredOn(i -> i.value().contains("hostile")).allSatisfy(i -> {
            assertThat(i.members()).extracting(IndicatorMember::id).containsExactly(hostile.id());
            assertThat(i.organisations()).containsExactly("Hostile Org");
        });
    }

    /** Where a dropping tag sits on a secret record. */
    enum Placement {
        ATTRIBUTE, INHERITED_ON_ATTRIBUTE, EVENT
    }

    /**
     * A secret record with a dropping tag, maybe with a clean synchronised copy at another member and a clean sibling
     * attribute of the same event at another member.
     */
    record Secret(String tag, Placement placement, boolean cleanCopy, boolean sibling) {
    }

    @Provide
    Arbitrary<String> droppingTag() {
        return Arbitraries.of("tlp:red", "pap:red", "tlp: red").flatMap(base -> Arbitraries.integers().between(0,
                (1 << base.length()) - 1).flatMap(mask -> Arbitraries.of("", " ").map(pad -> {
                    StringBuilder b = new StringBuilder(pad);
                    for (int i = 0; i < base.length(); i++) {
                        char c = base.charAt(i);
                        b.append((mask & (1 << i)) != 0 ? Character.toUpperCase(c) : c);
                    }
                    return b.append(pad).toString();
                })));
    }

    @Provide
    Arbitrary<List<Secret>> secrets() {
        return Combinators.combine(droppingTag(), Arbitraries.of(Placement.class), Arbitraries.of(true, false),
                Arbitraries.of(true, false)).as(Secret::new).list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 300)
    void aRecordWithADroppingTagNeverGetsThrough(@ForAll("answers") List<MemberHit> clean,
            @ForAll("secrets") List<Secret> secrets, @ForAll long seed) {
        MemberRef secretMember = new MemberRef("zz-secret", "Secret member", "Secret Member Org",
                "https://secret.example");
        List<MemberHit> hits = new ArrayList<>(clean);
        Set<String> secretUuids = new HashSet<>();
        for (int i = 0; i < secrets.size(); i++) {
            Secret s = secrets.get(i);
            String eventUuid = "secret-event-" + i;
            List<MispTag> eventTags = s.placement() == Placement.EVENT
                    ? List.of(new MispTag(s.tag(), true))
                    : List.of();
            MispEvent taggedEvent = new MispEvent("s" + i, eventUuid, "secret info " + i, LocalDate.of(2024, 2, 2),
                    "Secret Org " + i, null, 1, true, null, 1, eventTags);
            MispEvent bareEvent = new MispEvent("s" + i, eventUuid, "secret info " + i, LocalDate.of(2024, 2, 2),
                    "Secret Org " + i, null, 1, true, null, 1, List.of());
            List<MispTag> attributeTags = new ArrayList<>();
            attributeTags.add(new MispTag("secret-tag-" + i, false));
            if (s.placement() != Placement.EVENT) {
                attributeTags.add(new MispTag(s.tag(), s.placement() == Placement.INHERITED_ON_ATTRIBUTE));
            }
            String uuid = "secret-uuid-" + i;
            secretUuids.add(uuid);
            hits.add(new MemberHit(secretMember, new MispAttribute("1", uuid, null, null, null, "Network activity",
                    "domain", "secret-" + i + ".example", true, TIMES.get(2), null, null, 5, "", false,
                    attributeTags, taggedEvent)));
            if (s.cleanCopy()) {
                hits.add(new MemberHit(MEMBERS.get(i % MEMBERS.size()), new MispAttribute("2", uuid, null, null,
                        null, "Network activity", "domain", "secret-" + i + ".example", true, TIMES.get(2), null,
                        null, 5, "", false, List.of(), bareEvent)));
            }
            if (s.sibling() && s.placement() != Placement.ATTRIBUTE) {
                secretUuids.add("secret-sibling-" + i);
                hits.add(new MemberHit(MEMBERS.get((i + 1) % MEMBERS.size()), new MispAttribute("3",
                        "secret-sibling-" + i, null, null, null, "Network activity", "domain",
                        "secret-sibling-" + i + ".example", true, TIMES.get(2), null, null, 5, "", false, List.of(),
                        bareEvent)));
            }
        }
        Collections.shuffle(hits, new Random(seed));

        MergedResult r = merger.merge(hits, AlliancePolicy.defaults());

        for (MergedIndicator i : r.indicators()) {
            assertThat(i.value()).doesNotContain("secret");
            assertThat(i.members()).extracting(IndicatorMember::id).doesNotContain(secretMember.id());
            assertThat(i.organisations()).noneMatch(o -> o.startsWith("Secret"));
            assertThat(i.events()).noneMatch(e -> e.uuid().startsWith("secret") || e.info().startsWith("secret"));
            assertThat(i.tags()).noneMatch(t -> t.startsWith("secret") || t.toLowerCase(Locale.ROOT).contains(
                    "red"));
        }
        assertThat(r.totals().removedBy().droppingTag()).isGreaterThanOrEqualTo(secretUuids.size());
    }
}
