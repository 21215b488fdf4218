package org.alliancesearch.model.merge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;

import org.alliancesearch.model.indicator.IndicatorKey;
import org.alliancesearch.model.misp.MispEvent;
import org.alliancesearch.model.policy.Tlp;
import org.alliancesearch.model.result.MemberRef;

/** One indicator while it is being merged. Small lists with linear search: an indicator has few of each. */
final class IndicatorAggregate extends SeenRange {
    /** Events are looked up by identity in a list up to this many; a map beyond (a map costs more to build and walk). */
    private static final int EVENT_LIST_LIMIT = 32;
    private static final Comparator<String> TEXT = Comparator.<String, String>comparing(s -> s,
            String.CASE_INSENSITIVE_ORDER).thenComparing(Comparator.naturalOrder());

    final IndicatorKey key;
    /**
     * Types, categories and creator organisations seen, each as one string or, for a second distinct one, an
     * {@code ArrayList<String>}: most indicators have one of each, and no list object is then made for them.
     */
    private Object types;
    private Object categories;
    private Object organisations;
    /** Creator claims not confirmed ({@link OrganisationClaims}), like {@link #organisations}; null nearly always. */
    private Object unconfirmed;
    /** Member slots ({@link Context#members()}). */
    private final TagSet members = new TagSet();
    /** Tag spellings ({@link Context#groupOfTag()}). */
    private final TagSet tags = new TagSet();
    /**
     * The first events: key, and the copy that stands for the event (event object and member), in arrays of the
     * indicator's own, so that neither looking one up nor building the result chases an object per event.
     */
    private EventFacts[] eventKeys;
    private MispEvent[] eventSources;
    private MemberRef[] eventMembers;
    private int eventCount;
    private HashMap<EventFacts, EventCopy> eventMap;
    private boolean toIds;
    private Tlp tlp;
    int attributeCount;
    private int copyCount;
    /** Composite records filed here through a half; null nearly always. */
    private ArrayList<CompositeMatch> composites;

    IndicatorAggregate(IndicatorKey key) {
        this.key = key;
        // Allocated now, beside this object, rather than later wherever the allocator then is: fewer cache misses
        // when the indicator is merged and built.
        eventKeys = new EventFacts[4];
        eventSources = new MispEvent[4];
        eventMembers = new MemberRef[4];
    }

    /**
     * What all indicators of one merge share while they are built: tag groups and members ranked once in the order
     * the result lists them, so that an indicator lists its own by walking a bitset of ranks instead of sorting.
     */
    static final class Context {
        /** The rank of each tag spelling's group, by spelling id. */
        final int[] tagRank;
        final String[] tagByRank;
        final Tlp[] tlpByRank;
        /** The rank of each member slot, by slot; members ranked by id, then name. */
        final int[] memberRank;
        final IndicatorMember[] memberByRank;
        /** Scratch bitset of ranks, all zero between uses. */
        private long[] scratch;
        final OrganisationClaims claims;

        Context(List<TagTable.TagGroup> groupOfTag, List<MemberRef> members) {
            this(groupOfTag, members, OrganisationClaims.none());
        }

        Context(List<TagTable.TagGroup> groupOfTag, List<MemberRef> members, OrganisationClaims claims) {
            this.claims = claims;
            // Only groups with a spelling shown (a kept record carries it) are listed anywhere.
            int groupCount = 0;
            for (TagTable.TagGroup g : groupOfTag) {
                groupCount = Math.max(groupCount, g.id + 1);
            }
            TagTable.TagGroup[] byId = new TagTable.TagGroup[groupCount];
            ArrayList<TagTable.TagGroup> groups = new ArrayList<>();
            for (TagTable.TagGroup g : groupOfTag) {
                if (g.spelling != null && byId[g.id] == null) {
                    byId[g.id] = g;
                    groups.add(g);
                }
            }
            groups.sort(Comparator.comparing(TagTable.TagGroup::display, TEXT));
            int[] rankOfGroup = new int[groupCount];
            tagByRank = new String[groups.size()];
            tlpByRank = new Tlp[groups.size()];
            for (int i = 0; i < groups.size(); i++) {
                rankOfGroup[groups.get(i).id] = i;
                tagByRank[i] = groups.get(i).display();
                tlpByRank[i] = groups.get(i).tlp;
            }
            tagRank = new int[groupOfTag.size()];
            for (int i = 0; i < tagRank.length; i++) {
                TagTable.TagGroup g = groupOfTag.get(i);
                tagRank[i] = g.spelling == null ? -1 : rankOfGroup[g.id];
            }
            Integer[] slots = new Integer[members.size()];
            for (int i = 0; i < slots.length; i++) {
                slots[i] = i;
            }
            Arrays.sort(slots, Comparator.comparing((Integer i) -> members.get(i).id()).thenComparing(i -> members
                    .get(i).name()));
            memberRank = new int[slots.length];
            memberByRank = new IndicatorMember[slots.length];
            for (int r = 0; r < slots.length; r++) {
                MemberRef m = members.get(slots[r]);
                memberRank[slots[r]] = r;
                memberByRank[r] = new IndicatorMember(m.id(), m.name());
            }
            scratch = new long[(Math.max(tagByRank.length, memberByRank.length) >>> 6) + 1];
        }
    }

    /** Adds one attribute the policy keeps, with everything its copies carry. */
    void add(AttributeCopies copies, Tlp attributeTlp) {
        attributeCount++;
        copyCount += copies.copyCount;
        members.w0 |= copies.memberBits;
        if (copies.moreMembers() != null) {
            members.addAll(copies.moreMembers());
        }
        copies.addTagsTo(tags);
        types = addDistinct(types, copies.type);
        if (copies.category != null) {
            categories = addDistinct(categories, copies.category);
        }
        if (copies.organisationUnconfirmed) {
            unconfirmed = addDistinct(unconfirmed, copies.organisation);
        } else {
            organisations = addDistinct(organisations, copies.organisation);
        }
        toIds |= copies.toIds;
        tlp = Tlp.mostRestrictive(tlp, attributeTlp);
        // The seen range is this object's own fields (not an object of its own): one cache miss less per attribute.
        add((SeenRange) copies);
        if (copies.eventKey != null) {
            addEvent(copies.eventKey, copies.eventSource, copies.eventMember);
            if (copies.moreEvents() != null) {
                for (EventCopy c : copies.moreEvents()) {
                    addEvent(c.key, c.event, c.member);
                }
            }
        }
    }

    /** Notes a composite record filed here because the search asked for this half of it. */
    void addComposite(CompositeMatch match) {
        if (composites == null) {
            composites = new ArrayList<>(2);
        }
        composites.add(match);
    }

    @SuppressWarnings("unchecked")
    private static Object addDistinct(Object set, String value) {
        if (set == null || set == value) {
            return value;
        }
        if (set instanceof String) {
            ArrayList<String> list = new ArrayList<>(4);
            list.add((String) set);
            list.add(value);
            return list;
        }
        ArrayList<String> list = (ArrayList<String>) set;
        for (int i = 0, n = list.size(); i < n; i++) {
            if (list.get(i) == value) {
                return list;
            }
        }
        list.add(value);
        return list;
    }

    private static int size(Object set) {
        return set == null ? 0 : set instanceof String ? 1 : ((ArrayList<?>) set).size();
    }

    /** Adds one copy of an event; the copy that stands for the event is chosen as in {@link EventCopy}. */
    private void addEvent(EventFacts key, MispEvent e, MemberRef m) {
        if (eventMap != null) {
            EventCopy known = eventMap.get(key);
            if (known == null) {
                eventMap.put(key, new EventCopy(key, e, m));
            } else {
                known.offer(e, m);
            }
            return;
        }
        for (int i = 0; i < eventCount; i++) {
            if (eventKeys[i] == key) {
                if (EventCopy.replaces(e, m, eventSources[i], eventMembers[i])) {
                    eventSources[i] = e;
                    eventMembers[i] = m;
                }
                return;
            }
        }
        if (eventCount == EVENT_LIST_LIMIT) {
            eventMap = new HashMap<>();
            for (int i = 0; i < eventCount; i++) {
                eventMap.put(eventKeys[i], new EventCopy(eventKeys[i], eventSources[i],
                        eventMembers[i]));
            }
            eventMap.put(key, new EventCopy(key, e, m));
            eventKeys = null;
            eventSources = null;
            eventMembers = null;
            eventCount = 0;
            return;
        }
        if (eventCount == eventKeys.length) {
            eventKeys = Arrays.copyOf(eventKeys, eventCount * 2);
            eventSources = Arrays.copyOf(eventSources, eventCount * 2);
            eventMembers = Arrays.copyOf(eventMembers, eventCount * 2);
        }
        eventKeys[eventCount] = key;
        eventSources[eventCount] = e;
        eventMembers[eventCount++] = m;
    }

    /**
     * An event as built for the result, reused for every indicator citing the same event from the same member, with
     * its sort key: the date as a number, so that ordering an indicator's events reads only these objects.
     */
    static final class BuiltEvent {
        final MemberRef member;
        final MispEvent source;
        final IndicatorEvent event;
        /** Newest first, no date last. */
        final long dateKey;

        BuiltEvent(MemberRef member, MispEvent source, IndicatorEvent event) {
            this.member = member;
            this.source = source;
            this.event = event;
            this.dateKey = event.date() == null ? Long.MAX_VALUE : -event.date().toEpochDay();
        }

        boolean sameAs(MemberRef m, MispEvent e) {
            return (member == m || member.equals(m)) && (source == e || (Objects.equals(source.uuid(), e.uuid())
                    && Objects.equals(source.info(), e.info()) && Objects.equals(source.date(), e.date())
                    && Objects.equals(source.orgcName(), e.orgcName()) && Objects.equals(source.threatLevelId(), e
                            .threatLevelId())));
        }
    }

    private static final Comparator<BuiltEvent> BUILT_EVENTS = IndicatorAggregate::compareBuilt;

    /** Reads the parts {@link #add} writes; returns a number only to keep the reads. */
    int touch() {
        return attributeCount + (int) members.w0 + (int) tags.w0 + size(types) + size(categories) + size(
                organisations) + (eventKeys == null ? 0 : eventKeys.length);
    }

    int organisationCount() {
        return size(organisations);
    }

    SeenRange seen() {
        return this;
    }

    MergedIndicator build(Context context) {
        // Lists are made immutable here, once: the record's List.copyOf then keeps them instead of copying again.
        List<String> orgs = sortedText(organisations);
        return new MergedIndicator(key.value(), key.family(), sortedText(types), sortedText(categories), orgs,
                members(context), tags(context), tlp, toIds, first, last, events(context), attributeCount, copyCount,
                unconfirmed(orgs), composites == null ? List.of() : composites);
    }

    /** The unconfirmed claims for organisations that no confirmed record of this indicator names. */
    private List<String> unconfirmed(List<String> confirmed) {
        if (unconfirmed == null) {
            return List.of();
        }
        ArrayList<String> out = new ArrayList<>();
        for (String o : sortedText(unconfirmed)) {
            if (!confirmed.contains(o)) {
                out.add(o);
            }
        }
        return List.copyOf(out);
    }

    /** An immutable sorted copy; most indicators have one of each, and two need no sort call. */
    @SuppressWarnings("unchecked")
    private static List<String> sortedText(Object set) {
        if (set == null) {
            return List.of();
        }
        if (set instanceof String) {
            return List.of((String) set);
        }
        // A list holds two or more (see addDistinct).
        ArrayList<String> list = (ArrayList<String>) set;
        if (list.size() == 2) {
            String a = list.get(0);
            String b = list.get(1);
            return TEXT.compare(a, b) <= 0 ? List.of(a, b) : List.of(b, a);
        }
        list.sort(TEXT);
        return List.copyOf(list);
    }

    /** The first n elements as an immutable list, copied at most once. */
    private static <T> List<T> immutable(T[] array, int n) {
        switch (n) {
            case 0 :
                return List.of();
            case 1 :
                return List.of(array[0]);
            case 2 :
                return List.of(array[0], array[1]);
            default :
                return List.of(n == array.length ? array : Arrays.copyOf(array, n));
        }
    }

    /** By id; a member renamed during the search appears once, under the name that sorts first. */
    private List<IndicatorMember> members(Context context) {
        long[] ranks = ranks(members, context.memberRank, context);
        IndicatorMember[] out = new IndicatorMember[bitCount(members)];
        int n = 0;
        for (int w = 0; w < ranks.length; w++) {
            long bits = ranks[w];
            ranks[w] = 0;
            while (bits != 0) {
                IndicatorMember m = context.memberByRank[(w << 6) + Long.numberOfTrailingZeros(bits)];
                bits &= bits - 1;
                if (n == 0 || !m.id().equals(out[n - 1].id())) {
                    out[n++] = m;
                }
            }
        }
        return immutable(out, n);
    }

    /** One spelling per tag group, in order. */
    private List<String> tags(Context context) {
        long[] ranks = ranks(tags, context.tagRank, context);
        int count = 0;
        for (long w : ranks) {
            count += Long.bitCount(w);
        }
        String[] out = new String[count];
        int n = 0;
        for (int w = 0; w < ranks.length; w++) {
            long bits = ranks[w];
            ranks[w] = 0;
            while (bits != 0) {
                int rank = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                out[n++] = context.tagByRank[rank];
            }
        }
        return immutable(out, n);
    }

    /** The ranks of a set's members, as a bitset in the context's scratch array (the caller clears it again). */
    private static long[] ranks(TagSet set, int[] rankOf, Context context) {
        long[] ranks = context.scratch;
        for (int w = 0, words = set.words(); w < words; w++) {
            long bits = set.word(w);
            while (bits != 0) {
                int rank = rankOf[(w << 6) + Long.numberOfTrailingZeros(bits)];
                bits &= bits - 1;
                ranks[rank >>> 6] |= 1L << rank;
            }
        }
        return ranks;
    }

    private static int bitCount(TagSet set) {
        int count = 0;
        for (int w = 0, words = set.words(); w < words; w++) {
            count += Long.bitCount(set.word(w));
        }
        return count;
    }

    private List<IndicatorEvent> events(Context context) {
        BuiltEvent[] built;
        if (eventMap != null) {
            built = new BuiltEvent[eventMap.size()];
            int i = 0;
            for (EventCopy copy : eventMap.values()) {
                built[i++] = event(copy.key, copy.event, copy.member, context.claims);
            }
        } else if (eventCount == 0) {
            return List.of();
        } else {
            built = new BuiltEvent[eventCount];
            for (int i = 0; i < eventCount; i++) {
                built[i] = event(eventKeys[i], eventSources[i], eventMembers[i], context.claims);
            }
        }
        if (built.length > 1) {
            Arrays.sort(built, BUILT_EVENTS);
        }
        IndicatorEvent[] out = new IndicatorEvent[built.length];
        for (int i = 0; i < built.length; i++) {
            out[i] = built[i].event;
        }
        return immutable(out, out.length);
    }

    private static BuiltEvent event(EventFacts facts, MispEvent e, MemberRef m,
            OrganisationClaims claims) {
        BuiltEvent cached = facts.built;
        if (cached != null && cached.member == m && cached.source == e) {
            return cached;
        }
        if (facts.moreBuilt != null) {
            for (int i = 0, n = facts.moreBuilt.size(); i < n; i++) {
                BuiltEvent b = facts.moreBuilt.get(i);
                if (b.member == m && b.source == e) {
                    return b;
                }
            }
        }
        boolean unconfirmed = claims.unconfirmed(e);
        if (cached != null && cached.sameAs(m, e) && (cached.event.unconfirmedOrganisation() != null) == unconfirmed) {
            return cached;
        }
        BuiltEvent built = new BuiltEvent(m, e, event(e, m, unconfirmed));
        if (cached == null) {
            facts.built = built;
        } else if (facts.moreBuilt == null || facts.moreBuilt.size() < 8) {
            if (facts.moreBuilt == null) {
                facts.moreBuilt = new ArrayList<>(2);
            }
            facts.moreBuilt.add(built);
        }
        return built;
    }

    /**
     * The event as shown. A creator claim that is not confirmed is not shown as the creator: the organisation is then
     * null and the claim is kept as {@link IndicatorEvent#unconfirmedOrganisation()}.
     */
    private static IndicatorEvent event(MispEvent e, MemberRef m, boolean unconfirmed) {
        String orgc = e.orgcName();
        String uuid = e.uuid();
        String organisation = orgc != null && !orgc.isBlank() ? orgc : m.organisation();
        return new IndicatorEvent(uuid, e.info(), e.date(), unconfirmed ? null : organisation, m.id(), m.name(),
                e.threatLevelId(), eventUrl(m.baseUrl(), uuid), unconfirmed ? organisation : null);
    }

    /** {@code <base>/events/view/<uuid>}, only for a well-formed uuid so that a member cannot inject a path. */
    static String eventUrl(String baseUrl, String uuid) {
        if (baseUrl == null || baseUrl.isBlank() || !isUuid(uuid)) {
            return null;
        }
        String base = baseUrl.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + "/events/view/" + uuid;
    }

    static boolean isUuid(String s) {
        if (s == null || s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            // ASCII only: Character.digit also takes other scripts' digits, which do not belong in a link.
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (dash ? c != '-' : !hex) {
                return false;
            }
        }
        return true;
    }

    /** The order of {@link #compareEvents}, from the kept date key. */
    private static int compareBuilt(BuiltEvent x, BuiltEvent y) {
        int c = Long.compare(x.dateKey, y.dateKey);
        return c != 0 ? c : compareEvents(x.event, y.event);
    }

    private static int compareEvents(IndicatorEvent a, IndicatorEvent b) {
        LocalDate da = a.date();
        LocalDate db = b.date();
        if (da != db) {
            if (da == null) {
                return 1;
            }
            if (db == null) {
                return -1;
            }
            int c = db.compareTo(da);
            if (c != 0) {
                return c;
            }
        }
        String ua = a.uuid() == null ? "" : a.uuid();
        String ub = b.uuid() == null ? "" : b.uuid();
        int c = ua.compareTo(ub);
        if (c == 0) {
            c = a.memberId().compareTo(b.memberId());
        }
        // Alike so far only for one member's events without uuid: any fixed order, not the order they came in.
        return c != 0 ? c : a.toString().compareTo(b.toString());
    }
}
