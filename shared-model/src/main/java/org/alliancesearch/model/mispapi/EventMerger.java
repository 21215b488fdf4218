package org.alliancesearch.model.mispapi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.alliancesearch.model.indicator.IndicatorKey;
import org.alliancesearch.model.indicator.Indicators;
import org.alliancesearch.model.indicator.SearchedValues;
import org.alliancesearch.model.merge.IndicatorMerger;
import org.alliancesearch.model.merge.OrganisationClaims;
import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.misp.MispEvent;
import org.alliancesearch.model.misp.MispEventDocument;
import org.alliancesearch.model.misp.MispObject;
import org.alliancesearch.model.misp.MispOrganisation;
import org.alliancesearch.model.misp.MispTag;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.policy.TagFilter;
import org.alliancesearch.model.policy.TagPolicy;
import org.alliancesearch.model.policy.Tlp;
import org.alliancesearch.model.query.SearchQuery;
import org.alliancesearch.model.result.MemberHit;
import org.alliancesearch.model.result.MemberRef;

/**
 * Merges the members' events into the alliance's answer to an event search (MISP's {@code events/restSearch}).
 *
 * <p>
 * <b>One event per uuid.</b> Copies of the same event uuid from several members (synchronised copies) are one event
 * held by each. Its attributes are unioned by attribute uuid within the event (or within the same object): the same
 * uuid with the same type and value (as the merge keys values, {@link Indicators#key}) is one attribute listing every
 * holder; the same uuid with another value from another member is kept apart, never overwriting. The copy that speaks
 * for the event (its header, and each attribute's fields) is the creator's own (the member of the organisation its
 * {@code Orgc} names, as the other merges decide it: {@link IndicatorMerger#fromCreator}), then one whose creator
 * claim stands, then the first member by id; never the newest by a member's {@code timestamp}, which any member may
 * set. The tags shown are every kept copy's together (more tags can only hide more). The result does not depend on the order of the answers.
 *
 * <p>
 * <b>Policy.</b> A copy whose own event tags fail the policy (a dropping tag, a TLP above the ceiling) is dropped
 * whole. Inside a kept copy, each attribute (of the event or of an object) is checked with its own tags and the
 * event's (inherited), and removed when it fails the policy or the query's tag filter; a deleted attribute is removed
 * too; an object left without attributes is not shown. A member's stricter policy ({@code memberPolicies}) is applied
 * to that member's copies only, on top of the alliance policy.
 *
 * <p>
 * <b>Answered.</b> An event is answered only when at least one kept attribute answers the search: its value is one of
 * the searched values ({@link SearchedValues}) and it passes the optional attribute filter (the MISP request's own
 * attribute filters). Other kept attributes of an answered event are shown too (MISP returns whole events).
 *
 * <p>
 * <b>Creator organisation.</b> A member speaks for its own organisation and for organisations outside the alliance,
 * never for another member's ({@link OrganisationClaims}, checked on every attribute the members returned, before
 * any policy). A copy whose {@code Orgc} names another alliance member's organisation without that member returning
 * the event (and each attribute the copy holds) is shown, if its header is the one shown, with the holder member's
 * own organisation as {@code Orgc} (its MISP organisation name and uuid when known, else the organisation the admin
 * named), and {@link MergedEvents.Event#claimReplaced()} is set. A copy without {@code Orgc} is likewise shown as
 * created by its holder's organisation.
 *
 * <p>
 * Stateless and thread-safe.
 */
public final class EventMerger {

    /**
     * What the merge applies.
     *
     * @param policy the alliance policy
     * @param memberPolicies member id to that member's stricter policy (applied to its copies only); may be empty
     * @param query the search: its values decide which events are answered, its include/exclude tags filter
     *        attributes; its values may not be empty
     * @param attributeFilter which attributes answer the search beyond their value (null: any)
     * @param alliance every member asked, answered or not (their organisations are the ones no other member may
     *        speak for); null or empty to check no claim
     */
    public record Rules(AlliancePolicy policy, Map<String, AlliancePolicy> memberPolicies, SearchQuery query,
            Predicate<MispAttribute> attributeFilter, List<MemberRef> alliance) {
        public Rules {
            policy = policy == null ? AlliancePolicy.defaults() : policy;
            memberPolicies = memberPolicies == null ? Map.of() : Map.copyOf(memberPolicies);
            alliance = alliance == null ? List.of() : List.copyOf(alliance);
        }
    }

    private static final Comparator<MemberRef> BY_ID = Comparator.comparing(MemberRef::id);

    /** Merges the members' answers under these rules. */
    public MergedEvents merge(Collection<MemberEvents> answers, Rules rules) {
        List<MemberEvents> ordered = new ArrayList<>(answers);
        ordered.sort(Comparator.comparing(a -> a.member().id()));
        SearchQuery query = rules.query();
        SearchedValues searched = SearchedValues.of(query == null ? List.of() : query.values());
        TagFilter filter = query == null ? TagFilter.none() : new TagFilter(query.includeTags(), query.excludeTags());
        TagPolicy alliancePolicy = TagPolicy.of(rules.policy(), filter);
        OrganisationClaims claims = OrganisationClaims.check(rules.alliance(), hits(ordered));
        Predicate<MispAttribute> answersFilter = rules.attributeFilter() == null ? a -> true : rules.attributeFilter();

        // Every kept copy, by event uuid, in member id order.
        Map<String, List<Copy>> byEvent = new LinkedHashMap<>();
        for (MemberEvents answer : ordered) {
            AlliancePolicy own = rules.memberPolicies().get(answer.member().id());
            TagPolicy ownPolicy = own == null || own.equals(rules.policy())
                    ? null
                    : TagPolicy.of(own,
                            TagFilter.none());
            for (MispEventDocument doc : answer.events()) {
                Copy copy = copy(answer.member(), doc, alliancePolicy, ownPolicy, claims, searched, answersFilter);
                if (copy != null) {
                    byEvent.computeIfAbsent(doc.uuid(), k -> new ArrayList<>()).add(copy);
                }
            }
        }
        List<MergedEvents.Event> events = new ArrayList<>();
        for (List<Copy> all : byEvent.values()) {
            // A copy of which the policy left nothing does not make its member a holder.
            List<Copy> copies = all.stream().filter(c -> !c.isEmpty()).toList();
            if (copies.stream().anyMatch(c -> c.answers)) {
                events.add(event(copies));
            }
        }
        events.sort(Comparator.comparing((MergedEvents.Event e) -> e.header().date(),
                Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
                .thenComparing(e -> e.header().uuid()));
        return new MergedEvents(events, tallies(ordered, rules.alliance(), events));
    }

    /** The attributes of every copy as hits, each with its copy's event context (for the creator claims). */
    private static List<MemberHit> hits(List<MemberEvents> answers) {
        List<MemberHit> hits = new ArrayList<>();
        for (MemberEvents answer : answers) {
            for (MispEventDocument doc : answer.events()) {
                doc.allAttributes().forEach(a -> hits.add(new MemberHit(answer.member(), a)));
            }
        }
        return hits;
    }

    /** One member's copy of one event after the policy, or null when the policy drops it whole. */
    private static Copy copy(MemberRef member, MispEventDocument doc, TagPolicy policy, TagPolicy ownPolicy,
            OrganisationClaims claims, SearchedValues searched, Predicate<MispAttribute> answersFilter) {
        List<String> eventTags = names(doc.tags());
        if (!eventPasses(policy, eventTags) || (ownPolicy != null && !eventPasses(ownPolicy, eventTags))) {
            return null;
        }
        Copy copy = new Copy(member, doc);
        MispEvent context = null;
        for (MispAttribute a : doc.attributes()) {
            context = context == null ? a.event() : context;
            if (keep(a, eventTags, policy, ownPolicy)) {
                copy.attributes.add(a);
                copy.answers |= searched.matches(a.type(), a.value()) && answersFilter.test(a);
            }
        }
        for (MispObject o : doc.objects()) {
            List<MispAttribute> kept = new ArrayList<>();
            for (MispAttribute a : o.attributes()) {
                context = context == null ? a.event() : context;
                if (keep(a, eventTags, policy, ownPolicy)) {
                    kept.add(a);
                    copy.answers |= searched.matches(a.type(), a.value()) && answersFilter.test(a);
                }
            }
            if (!kept.isEmpty()) {
                copy.objects.add(new ObjectCopy(o, kept));
            }
        }
        copy.claimStands = context == null || !claims.unconfirmed(context);
        return copy;
    }

    /** An event's own tags: only the alliance's markings count here; the search's tag filter is per attribute. */
    private static boolean eventPasses(TagPolicy policy, List<String> tags) {
        boolean dropping = false;
        Tlp tlp = null;
        for (String tag : tags) {
            TagPolicy.TagInfo info = policy.classify(tag);
            dropping |= info.dropping();
            tlp = Tlp.mostRestrictive(tlp, info.tlp());
        }
        return policy.verdict(dropping, tlp, true, false) == TagPolicy.Verdict.KEEP;
    }

    private static boolean keep(MispAttribute a, List<String> eventTags, TagPolicy policy, TagPolicy ownPolicy) {
        if (a.deleted()) {
            return false;
        }
        List<String> tags = new ArrayList<>(eventTags);
        for (MispTag t : a.tags()) {
            tags.add(t.name());
        }
        return policy.verdict(tags) == TagPolicy.Verdict.KEEP
                && (ownPolicy == null || ownPolicy.verdict(tags) == TagPolicy.Verdict.KEEP);
    }

    private static MergedEvents.Event event(List<Copy> copies) {
        // The creator's own copy speaks first, then one whose claim stands, then the first member by id: another
        // member's doctored copy of the event never replaces the creator's header nor its attributes' fields.
        List<Copy> ordered = copies.stream()
                .sorted(Comparator.comparing((Copy c) -> !IndicatorMerger.fromCreator(
                        c.doc.orgc() == null ? null : c.doc.orgc().name(), c.member))
                        .thenComparing(c -> !c.claimStands)
                        .thenComparing(c -> c.member.id()))
                .toList();
        Copy shown = ordered.get(0);
        List<MemberRef> holders = copies.stream().map(c -> c.member).distinct().sorted(BY_ID).toList();
        Map<String, MispTag> tags = new LinkedHashMap<>();
        for (Copy c : ordered) {
            for (MispTag t : c.doc.tags()) {
                tags.putIfAbsent(t.name().strip().toLowerCase(Locale.ROOT), t);
            }
        }
        Attributes own = new Attributes();
        Map<String, ObjectGroup> objects = new LinkedHashMap<>();
        for (Copy c : ordered) {
            for (int i = 0; i < c.attributes.size(); i++) {
                own.add(c.member, c.attributes.get(i), i);
            }
            for (int i = 0; i < c.objects.size(); i++) {
                ObjectCopy o = c.objects.get(i);
                String key = o.object.uuid() == null ? "\u0000" + c.member.id() + "\u0000" + i : o.object.uuid();
                ObjectGroup g = objects.computeIfAbsent(key, k -> new ObjectGroup(o.object));
                g.holders.add(c.member);
                for (int j = 0; j < o.attributes.size(); j++) {
                    g.attributes.add(c.member, o.attributes.get(j), j);
                }
            }
        }
        List<MergedEvents.EventObject> mergedObjects = new ArrayList<>();
        for (ObjectGroup g : objects.values()) {
            mergedObjects.add(new MergedEvents.EventObject(g.header, g.attributes.merged(),
                    g.holders.stream().distinct().sorted(BY_ID).toList()));
        }
        MispOrganisation orgc = shown.claimStands && shown.doc.orgc() != null
                ? shown.doc.orgc()
                : organisation(shown.member);
        return new MergedEvents.Event(shown.doc, orgc, organisation(shown.member), List.copyOf(tags.values()),
                own.merged(), mergedObjects, holders, !shown.claimStands);
    }

    /** A member's own organisation: its MISP organisation when known, else the one the admin named. */
    static MispOrganisation organisation(MemberRef member) {
        String name = member.mispOrganisation() != null && !member.mispOrganisation().isBlank()
                ? member.mispOrganisation()
                : member.organisation();
        return new MispOrganisation(name, member.mispOrganisationUuid());
    }

    private static List<MergedEvents.Tally> tallies(List<MemberEvents> answers, List<MemberRef> alliance,
            List<MergedEvents.Event> events) {
        Map<String, MemberRef> members = new HashMap<>();
        alliance.forEach(m -> members.put(m.id(), m));
        answers.forEach(a -> members.putIfAbsent(a.member().id(), a.member()));
        Map<String, int[]> counts = new HashMap<>();
        for (MergedEvents.Event e : events) {
            e.holders().forEach(h -> counts.computeIfAbsent(h.id(), k -> new int[2])[0]++);
            for (MergedEvents.Attribute a : e.attributes()) {
                a.holders().forEach(h -> counts.computeIfAbsent(h.id(), k -> new int[2])[1]++);
            }
            for (MergedEvents.EventObject o : e.objects()) {
                for (MergedEvents.Attribute a : o.attributes()) {
                    a.holders().forEach(h -> counts.computeIfAbsent(h.id(), k -> new int[2])[1]++);
                }
            }
        }
        return members.values().stream().sorted(BY_ID).map(m -> {
            int[] c = counts.getOrDefault(m.id(), new int[2]);
            return new MergedEvents.Tally(m, c[0], c[1]);
        }).toList();
    }

    private static List<String> names(List<MispTag> tags) {
        List<String> out = new ArrayList<>(tags.size());
        tags.forEach(t -> out.add(t.name()));
        return out;
    }

    /** Attributes of one container (the event, or one object) of every copy, unioned by uuid, type and value. */
    private static final class Attributes {
        private final Map<String, List<MispAttribute>> copies = new LinkedHashMap<>();
        private final Map<String, List<MemberRef>> holders = new HashMap<>();

        void add(MemberRef member, MispAttribute a, int index) {
            String key;
            if (a.uuid() == null || a.uuid().isBlank()) {
                // Without a uuid nothing says two records are one: each stays apart.
                key = "\u0000" + member.id() + "\u0000" + index;
            } else {
                IndicatorKey k = Indicators.key(a.type(), a.value());
                key = a.uuid().strip().toLowerCase(Locale.ROOT) + "\u0000" + k.family() + "\u0000" + k.value();
            }
            copies.computeIfAbsent(key, x -> new ArrayList<>()).add(a);
            List<MemberRef> h = holders.computeIfAbsent(key, x -> new ArrayList<>());
            if (!h.contains(member)) {
                h.add(member);
            }
        }

        List<MergedEvents.Attribute> merged() {
            List<MergedEvents.Attribute> out = new ArrayList<>(copies.size());
            copies.forEach((key, list) -> {
                MispAttribute first = list.get(0);
                List<MispTag> tags = first.tags();
                if (list.size() > 1) {
                    Map<String, MispTag> all = new LinkedHashMap<>();
                    for (MispAttribute a : list) {
                        a.tags().forEach(t -> all.putIfAbsent(t.name().strip().toLowerCase(Locale.ROOT), t));
                    }
                    tags = List.copyOf(all.values());
                }
                MispAttribute shown = tags == first.tags()
                        ? first
                        : new MispAttribute(first.id(), first.uuid(),
                                first.eventId(), first.objectId(), first.objectRelation(), first.category(),
                                first.type(),
                                first.value(), first.toIds(), first.timestamp(), first.firstSeen(), first.lastSeen(),
                                first.distribution(), first.comment(), first.deleted(), tags, first.event());
                out.add(new MergedEvents.Attribute(shown, holders.get(key).stream().sorted(BY_ID).toList()));
            });
            return out;
        }
    }

    private static final class ObjectGroup {
        final MispObject header;
        final Attributes attributes = new Attributes();
        final List<MemberRef> holders = new ArrayList<>();

        ObjectGroup(MispObject header) {
            this.header = header;
        }
    }

    private record ObjectCopy(MispObject object, List<MispAttribute> attributes) {
    }

    /** One member's copy of one event, after the policy. */
    private static final class Copy {
        final MemberRef member;
        final MispEventDocument doc;
        final List<MispAttribute> attributes = new ArrayList<>();
        final List<ObjectCopy> objects = new ArrayList<>();
        boolean answers;
        boolean claimStands = true;

        Copy(MemberRef member, MispEventDocument doc) {
            this.member = member;
            this.doc = doc;
        }

        boolean isEmpty() {
            return attributes.isEmpty() && objects.isEmpty();
        }
    }
}
