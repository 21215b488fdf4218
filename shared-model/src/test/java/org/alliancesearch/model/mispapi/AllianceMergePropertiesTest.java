package org.alliancesearch.model.mispapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.alliancesearch.model.indicator.IndicatorKey;
import org.alliancesearch.model.indicator.Indicators;
import org.alliancesearch.model.merge.IndicatorMerger;
import org.alliancesearch.model.merge.MergedIndicator;
import org.alliancesearch.model.merge.OrganisationClaims;
import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.misp.MispEvent;
import org.alliancesearch.model.misp.MispTag;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.policy.TagFilter;
import org.alliancesearch.model.policy.TagPolicy;
import org.alliancesearch.model.result.MemberHit;
import org.alliancesearch.model.result.MemberRef;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The MISP API shows exactly the records the portal's merge shows: for any answers, policy and tag filter, the
 * (indicator, member) pairs of {@link AllianceMerge} are those of {@link IndicatorMerger}.
 */
class AllianceMergePropertiesTest {
    static final List<MemberRef> MEMBERS = List.of(new MemberRef("a", "MISP a", "Org A", null),
            new MemberRef("b", "MISP b", "Org B", null), new MemberRef("c", "MISP c", "Org C", null));
    static final List<String> TYPES = List.of("ip-src", "ip-dst", "domain", "md5", "domain|ip");
    static final List<String> VALUES = List.of("1.2.3.4", "EVIL.example.", "evil.example",
            "D41D8CD98F00B204E9800998ECF8427E", "evil.example|1.2.3.4");
    static final List<String> TAGS = List.of("tlp:green", "TLP:GREEN", "tlp:clear", "tlp:amber", "TLP:AMBER+STRICT",
            "tlp:red", "PAP:RED", "osint:a", "Phishing");

    @Provide
    Arbitrary<List<MemberHit>> answers() {
        Arbitrary<MemberHit> hit = Combinators.combine(Arbitraries.integers().between(0, MEMBERS.size() - 1),
                Arbitraries.integers().between(0, 6), Arbitraries.of(TYPES), Arbitraries.of(VALUES),
                Arbitraries.of(TAGS).list().ofMaxSize(2), Arbitraries.integers().between(-1, 3),
                Arbitraries.of(TAGS).list().ofMaxSize(2), Arbitraries.integers().between(0, 63)).as(
                        (m, u, type, value, tags, ev, evTags, bits) -> {
                            List<MispTag> t = new ArrayList<>();
                            tags.forEach(n -> t.add(new MispTag(n, false)));
                            MispEvent event = null;
                            if (ev >= 0) {
                                List<MispTag> et = new ArrayList<>();
                                evTags.forEach(n -> et.add(new MispTag(n, true)));
                                if ((bits & 32) != 0) {
                                    t.addAll(et);
                                    et.clear(); // only as inherited tags on the attribute
                                }
                                event = new MispEvent("e" + ev, "0000000" + ev + "-0000-4000-8000-000000000000",
                                        "event " + ev, LocalDate.of(2024, 1, 1 + (bits & 3)),
                                        (bits & 4) != 0 ? null : "Org " + "ABC".charAt(ev % 3), null, 2, true,
                                        Instant.EPOCH, 1, et);
                            }
                            return new MemberHit(MEMBERS.get(m), new MispAttribute("id" + u, "uuid-" + u, null, null,
                                    null, "Network activity", type, value, (bits & 16) != 0, Instant.EPOCH, null,
                                    null, 1, "", bits == 63, t, event));
                        });
        return hit.list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<TagFilter> filters() {
        return Combinators.combine(Arbitraries.of("tlp:%", "osint:a", "phishing", "tlp:green").list().ofMaxSize(1),
                Arbitraries.of("tlp:amber", "osint:%").list().ofMaxSize(1)).as(TagFilter::new);
    }

    @Property(tries = 400)
    void showsTheSameRecordsAsThePortalsMerge(@ForAll("answers") List<MemberHit> hits,
            @ForAll("filters") TagFilter filter) {
        AlliancePolicy policy = AlliancePolicy.defaults();
        Set<String> portal = new TreeSet<>();
        for (MergedIndicator i : new IndicatorMerger().merge(hits, policy, filter, OrganisationClaims.none())
                .indicators()) {
            i.members().forEach(m -> portal.add(i.family() + ":" + i.value() + "@" + m.id()));
        }
        Set<String> api = new TreeSet<>();
        for (AllianceAttribute a : AllianceMerge.merge(hits, policy, filter, OrganisationClaims.none())) {
            IndicatorKey key = Indicators.key(a.attribute().type(), a.attribute().value());
            a.holders().forEach(m -> api.add(key.family() + ":" + key.value() + "@" + m.id()));
        }
        assertThat(api).isEqualTo(portal);
    }

    /** Both speak through the same copy of a record: an indicator's tags are its records' tags in either answer. */
    @Property(tries = 400)
    void showsTheSameTagsAsThePortalsMerge(@ForAll("answers") List<MemberHit> hits) {
        AlliancePolicy policy = AlliancePolicy.defaults();
        TagPolicy tags = TagPolicy.of(policy, TagFilter.none());
        Set<String> portal = new TreeSet<>();
        for (MergedIndicator i : new IndicatorMerger().merge(hits, policy, TagFilter.none(), OrganisationClaims.none())
                .indicators()) {
            i.tags().forEach(t -> portal.add(i.family() + ":" + i.value() + "#" + tags.classify(t).key()));
        }
        Set<String> api = new TreeSet<>();
        for (AllianceAttribute a : AllianceMerge.merge(hits, policy, TagFilter.none(), OrganisationClaims.none())) {
            IndicatorKey key = Indicators.key(a.attribute().type(), a.attribute().value());
            for (List<MispTag> list : List.of(a.tags(), a.eventTags())) {
                list.forEach(t -> api.add(key.family() + ":" + key.value() + "#" + tags.classify(t.name()).key()));
            }
        }
        assertThat(api).isEqualTo(portal);
    }

    @Property(tries = 200)
    void theAnswerDoesNotDependOnTheOrderOfHits(@ForAll("answers") List<MemberHit> hits, @ForAll long seed) {
        List<MemberHit> shuffled = new ArrayList<>(hits);
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(AllianceMerge.merge(shuffled, null, TagFilter.none(), OrganisationClaims.none()))
                .isEqualTo(AllianceMerge.merge(hits, null, TagFilter.none(), OrganisationClaims.none()));
    }

    /** A member reusing the owner's uuid for the same record adds no tag and changes no field of it. */
    @Example
    void aCopyUnderTheOwnersUuidDoesNotRelabelTheRecord() {
        MemberRef hostile = new MemberRef("0", "MISP 0", "Hostile Org", null);
        MispEvent owners = new MispEvent("e1", "00000001-0000-4000-8000-000000000000", "event", LocalDate.of(2024, 1,
                1), "Org A", null, 2, true, Instant.EPOCH, 1, List.of(new MispTag("tlp:green", true)));
        MispEvent doctored = new MispEvent("e9", owners.uuid(), "event", LocalDate.of(2024, 1, 1), "Org A", null, 2,
                true, Instant.EPOCH, 1, List.of(new MispTag("osint:planted", true)));
        MemberHit own = new MemberHit(MEMBERS.get(0), new MispAttribute("1", "uuid-1", null, null, null,
                "Network activity", "domain", "evil.example", false, Instant.EPOCH, null, null, 1, "", false,
                List.of(new MispTag("tlp:green", false)), owners));
        MemberHit copy = new MemberHit(hostile, new MispAttribute("2", "uuid-1", null, null, null, "Other", "domain",
                "EVIL.example.", true, Instant.EPOCH, null, null, 1, "planted", false,
                List.of(new MispTag("hostile:extra", false)), doctored));
        for (List<MemberHit> hits : List.of(List.of(own, copy), List.of(copy, own))) {
            List<AllianceAttribute> merged = AllianceMerge.merge(hits, null, TagFilter.none(),
                    OrganisationClaims.none());
            assertThat(merged).singleElement().satisfies(a -> {
                assertThat(a.attribute()).isSameAs(own.attribute());
                assertThat(a.tags()).extracting(MispTag::name).containsExactly("tlp:green");
                assertThat(a.eventTags()).extracting(MispTag::name).containsExactly("tlp:green");
                assertThat(a.holders()).extracting(MemberRef::id).containsExactlyInAnyOrder("0", "a");
            });
        }
    }

    /** The policy still looks at every copy: a copy without the owner's TLP:RED does not make the record visible. */
    @Example
    void aCopyDroppingTheOwnersRedTagLeavesTheRecordHidden() {
        MemberRef hostile = new MemberRef("0", "MISP 0", "Hostile Org", null);
        MemberHit own = new MemberHit(MEMBERS.get(0), new MispAttribute("1", "uuid-1", null, null, null,
                "Network activity", "domain", "evil.example", false, Instant.EPOCH, null, null, 1, "", false,
                List.of(new MispTag("TLP:RED", false)), null));
        MemberHit copy = new MemberHit(hostile, new MispAttribute("2", "uuid-1", null, null, null,
                "Network activity", "domain", "evil.example", false, Instant.EPOCH, null, null, 1, "", false,
                List.of(new MispTag("tlp:clear", false)), null));
        for (List<MemberHit> hits : List.of(List.of(own, copy), List.of(copy, own))) {
            assertThat(AllianceMerge.merge(hits, null, TagFilter.none(), OrganisationClaims.none())).isEmpty();
        }
    }
}
