package org.alliancesearch.model.mispapi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * set. The tags shown are the speaking copy's, like its other fields: another member's copy can neither add a tag to
 * nor take one from the event or an attribute shown. The result does not depend on the order of the answers.
 *
 * <p>
 * <b>Policy</b>, by the rules of {@link IndicatorMerger} and {@link AllianceMerge}: every copy is looked at first, then
 * what any copy hides is hidden. An event is not shown at all when any member's copy of it carries, in its own event
 * tags, a dropping tag or a TLP above the ceiling: a member returning another member's TLP:RED event without the red
 * tag does not show it. An attribute (of the event or of an object) is not shown when any copy of it, with its own
 * tags and the tags of every copy of its event, fails the policy or the query's tag filter, or when any member marks
 * it deleted; an object left without attributes is not shown. A member's stricter policy ({@code memberPolicies})
 * removes that member's own copies (of an event, by its event tags; of an attribute, by its tags and its copy's event
 * tags) before anything else, as the portal's search applies it: such a copy neither makes the member a holder nor
 * hides another member's copy.
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

        // Every copy its member's own stricter policy keeps, by event uuid, in member id order.
        Map<String, List<Copy>> byEvent = new LinkedHashMap<>();
        for (MemberEvents answer : ordered) {
            AlliancePolicy own = rules.memberPolicies().get(answer.member().id());
            TagPolicy ownPolicy = own == null || own.equals(rules.policy())
                    ? null
                    : TagPolicy.of(own,
                            TagFilter.none());
            for (MispEventDocument doc : answer.events()) {
                Copy copy = copy(answer.member(), doc, ownPolicy, claims);
                if (copy != null) {
                    byEvent.computeIfAbsent(doc.uuid(), k -> new ArrayList<>()).add(copy);
                }
            }
        }
        List<MergedEvents.Event> events = new ArrayList<>();
        for (List<Copy> copies : byEvent.values()) {
            MergedEvents.Event e = event(copies, alliancePolicy, searched, answersFilter);
            if (e != null) {
                events.add(e);
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

    /**
     * One member's copy of one event after that member's own stricter policy (null: none), or null when that policy
     * drops it whole. The alliance policy is applied over all copies together ({@link #event}).
     */
    private static Copy copy(MemberRef member, MispEventDocument doc, TagPolicy ownPolicy, OrganisationClaims claims) {
        List<String> eventTags = names(doc.tags());
        if (ownPolicy != null && !eventPasses(ownPolicy, eventTags)) {
            return null;
        }
        Copy copy = new Copy(member, doc);
        MispEvent context = null;
        for (MispAttribute a : doc.attributes()) {
            context = context == null ? a.event() : context;
            if (ownPolicy == null || ownPolicy.verdict(tags(eventTags, a)) == TagPolicy.Verdict.KEEP) {
                copy.attributes.add(a);
            }
        }
        for (MispObject o : doc.objects()) {
            List<MispAttribute> kept = new ArrayList<>();
            for (MispAttribute a : o.attributes()) {
                context = context == null ? a.event() : context;
                if (ownPolicy == null || ownPolicy.verdict(tags(eventTags, a)) == TagPolicy.Verdict.KEEP) {
                    kept.add(a);
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

    /** The event's tags and the attribute's own. */
    private static List<String> tags(List<String> eventTags, MispAttribute a) {
        List<String> tags = new ArrayList<>(eventTags.size() + a.tags().size());
        tags.addAll(eventTags);
        for (MispTag t : a.tags()) {
            tags.add(t.name());
        }
        return tags;
    }

    /**
     * The event as shown from all copies of it, or null when it is not shown: a copy's event tags fail the policy,
     * no attribute is left, or none left answers the search.
     */
    private static MergedEvents.Event event(List<Copy> copies, TagPolicy policy, SearchedValues searched,
            Predicate<MispAttribute> answersFilter) {
        // Every copy's event tags count: one member's copy without the red tag must not show a red event.
        List<String> eventTags = new ArrayList<>();
        for (Copy c : copies) {
            List<String> own = names(c.doc.tags());
            if (!eventPasses(policy, own)) {
                return null;
            }
            eventTags.addAll(own);
        }
        // The creator's own copy speaks first, then one whose claim stands, then the first member by id: another
        // member's doctored copy of the event never replaces the creator's header nor its attributes' fields.
        List<Copy> ordered = copies.stream()
                .sorted(Comparator.comparing((Copy c) -> !IndicatorMerger.fromCreator(
                        c.doc.orgc() == null ? null : c.doc.orgc().name(), c.member))
                        .thenComparing(c -> !c.claimStands)
                        .thenComparing(c -> c.member.id()))
                .toList();
        Attributes own = new Attributes();
        Map<String, ObjectGroup> objects = new LinkedHashMap<>();
        for (Copy c : ordered) {
            for (int i = 0; i < c.attributes.size(); i++) {
                own.add(c, c.attributes.get(i), i);
            }
            for (int i = 0; i < c.objects.size(); i++) {
                ObjectCopy o = c.objects.get(i);
                String key = o.object.uuid() == null ? "\u0000" + c.member.id() + "\u0000" + i : o.object.uuid();
                ObjectGroup g = objects.computeIfAbsent(key, k -> new ObjectGroup(o.object));
                for (int j = 0; j < o.attributes.size(); j++) {
                    g.attributes.add(c, o.attributes.get(j), j);
                }
            }
        }
        List<MergedEvents.Attribute> ownShown = own.merged(policy, eventTags);
        boolean answers = own.answers(searched, answersFilter);
        // A copy of which the policy left nothing does not make its member a holder, nor speak for the event.
        Set<Copy> holding = new HashSet<>(own.holding);
        List<MergedEvents.EventObject> mergedObjects = new ArrayList<>();
        for (ObjectGroup g : objects.values()) {
            List<MergedEvents.Attribute> shown = g.attributes.merged(policy, eventTags);
            if (!shown.isEmpty()) {
                answers |= g.attributes.answers(searched, answersFilter);
                holding.addAll(g.attributes.holding);
                mergedObjects.add(new MergedEvents.EventObject(g.header, shown, g.attributes.holding.stream()
                        .map(c -> c.member).distinct().sorted(BY_ID).toList()));
            }
        }
        if (!answers) {
            return null;
        }
        Copy shown = ordered.stream().filter(holding::contains).findFirst().orElseThrow();
        List<MemberRef> holders = holding.stream().map(c -> c.member).distinct().sorted(BY_ID).toList();
        MispOrganisation orgc = shown.claimStands && shown.doc.orgc() != null
                ? shown.doc.orgc()
                : organisation(shown.member);
        return new MergedEvents.Event(shown.doc, orgc, organisation(shown.member), shown.doc.tags(), ownShown,
                mergedObjects, holders, !shown.claimStands);
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

    /**
     * Attributes of one container (the event, or one object) of every copy, unioned by uuid, type and value; added in
     * the order the copies speak, so the first copy of each is the one shown.
     */
    private static final class Attributes {
        private final Map<String, List<MispAttribute>> copies = new LinkedHashMap<>();
        private final Map<String, List<Copy>> holders = new HashMap<>();
        /** The copies that hold an attribute shown (after {@link #merged}). */
        final Set<Copy> holding = new LinkedHashSet<>();
        /** Every copy of the attributes shown (after {@link #merged}). */
        private final List<MispAttribute> shownCopies = new ArrayList<>();

        void add(Copy copy, MispAttribute a, int index) {
            String key;
            if (a.uuid() == null || a.uuid().isBlank()) {
                // Without a uuid nothing says two records are one: each stays apart.
                key = "\u0000" + copy.member.id() + "\u0000" + index;
            } else {
                IndicatorKey k = Indicators.key(a.type(), a.value());
                key = a.uuid().strip().toLowerCase(Locale.ROOT) + "\u0000" + k.family() + "\u0000" + k.value();
            }
            copies.computeIfAbsent(key, x -> new ArrayList<>()).add(a);
            List<Copy> h = holders.computeIfAbsent(key, x -> new ArrayList<>());
            if (!h.contains(copy)) {
                h.add(copy);
            }
        }

        /**
         * The attributes shown: none that any member marks deleted, nor one whose copies' tags together with every
         * copy's event tags fail the policy; each from its first (speaking) copy, with that copy's tags.
         */
        List<MergedEvents.Attribute> merged(TagPolicy policy, List<String> eventTags) {
            List<MergedEvents.Attribute> out = new ArrayList<>(copies.size());
            copies.forEach((key, list) -> {
                List<String> tags = new ArrayList<>(eventTags);
                boolean deleted = false;
                for (MispAttribute a : list) {
                    deleted |= a.deleted();
                    a.tags().forEach(t -> tags.add(t.name()));
                }
                if (deleted || policy.verdict(tags) != TagPolicy.Verdict.KEEP) {
                    return;
                }
                List<Copy> h = holders.get(key);
                holding.addAll(h);
                shownCopies.addAll(list);
                out.add(new MergedEvents.Attribute(list.get(0), h.stream().map(c -> c.member).distinct()
                        .sorted(BY_ID).toList()));
            });
            return out;
        }

        /** Whether a copy of an attribute shown answers the search (after {@link #merged}). */
        boolean answers(SearchedValues searched, Predicate<MispAttribute> answersFilter) {
            for (MispAttribute a : shownCopies) {
                if (searched.matches(a.type(), a.value()) && answersFilter.test(a)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final class ObjectGroup {
        final MispObject header;
        final Attributes attributes = new Attributes();

        ObjectGroup(MispObject header) {
            this.header = header;
        }
    }

    private record ObjectCopy(MispObject object, List<MispAttribute> attributes) {
    }

    /** One member's copy of one event, after that member's own stricter policy; compared by identity. */
    private static final class Copy {
        final MemberRef member;
        final MispEventDocument doc;
        final List<MispAttribute> attributes = new ArrayList<>();
        final List<ObjectCopy> objects = new ArrayList<>();
        boolean claimStands = true;

        Copy(MemberRef member, MispEventDocument doc) {
            this.member = member;
            this.doc = doc;
        }
    }
}
