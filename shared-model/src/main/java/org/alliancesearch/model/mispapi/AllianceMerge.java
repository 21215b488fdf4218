package org.alliancesearch.model.mispapi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.alliancesearch.model.indicator.IndicatorKey;
import org.alliancesearch.model.indicator.Indicators;
import org.alliancesearch.model.merge.IndicatorMerger;
import org.alliancesearch.model.merge.OrganisationClaims;
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
 * The members' hits as MISP attributes of one alliance: synchronised copies shown once, and the alliance policy and
 * the search's tag filter applied by the rules of {@link IndicatorMerger}, so that this answer shows exactly the
 * records the portal's own search shows:
 * <ul>
 * <li>copies are the same attribute only when uuid, type family with canonical value, and event uuid agree; a member
 * reusing another's uuid with other content gets a record of its own and never overwrites the other's;</li>
 * <li>an attribute is removed when any copy of it, or any copy of its event (event tags, and tags a member marked
 * inherited from the event), carries a dropping tag or a TLP above the ceiling, or fails the tag filter;</li>
 * <li>an attribute any member marks deleted is removed.</li>
 * </ul>
 * The result is ordered by event date (newest first), then event uuid, attribute uuid and value, and does not depend
 * on the order of the hits. Stateless.
 */
public final class AllianceMerge {
    /** Newest event first; then by event uuid, uuid, value, type and first holder: deterministic, for paging. */
    public static final Comparator<AllianceAttribute> ORDER = Comparator
            .comparing((AllianceAttribute a) -> a.attribute().event() == null ? null : a.attribute().event().date(),
                    Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(a -> nz(a.eventUuid()))
            .thenComparing(a -> nz(a.attribute().uuid()))
            .thenComparing(a -> nz(a.attribute().value()))
            .thenComparing(a -> nz(a.attribute().type()))
            .thenComparing(a -> a.holders().isEmpty() ? "" : a.holders().get(0).id())
            // records alike so far are rare (a member reusing its own uuid): any total order will do
            .thenComparing(a -> a.attribute().toString());

    private AllianceMerge() {
    }

    /**
     * @param hits the hits after each member's stricter policy (the alliance policy is applied here)
     * @param policy the alliance policy (null: the defaults)
     * @param filter the search's tag filter
     * @param claims the creator claims checked over every hit of the search
     */
    public static List<AllianceAttribute> merge(Collection<MemberHit> hits, AlliancePolicy policy, TagFilter filter,
            OrganisationClaims claims) {
        TagPolicy tagPolicy = TagPolicy.of(policy == null ? AlliancePolicy.defaults() : policy, filter);
        OrganisationClaims checked = claims == null ? OrganisationClaims.none() : claims;
        Map<String, TagPolicy.TagInfo> infos = new HashMap<>();
        Map<Object, Facts> events = new HashMap<>();
        Map<String, Group> groups = new LinkedHashMap<>();
        for (MemberHit hit : hits) {
            MispAttribute a = hit.attribute();
            MispEvent e = a.event();
            Object eventKey = eventKey(hit);
            Facts eventFacts = eventKey == null ? null : events.computeIfAbsent(eventKey, k -> new Facts());
            IndicatorKey key = Indicators.key(a.type() == null ? "" : a.type(), a.value() == null ? "" : a.value());
            String groupKey = attributeKey(hit) + "\u0000" + key.family() + "\u0000" + key.value() + "\u0000"
                    + (e == null || !hasText(e.uuid()) ? "" : e.uuid());
            Group g = groups.computeIfAbsent(groupKey, k -> new Group());
            g.hits.add(hit);
            g.deleted |= a.deleted();
            for (MispTag t : a.tags()) {
                TagPolicy.TagInfo info = infos.computeIfAbsent(t.name(), tagPolicy::classify);
                g.facts.add(info);
                if (t.inherited() && eventFacts != null) {
                    eventFacts.add(info);
                }
            }
            if (e != null) {
                for (MispTag t : e.tags()) {
                    TagPolicy.TagInfo info = infos.computeIfAbsent(t.name(), tagPolicy::classify);
                    g.facts.add(info);
                    if (eventFacts != null) {
                        eventFacts.add(info);
                    }
                }
            }
            if (eventFacts != null && !g.events.contains(eventFacts)) {
                g.events.add(eventFacts);
            }
        }
        List<AllianceAttribute> out = new ArrayList<>();
        for (Group g : groups.values()) {
            if (g.deleted) {
                continue;
            }
            Facts all = new Facts();
            all.add(g.facts);
            g.events.forEach(all::add);
            if (tagPolicy.verdict(all.dropping, all.tlp, all.included, all.excluded) == TagPolicy.Verdict.KEEP) {
                out.add(build(g.hits, checked));
            }
        }
        out.sort(ORDER);
        return out;
    }

    private static AllianceAttribute build(List<MemberHit> copies, OrganisationClaims claims) {
        MemberHit rep = null;
        for (MemberHit h : copies) {
            if (rep == null || IndicatorMerger.compareSpeakers(h, rep, claims) < 0) {
                rep = h;
            }
        }
        Map<String, MemberRef> holders = new LinkedHashMap<>();
        // by name ignoring case; of several spellings the one that sorts last, so that the order of hits is no matter
        Map<String, MispTag> tags = new TreeMap<>();
        Map<String, MispTag> eventTags = new TreeMap<>();
        for (MemberHit h : copies) {
            holders.putIfAbsent(h.member().id(), h.member());
        }
        // The tags are the speaking copy's, like its other fields: another member's copy cannot relabel the record
        // (the policy above has looked at every copy's tags already).
        for (MispTag t : rep.attribute().tags()) {
            offer(t.inherited() ? eventTags : tags, new MispTag(t.name(), t.inherited()));
        }
        if (rep.attribute().event() != null) {
            for (MispTag t : rep.attribute().event().tags()) {
                offer(eventTags, new MispTag(t.name(), true));
            }
        }
        List<MemberRef> members = new ArrayList<>(holders.values());
        members.sort(Comparator.comparing(MemberRef::name).thenComparing(MemberRef::id));
        MispEvent e = rep.attribute().event();
        String creator;
        String creatorUuid;
        if (e == null || !hasText(e.orgcName()) || claims.unconfirmed(rep)) {
            // The record does not reveal its creator, or names another member's organisation unconfirmed: the
            // holder speaks for itself only.
            creator = rep.member().organisation();
            creatorUuid = rep.member().mispOrganisationUuid();
        } else {
            creator = e.orgcName();
            creatorUuid = e.orgcUuid();
        }
        return new AllianceAttribute(rep.attribute(), new ArrayList<>(tags.values()),
                new ArrayList<>(eventTags.values()), members, creator, creatorUuid, rep.member());
    }

    private static void offer(Map<String, MispTag> tags, MispTag t) {
        tags.merge(t.name().strip().toLowerCase(Locale.ROOT), t, (a, b) -> a.name().compareTo(b.name()) >= 0 ? a : b);
    }

    private static Object attributeKey(MemberHit hit) {
        String uuid = hit.attribute().uuid();
        if (hasText(uuid)) {
            return uuid;
        }
        // Without a uuid an attribute cannot be matched across members.
        String id = hit.attribute().id();
        return id == null ? "\u0001" + System.identityHashCode(hit) : hit.member().id() + "\u0000" + id;
    }

    private static Object eventKey(MemberHit hit) {
        MispEvent e = hit.attribute().event();
        if (e == null) {
            return null;
        }
        if (hasText(e.uuid())) {
            return e.uuid();
        }
        return e.id() == null ? null : hit.member().id() + "\u0000" + e.id();
    }

    private static boolean hasText(String s) {
        return s != null && !s.isEmpty();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Tag facts combined over the copies of an attribute or of an event. */
    private static final class Facts {
        boolean dropping;
        boolean included;
        boolean excluded;
        Tlp tlp;

        void add(TagPolicy.TagInfo info) {
            dropping |= info.dropping();
            included |= info.included();
            excluded |= info.excluded();
            tlp = Tlp.mostRestrictive(tlp, info.tlp());
        }

        void add(Facts other) {
            dropping |= other.dropping;
            included |= other.included;
            excluded |= other.excluded;
            tlp = Tlp.mostRestrictive(tlp, other.tlp);
        }
    }

    private static final class Group {
        final List<MemberHit> hits = new ArrayList<>(2);
        final Facts facts = new Facts();
        final List<Facts> events = new ArrayList<>(1);
        boolean deleted;
    }
}
