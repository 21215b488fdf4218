package org.alliancesearch.model.merge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.alliancesearch.model.indicator.CompositeHalf;
import org.alliancesearch.model.indicator.IndicatorKey;
import org.alliancesearch.model.indicator.Indicators;
import org.alliancesearch.model.indicator.SearchedValues;
import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.misp.MispEvent;
import org.alliancesearch.model.misp.MispTag;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.policy.TagFilter;
import org.alliancesearch.model.policy.TagPolicy;
import org.alliancesearch.model.policy.Tlp;
import org.alliancesearch.model.result.MemberHit;
import org.alliancesearch.model.result.MemberRef;

/**
 * The merge written plainly from its documented rules (docs/architecture.md, the Javadoc of {@link IndicatorMerger},
 * {@link MergedIndicator}, {@link IndicatorEvent}, {@link MergeTotals} and {@link MergedResult}): maps and streams, no
 * tuning. {@link IndicatorMerger} must give exactly the same result.
 */
final class ReferenceMerger {
    /** Lists of text are sorted ignoring case first. */
    private static final Comparator<String> TEXT = Comparator.<String, String>comparing(s -> s,
            String.CASE_INSENSITIVE_ORDER).thenComparing(Comparator.naturalOrder());

    private ReferenceMerger() {
    }

    /**
     * The copies of one record: same uuid (else the member's attribute id), indicator and event uuid. Compared by
     * identity: two records without uuid or id may hold equal copies and are still two.
     */
    private static final class Record {
        private final IndicatorKey key;
        private final List<MemberHit> copies = new ArrayList<>();

        Record(IndicatorKey key) {
            this.key = key;
        }

        IndicatorKey key() {
            return key;
        }

        List<MemberHit> copies() {
            return copies;
        }
    }

    static MergedResult merge(List<MemberHit> hits, AlliancePolicy policy, TagFilter filter,
            OrganisationClaims claims) {
        return merge(hits, policy, filter, claims, null);
    }

    /**
     * A composite record is filed under the indicator of each half the search asked for (judged on its speaking
     * copy), else under its key; each indicator counts what is filed under it, the totals count each record once.
     */
    static MergedResult merge(List<MemberHit> hits, AlliancePolicy policy, TagFilter filter,
            OrganisationClaims claims, SearchedValues searched) {
        TagPolicy tagPolicy = TagPolicy.of(policy == null ? AlliancePolicy.defaults() : policy, filter);
        OrganisationClaims checked = claims == null ? OrganisationClaims.none() : claims;

        Map<List<Object>, Record> records = new LinkedHashMap<>();
        // The tags every copy of an event carries: the event's own and those the members marked inherited.
        Map<Object, Set<String>> eventTags = new HashMap<>();
        for (MemberHit hit : hits) {
            MispAttribute a = hit.attribute();
            IndicatorKey key = Indicators.key(a.type() == null ? "" : a.type(), a.value() == null ? "" : a.value());
            List<Object> recordKey = List.of(attributeKey(hit), key.family(), key.value(),
                    Objects.requireNonNullElse(eventUuid(hit), ""));
            records.computeIfAbsent(recordKey, k -> new Record(key)).copies().add(hit);
            Object eventKey = eventKey(hit);
            if (eventKey != null) {
                Set<String> tags = eventTags.computeIfAbsent(eventKey, k -> new HashSet<>());
                a.event().tags().forEach(t -> tags.add(t.name()));
                a.tags().stream().filter(MispTag::inherited).forEach(t -> tags.add(t.name()));
            }
        }

        // The policy looks at every copy of a record and of its event.
        Map<Record, Tlp> kept = new LinkedHashMap<>();
        int deleted = 0;
        int[] removed = new int[TagPolicy.Verdict.values().length];
        // Every member that sent something is tallied, even when all it sent was deleted.
        Map<String, int[]> byMember = new HashMap<>();
        hits.forEach(h -> byMember.putIfAbsent(h.member().id(), new int[2]));
        for (Record r : records.values()) {
            if (r.copies().stream().anyMatch(h -> h.attribute().deleted())) {
                deleted++;
                continue;
            }
            List<String> tags = new ArrayList<>();
            for (MemberHit h : r.copies()) {
                h.attribute().tags().forEach(t -> tags.add(t.name()));
                if (h.attribute().event() != null) {
                    h.attribute().event().tags().forEach(t -> tags.add(t.name()));
                }
                Object eventKey = eventKey(h);
                if (eventKey != null) {
                    tags.addAll(eventTags.get(eventKey));
                }
            }
            TagPolicy.Verdict verdict = tagPolicy.verdict(tags);
            removed[verdict.ordinal()]++;
            for (String memberId : r.copies().stream().map(h -> h.member().id()).distinct().toList()) {
                byMember.computeIfAbsent(memberId, k -> new int[2])[verdict == TagPolicy.Verdict.KEEP ? 0 : 1]++;
            }
            if (verdict == TagPolicy.Verdict.KEEP) {
                kept.put(r, tags.stream().map(Tlp::fromTag).reduce(null, Tlp::mostRestrictive));
            }
        }

        // A record's fields are its speaking copy's; a tag is shown in the spelling that sorts last among the records
        // shown (TLP tags as their TLP 2.0 name).
        Map<Record, MemberHit> speaker = new HashMap<>();
        Map<String, String> spelling = new HashMap<>();
        for (Record r : kept.keySet()) {
            MemberHit s = r.copies().stream().min((x, y) -> compareSpeakers(x, y, checked)).orElseThrow();
            speaker.put(r, s);
            for (String tag : tagsOf(s)) {
                TagPolicy.TagInfo info = tagPolicy.classify(tag);
                String shown = info.tlp() != null ? info.tlp().tagName() : tag;
                spelling.merge(info.key(), shown, (x, y) -> x.compareTo(y) >= 0 ? x : y);
            }
        }

        Map<IndicatorKey, List<Record>> byIndicator = new LinkedHashMap<>();
        Map<IndicatorKey, List<CompositeMatch>> composites = new HashMap<>();
        for (Record r : kept.keySet()) {
            MispAttribute a = speaker.get(r).attribute();
            String type = a.type() == null ? "" : a.type();
            Set<CompositeHalf> halves = searched == null || a.value() == null
                    ? Set.of()
                    : searched.matchedHalves(type, a.value());
            if (halves.isEmpty()) {
                byIndicator.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
            }
            for (CompositeHalf half : halves) {
                IndicatorKey key = Indicators.halfKey(type, a.value(), half);
                byIndicator.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
                composites.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new CompositeMatch(type, Indicators.compositeValue(type, a.value()), half));
            }
        }
        List<MergedIndicator> indicators = new ArrayList<>();
        for (Map.Entry<IndicatorKey, List<Record>> e : byIndicator.entrySet()) {
            List<Record> rs = e.getValue();
            List<MemberHit> speakers = rs.stream().map(speaker::get).toList();
            List<MemberHit> copies = rs.stream().flatMap(r -> r.copies().stream()).toList();
            List<String> organisations = speakers.stream().filter(h -> !checked.unconfirmed(h))
                    .map(ReferenceMerger::creator).distinct().sorted(TEXT).toList();
            List<String> unconfirmed = speakers.stream().filter(checked::unconfirmed).map(ReferenceMerger::creator)
                    .filter(o -> !organisations.contains(o)).distinct().sorted(TEXT).toList();
            List<Instant> times = speakers.stream().map(MemberHit::attribute)
                    .flatMap(a -> Stream.of(a.timestamp(), a.firstSeen(), a.lastSeen())).filter(Objects::nonNull)
                    .toList();
            indicators.add(new MergedIndicator(e.getKey().value(), e.getKey().family(),
                    speakers.stream().map(h -> h.attribute().type() == null ? "" : h.attribute().type()).distinct()
                            .sorted(TEXT).toList(),
                    speakers.stream().map(h -> h.attribute().category()).filter(Objects::nonNull).distinct()
                            .sorted(TEXT).toList(),
                    organisations, members(copies),
                    speakers.stream().flatMap(h -> tagsOf(h).stream())
                            .map(t -> spelling.get(tagPolicy.classify(t).key())).distinct().sorted(TEXT).toList(),
                    rs.stream().map(kept::get).reduce(null, Tlp::mostRestrictive),
                    speakers.stream().anyMatch(h -> h.attribute().toIds()),
                    times.stream().min(Comparator.naturalOrder()).orElse(null),
                    times.stream().max(Comparator.naturalOrder()).orElse(null), events(copies, checked), rs.size(),
                    copies.size(), unconfirmed,
                    composites.getOrDefault(e.getKey(), List.of()).stream().distinct().sorted().toList()));
        }
        indicators.sort(Comparator.comparing((MergedIndicator i) -> -i.organisations().size())
                .thenComparing(MergedIndicator::lastSeen, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(MergedIndicator::value).thenComparing(MergedIndicator::family));

        Map<String, MergedResult.MemberTally> tallies = new HashMap<>();
        byMember.forEach((id, n) -> tallies.put(id, new MergedResult.MemberTally(n[0], n[1])));
        MergeTotals.PolicyRemovals reasons = new MergeTotals.PolicyRemovals(
                removed[TagPolicy.Verdict.DROPPING_TAG.ordinal()], removed[TagPolicy.Verdict.OVER_MAX_TLP.ordinal()],
                removed[TagPolicy.Verdict.EXCLUDED_BY_FILTER.ordinal()]);
        return new MergedResult(indicators, new MergeTotals(indicators.size(), hits.size(),
                hits.size() - records.size(), reasons.total(), deleted, reasons), tallies);
    }

    /** The creator's own copy speaks first, then a copy whose claim stands, then the smallest member id. */
    private static int compareSpeakers(MemberHit x, MemberHit y, OrganisationClaims claims) {
        return Comparator.comparing((MemberHit h) -> !fromCreator(h.attribute().event(), h.member()))
                .thenComparing(h -> claims.unconfirmed(h)).thenComparing(h -> h.member().id())
                .thenComparing(MemberHit::toString).compare(x, y);
    }

    private static boolean fromCreator(MispEvent e, MemberRef m) {
        return e != null && e.orgcName() != null && e.orgcName().equalsIgnoreCase(m.organisation());
    }

    /** The attribute's tags and its event's. */
    private static List<String> tagsOf(MemberHit h) {
        List<String> tags = new ArrayList<>();
        h.attribute().tags().forEach(t -> tags.add(t.name()));
        if (h.attribute().event() != null) {
            h.attribute().event().tags().forEach(t -> tags.add(t.name()));
        }
        return tags;
    }

    /** The event's {@code Orgc}, else the member's organisation. */
    private static String creator(MemberHit h) {
        MispEvent e = h.attribute().event();
        return e != null && e.orgcName() != null && !e.orgcName().isBlank() ? e.orgcName() : h.member().organisation();
    }

    /** By id; a member renamed during the search once, under the name that sorts first. */
    private static List<IndicatorMember> members(List<MemberHit> copies) {
        Map<String, String> names = new TreeMap<>();
        copies.forEach(h -> names.merge(h.member().id(), h.member().name(), (x, y) -> x.compareTo(y) <= 0 ? x : y));
        return names.entrySet().stream().map(e -> new IndicatorMember(e.getKey(), e.getValue())).toList();
    }

    /**
     * One per event (by uuid; without uuid, by the member's event id), shown from the creator's own copy, else the
     * member with the smallest id; newest first, then by uuid and member.
     */
    private static List<IndicatorEvent> events(List<MemberHit> copies, OrganisationClaims claims) {
        Map<Object, IndicatorEvent> events = new HashMap<>();
        Map<Object, MemberHit> from = new HashMap<>();
        // Copies alike so far (one member, two copies of the event): a fixed order of what they hold.
        Comparator<String> text = Comparator.nullsLast(Comparator.naturalOrder());
        Comparator<MemberHit> first = Comparator
                .comparing((MemberHit h) -> !fromCreator(h.attribute().event(), h.member()))
                .thenComparing(h -> h.member().id()).thenComparing(h -> h.member().name(), text)
                .thenComparing(h -> h.member().organisation(), text).thenComparing(h -> h.member().baseUrl(), text)
                .thenComparing(h -> h.member().mispOrganisationUuid(), text)
                .thenComparing(h -> h.member().mispOrganisation(), text)
                .thenComparing(h -> h.attribute().event().id(), text)
                .thenComparing(h -> h.attribute().event().info(), text)
                .thenComparing(h -> h.attribute().event().orgcName(), text)
                .thenComparing(h -> Objects.toString(h.attribute().event().date(), null), text)
                .thenComparing(h -> Objects.requireNonNullElse(h.attribute().event().threatLevelId(), 0))
                .thenComparing(h -> h.attribute().event().uuid(), text);
        for (MemberHit h : copies) {
            Object key = eventKey(h);
            if (key != null && (!from.containsKey(key) || first.compare(h, from.get(key)) < 0)) {
                from.put(key, h);
                events.put(key, shown(h, claims));
            }
        }
        return events.values().stream()
                .sorted(Comparator.comparing(IndicatorEvent::date, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(ev -> Objects.requireNonNullElse(ev.uuid(), ""))
                        .thenComparing(IndicatorEvent::memberId).thenComparing(IndicatorEvent::toString))
                .toList();
    }

    private static IndicatorEvent shown(MemberHit h, OrganisationClaims claims) {
        MispEvent e = h.attribute().event();
        MemberRef m = h.member();
        String creator = e.orgcName() != null && !e.orgcName().isBlank() ? e.orgcName() : m.organisation();
        boolean unconfirmed = claims.unconfirmed(e);
        boolean wellFormed = e.uuid() != null
                && e.uuid().matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
        String url = m.baseUrl() == null || m.baseUrl().isBlank() || !wellFormed
                ? null
                : m.baseUrl().strip().replaceAll("/+$", "") + "/events/view/" + e.uuid();
        return new IndicatorEvent(e.uuid(), e.info(), e.date(), unconfirmed ? null : creator, m.id(), m.name(),
                e.threatLevelId(), url, unconfirmed ? creator : null);
    }

    /** The uuid; without one, the member's attribute id, which matches nothing at other members; else nothing. */
    private static Object attributeKey(MemberHit h) {
        String uuid = h.attribute().uuid();
        if (uuid != null && !uuid.isEmpty()) {
            return uuid;
        }
        return h.attribute().id() == null ? new Object() : List.of(h.member().id(), h.attribute().id());
    }

    private static String eventUuid(MemberHit h) {
        MispEvent e = h.attribute().event();
        return e == null || e.uuid() == null || e.uuid().isEmpty() ? null : e.uuid();
    }

    /** The event's uuid; without one, its id at this member; else none. */
    private static Object eventKey(MemberHit h) {
        MispEvent e = h.attribute().event();
        if (e == null) {
            return null;
        }
        String uuid = eventUuid(h);
        if (uuid != null) {
            return uuid;
        }
        return e.id() == null ? null : List.of(h.member().id(), e.id());
    }
}
