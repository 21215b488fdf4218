package org.alliancesearch.model.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import org.alliancesearch.model.indicator.SearchedValues;
import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.misp.MispEvent;
import org.alliancesearch.model.misp.MispTag;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.policy.TagFilter;
import org.alliancesearch.model.policy.Tlp;
import org.alliancesearch.model.result.MemberHit;
import org.alliancesearch.model.result.MemberRef;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The tuned {@link IndicatorMerger} gives exactly what the plain {@link ReferenceMerger} gives (indicators with all
 * their fields, holders and events, the totals, the tally by member and the order), for answers that include hostile
 * ones: uuids reused across members and within one, copies that disagree, composite values, missing fields, events
 * without uuid, malformed uuids, a renamed member and a member whose MISP claims another organisation.
 */
class MergeMatchesReferencePropertiesTest {
    static final List<MemberRef> MEMBERS = List.of(
            new MemberRef("a", "MISP a", "Org A", "https://misp.a.example"),
            new MemberRef("a", "MISP a (renamed)", "Org A", "https://misp.a.example"),
            new MemberRef("b", "MISP b", "Org B", "https://misp.b.example/"),
            new MemberRef("c", "MISP c", "Org C", null),
            new MemberRef("0h", "Hostile", "Hostile Org", "https://h.example", null, "Org A"),
            new MemberRef("d", "MISP d", "org b", " "));
    static final String SHA = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    static final List<String> UUIDS = Arrays.asList("u1", "u2", "u3", "U1", "", null);
    static final List<String> IDS = Arrays.asList("1", "2", null);
    static final List<String> TYPES = Arrays.asList("ip-dst", "ip-src", "domain", "hostname", "domain|ip",
            "filename|sha256", "sha256", "ip-dst|port", "md5", "url", "", null);
    static final List<String> VALUES = Arrays.asList("1.2.3.4", "1.2.3.4|443", "Evil.Example.", "evil.example",
            "evil.example|1.2.3.4", "a.exe|" + SHA, SHA.toUpperCase(), SHA, "D41D8CD98F00B204E9800998ECF8427E",
            "hxxp://evil[.]example/x", "other.example|1.2.3.4", "evil.example|1.2.3.99", "b.exe|" + SHA, "", null);
    static final List<String> TAGS = List.of("tlp:green", "TLP:GREEN", "tlp:white", "tlp:clear", "tlp:amber",
            "TLP:AMBER+STRICT", "tlp:red", "PAP:RED", "osint:a", "OSINT:A", "Phishing", "phishing", "hostile:x");
    static final List<String> EVENT_UUIDS = Arrays.asList("11111111-1111-4111-8111-111111111111",
            "22222222-2222-4222-8222-222222222222", "22222222-2222-4222-8222-22222222222A",
            "\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11-1111-4111-8111-111111111111", "../../admin", "", null);
    static final List<String> ORGCS = Arrays.asList("Org A", "Org B", "CIRCL", "org a", "Hostile Org", " ", null);
    static final List<String> CATEGORIES = Arrays.asList("Network activity", "Payload delivery", "Other", null);
    static final List<Instant> TIMES = Arrays.asList(Instant.parse("2020-01-01T00:00:00Z"),
            Instant.parse("2023-05-05T05:05:05.5Z"), Instant.parse("2024-12-31T23:59:59Z"), null);
    static final List<AlliancePolicy> POLICIES = List.of(AlliancePolicy.defaults(),
            AlliancePolicy.of(Tlp.GREEN, "osint:*"), AlliancePolicy.of(Tlp.AMBER));
    static final List<TagFilter> FILTERS = List.of(TagFilter.none(), new TagFilter(List.of("tlp:*"), List.of()),
            new TagFilter(List.of(), List.of("osint:a")), new TagFilter(List.of("phishing"), List.of("tlp:amber")));

    /**
     * Searched values: either half of the generated composites (an IP or name alone, the hash alone, the file name,
     * the port), other spellings, a network, a pattern, or the whole composite.
     */
    static final List<String> SEARCHED = List.of("1.2.3.4", "evil.example", "EVIL.example.", SHA, SHA.toUpperCase(),
            "a.exe", "443", "1.2.3.0/24", "%.example", "evil.example|1.2.3.4", "d41d8cd98f00b204e9800998ecf8427e");

    /**
     * One generated search: the answers, the policy, the tag filter, whether claims are checked and the searched
     * values (null: a merge without a query).
     */
    record Case(List<MemberHit> hits, AlliancePolicy policy, TagFilter filter, boolean checkClaims, long seed,
            List<String> searched) {
        SearchedValues searchedValues() {
            return searched == null ? null : SearchedValues.of(searched);
        }

        OrganisationClaims claims() {
            return checkClaims
                    ? OrganisationClaims.check(new LinkedHashSet<>(MEMBERS), hits)
                    : OrganisationClaims.none();
        }

        @Override
        public String toString() {
            return "policy=" + policy + " filter=" + filter + " claims=" + checkClaims + " searched=" + searched
                    + "\n" + hits.stream()
                            .map(Object::toString).collect(Collectors.joining("\n"));
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<MispEvent> event = Combinators.combine(Arbitraries.of(EVENT_UUIDS), Arbitraries.of(IDS),
                Arbitraries.of(ORGCS), Arbitraries.integers().between(0, 3),
                Arbitraries.of(TAGS).list().ofMaxSize(2), Arbitraries.integers().between(0, 2)).as(
                        (uuid, id, orgc, day, tags, n) -> new MispEvent(id, uuid, "event " + n % 2,
                                day == 3 ? null : LocalDate.of(2024, 1, 1 + day), orgc, null, n == 2 ? null : 1 + n,
                                true, Instant.EPOCH, 1, tags.stream().map(t -> new MispTag(t, true)).toList()));
        Arbitrary<int[]> hitSpec = Combinators.combine(Arbitraries.integers().between(0, MEMBERS.size() - 1),
                Arbitraries.integers().between(0, UUIDS.size() - 1), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, TYPES.size() - 1),
                Arbitraries.integers().between(0, VALUES.size() - 1), Arbitraries.integers().between(-1, 3),
                Arbitraries.integers().between(0, (1 << 13) - 1)).as(
                        (m, u, id, t, v, e, bits) -> new int[]{m, u, id,
                                t, v, e, bits});
        Arbitrary<List<String>> tags = Arbitraries.of(TAGS).list().ofMaxSize(3);
        Arbitrary<List<Object[]>> hits = Combinators.combine(hitSpec, tags).as((spec, t) -> new Object[]{spec, t})
                .list().ofMaxSize(30);
        Arbitrary<List<String>> searched = Arbitraries.of(SEARCHED).list().ofMinSize(0).ofMaxSize(3).injectNull(0.3);
        return Combinators.combine(event.list().ofMinSize(1).ofMaxSize(4), hits,
                Arbitraries.of(POLICIES), Arbitraries.of(FILTERS), Arbitraries.of(true, false),
                Arbitraries.longs(), Arbitraries.integers().between(0, 9), searched).as(
                        (events, specs, policy, filter, claims, seed, crowd, values) -> {
                            List<MemberHit> out = new ArrayList<>();
                            for (Object[] s : specs) {
                                @SuppressWarnings("unchecked")
                                List<String> tagNames = (List<String>) s[1];
                                out.add(hit((int[]) s[0], tagNames, events));
                            }
                            if (crowd == 0) {
                                out.addAll(crowd(new Random(seed)));
                            }
                            return new Case(out, policy, filter, claims, seed, values);
                        });
    }

    /**
     * Many hits at once, beyond what the merge keeps inline: more than 64 members, 128 tag spellings, 32 events of one
     * indicator and one read-ahead block of hits.
     */
    static List<MemberHit> crowd(Random r) {
        List<MemberHit> out = new ArrayList<>();
        for (int n = 150 + r.nextInt(150); n > 0; n--) {
            int m = r.nextInt(70);
            MemberRef member = new MemberRef(String.format("m%02d", m), "MISP m" + m, "Org M" + m % 5,
                    "https://m" + m + ".example");
            List<MispTag> eventTags = new ArrayList<>();
            if (r.nextInt(8) == 0) {
                eventTags.add(new MispTag(TAGS.get(r.nextInt(TAGS.size())), true));
            }
            int ev = r.nextInt(60);
            MispEvent e = r.nextInt(10) == 0
                    ? null
                    : new MispEvent(String.valueOf(ev),
                            String.format("%08d-0000-4000-8000-000000000000", ev), "event " + ev,
                            LocalDate.of(2024, 1, 1 + r.nextInt(3)), "Org M" + r.nextInt(6), null, 2, true,
                            Instant.EPOCH, 1,
                            eventTags);
            List<MispTag> tags = new ArrayList<>();
            for (int t = r.nextInt(4); t > 0; t--) {
                tags.add(new MispTag("x:" + r.nextInt(140), false));
            }
            out.add(new MemberHit(member, new MispAttribute(String.valueOf(r.nextInt(3)), "w" + r.nextInt(60),
                    null, null, null, CATEGORIES.get(r.nextInt(4)), r.nextBoolean() ? "ip-dst" : "ip-src",
                    "10.0.0." + r.nextInt(4), r.nextBoolean(), TIMES.get(r.nextInt(4)), TIMES.get(r.nextInt(4)),
                    null, 1, "", r.nextInt(50) == 0, tags, e)));
        }
        return out;
    }

    static MemberHit hit(int[] s, List<String> tagNames, List<MispEvent> events) {
        int bits = s[6];
        MispEvent e = s[5] < 0 ? null : events.get(s[5] % events.size());
        List<MispTag> tags = new ArrayList<>();
        tagNames.forEach(n -> tags.add(new MispTag(n, false)));
        if (e != null && (bits & (1 << 11)) != 0) {
            // includeEventTags: the member copies its event's tags onto the attribute
            e.tags().forEach(tags::add);
        }
        MispAttribute a = new MispAttribute(IDS.get(s[2]), UUIDS.get(s[1]), e == null ? null : e.id(), null, null,
                CATEGORIES.get(bits & 3), TYPES.get(s[3]), VALUES.get(s[4]), (bits & 4) != 0,
                TIMES.get((bits >> 3) & 3), TIMES.get((bits >> 5) & 3), TIMES.get((bits >> 7) & 3), 1, "",
                ((bits >> 9) & 3) == 0 && (bits & (1 << 12)) != 0, tags, e);
        return new MemberHit(MEMBERS.get(s[0]), a);
    }

    @Property(tries = 10_000)
    void theTunedMergeGivesWhatTheReferenceGives(@ForAll("cases") Case c) {
        OrganisationClaims claims = c.claims();
        MergedResult expected = ReferenceMerger.merge(c.hits(), c.policy(), c.filter(), claims, c.searchedValues());
        List<MemberHit> shuffled = new ArrayList<>(c.hits());
        Collections.shuffle(shuffled, new Random(c.seed()));
        for (List<MemberHit> hits : List.of(c.hits(), shuffled)) {
            MergedResult actual = new IndicatorMerger().merge(hits, c.policy(), c.filter(), claims,
                    c.searchedValues());
            assertThat(actual.indicators()).isEqualTo(expected.indicators());
            assertThat(actual.totals()).isEqualTo(expected.totals());
            assertThat(actual.byMember()).isEqualTo(expected.byMember());
        }
    }

    /**
     * Read answer by answer as they arrive (in any order, cut anywhere), the merge gives what the reference gives for
     * all of them, the creator claims checked over all of them: including the answers whose claims turn out
     * unconfirmed only once the last is in.
     */
    @Property(tries = 3_000)
    void theMergeReadAnswerByAnswerGivesWhatTheReferenceGives(@ForAll("cases") Case c,
            @ForAll @IntRange(min = 1, max = 6) int answers) {
        List<MemberRef> alliance = c.checkClaims() ? List.copyOf(new LinkedHashSet<>(MEMBERS)) : List.of();
        MergedResult expected = ReferenceMerger.merge(c.hits(), c.policy(), c.filter(), c.claims(),
                c.searchedValues());
        List<MemberHit> shuffled = new ArrayList<>(c.hits());
        Random random = new Random(c.seed());
        Collections.shuffle(shuffled, random);
        RunningMerge running = new IndicatorMerger().start(c.policy(), c.filter(), c.searchedValues(), answers);
        int from = 0;
        for (int left = answers; left > 0; left--) {
            int to = left == 1 ? shuffled.size() : from + random.nextInt(shuffled.size() - from + 1);
            running.add(shuffled.subList(from, to));
            from = to;
        }
        MergedResult actual = running.finish(alliance);
        assertThat(actual.indicators()).isEqualTo(expected.indicators());
        assertThat(actual.totals()).isEqualTo(expected.totals());
        assertThat(actual.byMember()).isEqualTo(expected.byMember());
    }
}
