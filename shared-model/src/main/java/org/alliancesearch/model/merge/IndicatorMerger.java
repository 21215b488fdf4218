package org.alliancesearch.model.merge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;

import org.alliancesearch.model.indicator.IndicatorKey;
import org.alliancesearch.model.indicator.Indicators;
import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.misp.MispEvent;
import org.alliancesearch.model.misp.MispTag;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.policy.TagFilter;
import org.alliancesearch.model.policy.TagPolicy;
import org.alliancesearch.model.policy.Tlp;
import org.alliancesearch.model.query.SearchQuery;
import org.alliancesearch.model.result.MemberHit;
import org.alliancesearch.model.result.MemberRef;

/**
 * Merges the hits of all members into indicators: deduplicates synchronised copies (same attribute uuid with the same
 * content: indicator key and event uuid), applies the tag policy, groups by {@link IndicatorKey} and orders the result.
 * A copy under a known uuid with other content is a separate attribute of the member that sent it. Stateless and
 * thread-safe.
 *
 * <p>
 * How the policy is applied, and why: every copy of an attribute (same uuid and content) and every copy of an event (same event
 * uuid) is looked at first, then an attribute is removed when any copy of it or of its event carries a dropping tag,
 * a TLP above the maximum, or fails the search's tag filter. Removal happens before grouping, so a removed record
 * gives nothing to an indicator: no member name, organisation, event, tag or timestamp. An indicator whose records
 * were all removed does not appear; an indicator that other, allowed records also carry is shown from those alone.
 * Attributes any member marks {@code deleted} are never shown either.
 *
 * <p>
 * The result does not depend on the order of the hits: everything kept is a union, a count, a minimum or a maximum,
 * and where one copy has to stand for several the order is fixed: an attribute's fields (type, category, tags,
 * to_ids, timestamps, creator) are those of the copy that {@link #compareSpeakers speaks first}, an event's info and
 * link those of the copy from the instance of the organisation that created the event, else the one from the member
 * with the smallest id. Holders are every copy's members.
 */
public final class IndicatorMerger {
    /** More organisations first, then the most recently seen (never seen last), then by value and family. */
    public static final Comparator<MergedIndicator> ORDER = IndicatorMerger::compareIndicators;

    /** Merges without a search tag filter. */
    public MergedResult merge(Collection<MemberHit> hits, AlliancePolicy policy) {
        return merge(hits, policy, TagFilter.none());
    }

    /** Merges and applies the query's own include/exclude tag patterns again (members may ignore filters). */
    public MergedResult merge(Collection<MemberHit> hits, AlliancePolicy policy, SearchQuery query) {
        return merge(hits, policy,
                query == null ? TagFilter.none() : new TagFilter(query.includeTags(), query.excludeTags()));
    }

    /**
     * Merges, deduplicates and applies the policy and the tag filter; the result does not depend on the order of the
     * hits. A null policy is {@link AlliancePolicy#defaults()}.
     */
    public MergedResult merge(Collection<MemberHit> hits, AlliancePolicy policy, TagFilter filter) {
        return merge(hits, policy, filter, OrganisationClaims.none());
    }

    /**
     * Merges like {@link #merge(Collection, AlliancePolicy, SearchQuery)} and files the creator claims that
     * {@code claims} found unconfirmed under {@link MergedIndicator#unconfirmedOrganisations()}.
     */
    public MergedResult merge(Collection<MemberHit> hits, AlliancePolicy policy, SearchQuery query,
            OrganisationClaims claims) {
        return merge(hits, policy,
                query == null ? TagFilter.none() : new TagFilter(query.includeTags(), query.excludeTags()), claims);
    }

    /**
     * Merges, deduplicates and applies the policy and the tag filter; a creator claim that {@code claims} found
     * unconfirmed counts under no organisation. A null policy is {@link AlliancePolicy#defaults()}.
     */
    public MergedResult merge(Collection<MemberHit> hits, AlliancePolicy policy, TagFilter filter,
            OrganisationClaims claims) {
        TagPolicy tagPolicy = TagPolicy.of(policy == null ? AlliancePolicy.defaults() : policy, filter);
        return new Run(tagPolicy, hits.size(), claims == null ? OrganisationClaims.none() : claims).run(hits);
    }

    private static int compareIndicators(MergedIndicator a, MergedIndicator b) {
        int c = Integer.compare(b.organisations().size(), a.organisations().size());
        if (c != 0) {
            return c;
        }
        c = compareNewestFirst(a.lastSeen(), b.lastSeen());
        if (c != 0) {
            return c;
        }
        c = a.value().compareTo(b.value());
        return c != 0 ? c : a.family().compareTo(b.family());
    }

    /** Negative when {@code a} is the newer; an instant before none. */
    private static int compareNewestFirst(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == b ? 0 : a == null ? 1 : -1;
        }
        return b.compareTo(a);
    }

    static final Tlp[] TLP_BY_RANK = {null, Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER, Tlp.AMBER_STRICT, Tlp.RED};

    /** Tag facts combined as bits, the TLP as rank (0 none, else ordinal + 1). */
    static final int DROP = 1;
    static final int INCLUDED = 2;
    static final int EXCLUDED = 4;

    /** What the policy makes of one distinct tag name (one spelling), with the group of all its spellings. */
    static final class Tag {
        final String name;
        final int hash;
        /** Index among the distinct names of this merge: the bit of this spelling in tag sets. */
        final int id;
        final int flags;
        final int tlpRank;
        final TagGroup group;

        Tag(String name, int hash, int id, int flags, int tlpRank, TagGroup group) {
            this.name = name;
            this.hash = hash;
            this.id = id;
            this.flags = flags;
            this.tlpRank = tlpRank;
            this.group = group;
        }
    }

    /** All spellings of one tag; shown as the TLP 2.0 tag or as the spelling that sorts last (order-independent). */
    static final class TagGroup {
        final int id;
        final String key;
        final Tlp tlp;
        String spelling;

        TagGroup(int id, String key, Tlp tlp) {
            this.id = id;
            this.key = key;
            this.tlp = tlp;
        }

        void offer(String name) {
            if (spelling == null || (spelling != name && name.compareTo(spelling) > 0)) {
                spelling = name;
            }
        }

        String display() {
            return tlp != null ? tlp.tagName() : spelling;
        }
    }

    /** Tag facts of one event (by event key), over all its copies, and what was read from the last copy seen. */
    static final class EventFacts {
        final int id;
        int flags;
        int tlpRank;
        /** The event object read last, and its tags and organisation: consecutive copies often share the object. */
        MispEvent lastSeenEvent;
        final TagSet lastEventTags = new TagSet();
        String lastOrganisation;
        /** The event references built for the result, shared by the indicators citing this event (one per member). */
        IndicatorAggregate.BuiltEvent built;
        ArrayList<IndicatorAggregate.BuiltEvent> moreBuilt;

        EventFacts(int id) {
            this.id = id;
        }

        @Override
        public int hashCode() {
            return id * 0x9E3779B1;
        }

        @Override
        public boolean equals(Object o) {
            return o == this;
        }
    }

    /** A set of small non-negative ints (tag spellings, members): two words inline, more on demand. */
    static final class TagSet {
        long w0;
        long w1;
        long[] more;

        void add(int bit) {
            if (bit < 64) {
                w0 |= 1L << bit;
            } else if (bit < 128) {
                w1 |= 1L << bit;
            } else {
                int word = (bit >>> 6) - 2;
                if (more == null || word >= more.length) {
                    more = Arrays.copyOf(more == null ? new long[0] : more, Math.max(word + 1, 4));
                }
                more[word] |= 1L << bit;
            }
        }

        void addAll(TagSet other) {
            w0 |= other.w0;
            w1 |= other.w1;
            if (other.more != null) {
                if (more == null || more.length < other.more.length) {
                    more = Arrays.copyOf(more == null ? new long[0] : more, other.more.length);
                }
                for (int i = 0; i < other.more.length; i++) {
                    more[i] |= other.more[i];
                }
            }
        }

        void clear() {
            w0 = 0;
            w1 = 0;
            more = null;
        }

        int words() {
            return 2 + (more == null ? 0 : more.length);
        }

        long word(int i) {
            return i == 0 ? w0 : i == 1 ? w1 : more[i - 2];
        }
    }

    /**
     * All copies of one attribute: one uuid with one content (indicator key and event uuid), and everything its copies
     * contribute to the indicator, gathered while the hits are read so that the input is walked once. A copy under the
     * same uuid with other content is another attribute, chained through {@link #sameUuid}.
     */
    static final class AttributeCopies extends SeenRange {
        final IndicatorAggregate indicator;
        final String eventUuid;
        AttributeCopies sameUuid;
        /** Tag facts ({@link IndicatorMerger#DROP} …) and TLP rank; bytes, as this object is made once per attribute. */
        byte flags;
        byte tlpRank;
        boolean deleted;
        boolean toIds;
        int copyCount;
        /**
         * The copy that speaks for the record's fields (type, category, to_ids, timestamps, tags, creator):
         * {@link IndicatorMerger#compareSpeakers}. The fields below are that copy's only; holders, deletion and the
         * policy's tag facts are every copy's.
         */
        MemberHit speaker;
        boolean speakerStands;
        /** Tag spellings of the speaking copy and of its event: the first 128 inline, more in {@link #more}. */
        long tags0;
        long tags1;
        /** Member slots of the copies: the first 64 inline (one object less per attribute), more in {@link #more}. */
        long memberBits;
        /** Interned strings (compared by identity). */
        String type;
        String category;
        String organisation;
        /** The speaking copy's creator claim names another member's organisation unconfirmed. */
        boolean organisationUnconfirmed;
        /**
         * What few attributes have (a 129th tag spelling, a 65th member, or a second event): one reference here
         * instead of three keeps this object, made once per attribute, small.
         */
        Overflow more;
        /**
         * The event of the copies, with the copy that stands for it (event object and member), kept inline: the
         * indicator copies them into arrays of its own, so that building its events does not chase an object per event.
         * More than one event only for events without a uuid.
         */
        EventFacts eventKey;
        MispEvent eventSource;
        MemberRef eventMember;

        AttributeCopies(IndicatorAggregate indicator, String eventUuid) {
            this.indicator = indicator;
            this.eventUuid = eventUuid;
        }

        private Overflow more() {
            if (more == null) {
                more = new Overflow();
            }
            return more;
        }

        TagSet moreMembers() {
            return more == null ? null : more.members;
        }

        ArrayList<EventCopy> moreEvents() {
            return more == null ? null : more.events;
        }

        void addTag(int bit) {
            if (bit < 64) {
                tags0 |= 1L << bit;
            } else if (bit < 128) {
                tags1 |= 1L << bit;
            } else {
                more().tags().add(bit);
            }
        }

        void addTags(TagSet set) {
            tags0 |= set.w0;
            tags1 |= set.w1;
            if (set.more != null) {
                more().tags().addAll(set);
            }
        }

        /** Adds this attribute's tag spellings to a set. */
        void addTagsTo(TagSet set) {
            set.w0 |= tags0;
            set.w1 |= tags1;
            if (more != null && more.tags != null) {
                set.addAll(more.tags);
            }
        }

        void addMember(int slot) {
            if (slot < 64) {
                memberBits |= 1L << slot;
            } else {
                more().members().add(slot);
            }
        }

        boolean sameContent(IndicatorAggregate otherIndicator, String otherEventUuid) {
            return indicator == otherIndicator && (eventUuid == null
                    ? otherEventUuid == null
                    : eventUuid.equals(otherEventUuid));
        }

        /** Forgets the fields of the copy that spoke so far: another copy speaks now. */
        void clearFields() {
            tags0 = 0;
            tags1 = 0;
            if (more != null) {
                more.tags = null;
            }
            first = null;
            last = null;
            toIds = false;
        }

        void offerEvent(EventFacts facts, MispEvent e, MemberRef member) {
            if (eventKey == null) {
                eventKey = facts;
                eventSource = e;
                eventMember = member;
                return;
            }
            if (eventKey == facts) {
                if (EventCopy.replaces(e, member, eventSource, eventMember)) {
                    eventSource = e;
                    eventMember = member;
                }
                return;
            }
            ArrayList<EventCopy> moreEvents = more().events;
            if (moreEvents == null) {
                moreEvents = new ArrayList<>(2);
                more.events = moreEvents;
            }
            for (int i = 0, n = moreEvents.size(); i < n; i++) {
                if (moreEvents.get(i).key == facts) {
                    moreEvents.get(i).offer(e, member);
                    return;
                }
            }
            moreEvents.add(new EventCopy(facts, e, member));
        }
    }

    /** The rare parts of {@link AttributeCopies}. */
    static final class Overflow {
        TagSet tags;
        TagSet members;
        /** Further events; more than one event only for events without a uuid. */
        ArrayList<EventCopy> events;

        TagSet tags() {
            if (tags == null) {
                tags = new TagSet();
            }
            return tags;
        }

        TagSet members() {
            if (members == null) {
                members = new TagSet();
            }
            return members;
        }
    }

    /**
     * The earliest and latest of some instants, kept with their seconds and nanoseconds so that merging two ranges
     * compares numbers instead of reaching for the instants again.
     */
    static class SeenRange {
        Instant first;
        long firstSeconds;
        int firstNanos;
        Instant last;
        long lastSeconds;
        int lastNanos;

        final void add(Instant t) {
            if (t != null) {
                add(t, t.getEpochSecond(), t.getNano(), t, t.getEpochSecond(), t.getNano());
            }
        }

        final void add(SeenRange other) {
            if (other.first != null) {
                add(other.first, other.firstSeconds, other.firstNanos, other.last, other.lastSeconds,
                        other.lastNanos);
            }
        }

        private void add(Instant f, long fs, int fn, Instant l, long ls, int ln) {
            if (first == null || fs < firstSeconds || (fs == firstSeconds && fn < firstNanos)) {
                first = f;
                firstSeconds = fs;
                firstNanos = fn;
            }
            if (last == null || ls > lastSeconds || (ls == lastSeconds && ln > lastNanos)) {
                last = l;
                lastSeconds = ls;
                lastNanos = ln;
            }
        }
    }

    /**
     * The order in which copies of one record (same uuid and content) speak for its fields: the copy of the member
     * whose organisation created it ({@link #fromCreator(String, MemberRef)}) first, then a copy whose creator claim
     * stands ({@link OrganisationClaims}), then the smallest member id; copies alike so far (one member sending the
     * record twice) in a fixed order of their content, so that the order of the hits does not matter. Negative when
     * {@code a} speaks before {@code b}.
     */
    public static int compareSpeakers(MemberHit a, MemberHit b, OrganisationClaims claims) {
        OrganisationClaims c = claims == null ? OrganisationClaims.none() : claims;
        return compareSpeakers(a, !c.unconfirmed(a), b, !c.unconfirmed(b));
    }

    static int compareSpeakers(MemberHit a, boolean aStands, MemberHit b, boolean bStands) {
        if (a == b) {
            return 0;
        }
        int c = Boolean.compare(fromCreator(b), fromCreator(a));
        if (c == 0) {
            c = Boolean.compare(bStands, aStands);
        }
        if (c == 0) {
            c = a.member().id().compareTo(b.member().id());
        }
        return c != 0 ? c : a.toString().compareTo(b.toString());
    }

    private static boolean fromCreator(MemberHit h) {
        MispEvent e = h.attribute().event();
        return e != null && fromCreator(e.orgcName(), h.member());
    }

    /** Whether this copy of an event comes from the instance of the organisation that created it. */
    static boolean fromCreator(MispEvent e, MemberRef m) {
        return fromCreator(e.orgcName(), m);
    }

    /**
     * Whether member {@code m} is the organisation that created a record whose event names {@code orgcName} as its
     * creator: its copy then speaks for the record over every other member's (possibly doctored) copy. Decided by the
     * organisation the admin gave the member only: what a member's MISP says of itself must not let it stand for
     * another member's events.
     */
    public static boolean fromCreator(String orgcName, MemberRef m) {
        return orgcName != null && m.organisation() != null && orgcName.equalsIgnoreCase(m.organisation());
    }

    /**
     * One event of an indicator: the copy from its creator's own instance stands for it, else the one from the member
     * with the smallest id.
     */
    static final class EventCopy {
        final EventFacts key;
        MispEvent event;
        MemberRef member;

        EventCopy(EventFacts key, MispEvent event, MemberRef member) {
            this.key = key;
            this.event = event;
            this.member = member;
        }

        void offer(MispEvent e, MemberRef m) {
            if (replaces(e, m, event, member)) {
                event = e;
                member = m;
            }
        }

        /** Whether the copy (e, m) stands for its event rather than the copy (event, member) chosen so far. */
        static boolean replaces(MispEvent e, MemberRef m, MispEvent event, MemberRef member) {
            if (e == event && m == member) {
                return false;
            }
            // The creator's own instance speaks for its event, so another member's (possibly doctored) copy never
            // replaces it; member organisations are set by the admin, not by members.
            int c = Boolean.compare(fromCreator(event, member), fromCreator(e, m));
            if (c == 0) {
                c = m.id().compareTo(member.id());
            }
            if (c == 0) {
                c = compareNullable(m.name(), member.name());
            }
            if (c == 0) {
                c = compareNullable(m.organisation(), member.organisation());
            }
            if (c == 0) {
                c = compareNullable(m.baseUrl(), member.baseUrl());
            }
            if (c == 0) {
                c = compareNullable(m.mispOrganisationUuid(), member.mispOrganisationUuid());
            }
            if (c == 0) {
                c = compareNullable(m.mispOrganisation(), member.mispOrganisation());
            }
            if (c == 0) {
                c = compareNullable(e.id(), event.id());
            }
            if (c == 0) {
                c = compareNullable(e.info(), event.info());
            }
            if (c == 0) {
                c = compareNullable(e.orgcName(), event.orgcName());
            }
            if (c == 0) {
                c = compareNullable(e.date() == null ? null : e.date().toString(),
                        event.date() == null ? null : event.date().toString());
            }
            if (c == 0) {
                c = Integer.compare(e.threatLevelId() == null ? 0 : e.threatLevelId(),
                        event.threatLevelId() == null ? 0 : event.threatLevelId());
            }
            return c < 0;
        }

        private static int compareNullable(String a, String b) {
            if (a == null || b == null) {
                return a == b ? 0 : a == null ? 1 : -1;
            }
            return a.compareTo(b);
        }
    }

    /** Distinct attributes by member id. */
    static final class MemberCounts {
        final int[] byId;
        private final int[] idOfSlot;
        /** The attribute last counted for each id, so that two slots of one id count an attribute once. */
        private final AttributeCopies[] last;

        MemberCounts(int[] idOfSlot, int ids) {
            this.idOfSlot = idOfSlot;
            this.byId = new int[ids];
            this.last = new AttributeCopies[ids];
        }

        /** Counts one attribute for each member that sent a copy of it. */
        void count(AttributeCopies copies) {
            long bits = copies.memberBits;
            while (bits != 0) {
                add(Long.numberOfTrailingZeros(bits), copies);
                bits &= bits - 1;
            }
            TagSet more = copies.moreMembers();
            if (more != null) {
                for (int w = 0, words = more.words(); w < words; w++) {
                    long word = more.word(w);
                    while (word != 0) {
                        int slot = (w << 6) + Long.numberOfTrailingZeros(word);
                        word &= word - 1;
                        if (slot >= 64) {
                            add(slot, copies);
                        }
                    }
                }
            }
        }

        private void add(int slot, AttributeCopies copies) {
            int id = idOfSlot[slot];
            if (last[id] != copies) {
                last[id] = copies;
                byId[id]++;
            }
        }
    }

    /**
     * A sum of what the read-ahead loaded, written so that the compiler cannot drop those loads as unused. Written by
     * every merge, read by none: a race on it is harmless.
     */
    @SuppressWarnings("unused")
    private static int readAheadSum;

    private static final class Run {
        private final TagPolicy policy;
        private final int hitCount;
        private final OrganisationClaims claims;
        /** False in the usual case (every claim stands): no lookup per hit then. */
        private final boolean checkClaims;
        /** Distinct tag names, open addressing by the name's hash. */
        private Tag[] tagTable = new Tag[512];
        private final ArrayList<Tag> tagList = new ArrayList<>(256);
        private final HashMap<String, TagGroup> groups = new HashMap<>(256);
        private final KeyTable<AttributeCopies> attributes;
        /** The same attributes in arrival order: walked sequentially, in the order they sit in memory. */
        private final ArrayList<AttributeCopies> attributeList;
        /** Raw MISP types, interned: a spelling's type is then compared by identity. */
        private final HashMap<String, String> types = new HashMap<>();
        private final String[] knownTypes = new String[16];
        private int knownTypeCount;
        /** Indicators by raw (type, value) spelling: normalises each distinct spelling once. */
        private final SpellingTable spellings;
        private final KeyTable<EventFacts> events;
        /** Indicators by (family, canonical value). */
        private final SpellingTable indicators;
        /** The same indicators in the order they were created, which is also their order in memory. */
        private final ArrayList<IndicatorAggregate> indicatorList = new ArrayList<>();
        /** Categories and organisations, interned so that an indicator compares them by identity. */
        private final HashMap<String, String> strings = new HashMap<>(1024);
        /** Distinct members (by value); an indicator's members are a set of these slots. */
        private final HashMap<MemberRef, Integer> memberSlots = new HashMap<>();
        private final ArrayList<MemberRef> memberList = new ArrayList<>();
        private MemberRef lastMember;
        private int lastMemberSlot;
        private String lastMemberOrganisation;
        private String lastCategory;
        private String lastCategoryInterned;
        private MispEvent lastEvent;
        private MemberRef lastEventMember;
        private EventFacts lastFacts;

        Run(TagPolicy policy, int hitCount, OrganisationClaims claims) {
            this.policy = policy;
            this.hitCount = hitCount;
            this.claims = claims;
            this.checkClaims = !claims.isEmpty();
            this.attributes = new KeyTable<>(hitCount);
            this.attributeList = new ArrayList<>(hitCount);
            this.events = new KeyTable<>(Math.min(hitCount, 1 << 16));
            // Sized for a wide result (the benchmark's wide shape has one indicator per five hits): growing a large
            // table rehashes it at random, which costs more than the zeroed memory of a generous one.
            this.indicators = new SpellingTable(hitCount / 4);
            this.spellings = new SpellingTable(hitCount / 2);
        }

        MergedResult run(Collection<MemberHit> hits) {
            MemberHit[] all = hits.toArray(new MemberHit[0]);
            int duplicates = 0;
            Prefetch prefetch = new Prefetch();
            for (int from = 0, n = all.length; from < n; from += Prefetch.BLOCK) {
                int to = Math.min(n, from + Prefetch.BLOCK);
                prefetch.read(all, from, to);
                for (int i = from; i < to; i++) {
                    if (collect(all[i], prefetch.found[i - from], prefetch.keys[i - from],
                            prefetch.keyHashes[i - from])) {
                        duplicates++;
                    }
                }
            }
            int touched = prefetch.sum;
            int deleted = 0;
            int droppingTag = 0;
            int overMaxTlp = 0;
            int excludedByFilter = 0;
            TagSet keptTags = new TagSet();
            // Tallies are by member id: a member renamed during the search is two slots but one member.
            HashMap<String, Integer> idIndex = new HashMap<>();
            int[] idOfSlot = new int[memberList.size()];
            for (int slot = 0; slot < idOfSlot.length; slot++) {
                idOfSlot[slot] = idIndex.computeIfAbsent(memberList.get(slot).id(), k -> idIndex.size());
            }
            MemberCounts shown = new MemberCounts(idOfSlot, idIndex.size());
            MemberCounts removedCounts = new MemberCounts(idOfSlot, idIndex.size());
            int touchedIndicators = 0;
            for (int a = 0, n = attributeList.size(); a < n; a++) {
                if ((a & (Prefetch.BLOCK - 1)) == 0) {
                    // Indicators are scattered like the hits: read a block's ahead (see Prefetch).
                    for (int k = a, end = Math.min(n, a + Prefetch.BLOCK); k < end; k++) {
                        touchedIndicators += attributeList.get(k).indicator.touch();
                    }
                }
                AttributeCopies copies = attributeList.get(a);
                if (copies.deleted) {
                    deleted++;
                    continue;
                }
                switch (verdict(copies)) {
                    case DROPPING_TAG -> {
                        droppingTag++;
                        removedCounts.count(copies);
                    }
                    case OVER_MAX_TLP -> {
                        overMaxTlp++;
                        removedCounts.count(copies);
                    }
                    case EXCLUDED_BY_FILTER -> {
                        excludedByFilter++;
                        removedCounts.count(copies);
                    }
                    case KEEP -> {
                        copies.indicator.add(copies, TLP_BY_RANK[tlpRank(copies)]);
                        copies.addTagsTo(keptTags);
                        shown.count(copies);
                    }
                }
            }
            // A tag is shown in the spelling that sorts last among the records shown.
            ArrayList<TagGroup> groupOfTag = new ArrayList<>(tagList.size());
            for (int w = 0, words = keptTags.words(); w < words; w++) {
                long bits = keptTags.word(w);
                while (bits != 0) {
                    Tag tag = tagList.get((w << 6) + Long.numberOfTrailingZeros(bits));
                    bits &= bits - 1;
                    tag.group.offer(tag.name);
                }
            }
            for (Tag tag : tagList) {
                groupOfTag.add(tag.group);
            }
            ResultOrder merged = new ResultOrder(indicatorList.size());
            IndicatorAggregate.Context context = new IndicatorAggregate.Context(groupOfTag, memberList, claims);
            readAheadSum = touched + touchedIndicators;
            for (int i = 0, n = indicatorList.size(); i < n; i++) {
                IndicatorAggregate indicator = indicatorList.get(i);
                if (indicator.attributeCount > 0) {
                    merged.add(indicator.build(context), indicator.organisationCount(), indicator.seen());
                }
            }
            List<MergedIndicator> sorted = merged.sorted();
            MergeTotals.PolicyRemovals removed = new MergeTotals.PolicyRemovals(droppingTag, overMaxTlp,
                    excludedByFilter);
            HashMap<String, MergedResult.MemberTally> byMember = new HashMap<>();
            idIndex.forEach((id, i) -> byMember.put(id, new MergedResult.MemberTally(shown.byId[i],
                    removedCounts.byId[i])));
            return new MergedResult(sorted, new MergeTotals(sorted.size(), hitCount, duplicates, removed.total(),
                    deleted, removed), byMember);
        }

        /**
         * Records one hit; true when it is a further copy of an attribute already seen. A copy is the same attribute
         * only when uuid, indicator (type family and canonical value) and event uuid all agree: a member that reuses
         * another member's uuid with other content gets an attribute of its own, and can neither relabel the other
         * member's record nor take it over, whichever answer comes first.
         */
        private boolean collect(MemberHit hit, IndicatorAggregate known, IndicatorKey knownKey, int knownKeyHash) {
            MispAttribute a = hit.attribute();
            MispEvent e = a.event();
            MemberRef member = hit.member();
            if (member != lastMember) {
                memberSlot(member);
            }
            String type = type(a.type());
            IndicatorAggregate indicator = known != null ? known : indicator(type, a.value(), knownKey, knownKeyHash);
            String eventUuid = e == null ? null : e.uuid();
            if (!hasText(eventUuid)) {
                eventUuid = null;
            }
            Object key = attributeKey(hit);
            AttributeCopies head = attributes.get(key);
            AttributeCopies copies = head;
            while (copies != null && !copies.sameContent(indicator, eventUuid)) {
                copies = copies.sameUuid;
            }
            boolean duplicate = copies != null;
            if (copies == null) {
                copies = new AttributeCopies(indicator, eventUuid);
                if (head == null) {
                    attributes.putNew(key, copies);
                } else {
                    copies.sameUuid = head.sameUuid;
                    head.sameUuid = copies;
                }
                attributeList.add(copies);
            }
            copies.copyCount++;
            if (a.deleted()) {
                copies.deleted = true;
            }
            copies.addMember(lastMemberSlot);
            boolean stands = !(checkClaims && claims.unconfirmed(hit));
            // Most records have one copy: the comparison runs only for a further copy.
            boolean speaks = copies.speaker == null
                    || compareSpeakers(hit, stands, copies.speaker, copies.speakerStands) < 0;
            if (speaks) {
                if (copies.speaker != null) {
                    copies.clearFields();
                }
                copies.speaker = hit;
                copies.speakerStands = stands;
                copies.type = type;
                String category = a.category();
                if (category != null && category != lastCategory) {
                    // Answers repeat a handful of categories, often as the same string object: skip the map for those.
                    lastCategory = category;
                    lastCategoryInterned = intern(category);
                }
                copies.category = category == null ? null : lastCategoryInterned;
                copies.toIds = a.toIds();
                copies.add(a.timestamp());
                copies.add(a.firstSeen());
                copies.add(a.lastSeen());
            }
            EventFacts facts = null;
            if (e != null && e == lastEvent && member == lastEventMember) {
                // A member lists an event's attributes together: the next hit mostly has the same event object.
                facts = lastFacts;
            } else {
                Object eventKey = eventKey(member, e, eventUuid);
                if (eventKey != null) {
                    facts = events.get(eventKey);
                    if (facts == null) {
                        facts = new EventFacts(events.size());
                        events.putNew(eventKey, facts);
                    }
                }
                lastEvent = e;
                lastEventMember = member;
                lastFacts = facts;
            }
            if (facts != null) {
                copies.offerEvent(facts, e, member);
            }
            int flags = copies.flags;
            int rank = copies.tlpRank;
            List<MispTag> attributeTags = a.tags();
            for (int i = 0, n = attributeTags.size(); i < n; i++) {
                MispTag t = attributeTags.get(i);
                Tag tag = tag(t.name());
                flags |= tag.flags;
                rank = Math.max(rank, tag.tlpRank);
                if (speaks) {
                    copies.addTag(tag.id);
                }
                if (t.inherited() && facts != null) {
                    // An event tag copied onto the attribute: it marks every attribute of that event.
                    facts.flags |= tag.flags;
                    facts.tlpRank = Math.max(facts.tlpRank, tag.tlpRank);
                }
            }
            copies.flags = (byte) flags;
            copies.tlpRank = (byte) rank;
            String organisation;
            if (e == null) {
                organisation = lastMemberOrganisation;
            } else if (facts != null) {
                if (facts.lastSeenEvent != e) {
                    facts.lastSeenEvent = e;
                    facts.lastEventTags.clear();
                    List<MispTag> eventTags = e.tags();
                    for (int i = 0, n = eventTags.size(); i < n; i++) {
                        Tag tag = tag(eventTags.get(i).name());
                        facts.flags |= tag.flags;
                        facts.tlpRank = Math.max(facts.tlpRank, tag.tlpRank);
                        facts.lastEventTags.add(tag.id);
                    }
                    facts.lastOrganisation = organisation(e.orgcName());
                }
                if (speaks) {
                    copies.addTags(facts.lastEventTags);
                }
                organisation = facts.lastOrganisation;
            } else {
                // An event without uuid or id matches no other copy: its tags still mark this attribute.
                List<MispTag> eventTags = e.tags();
                for (int i = 0, n = eventTags.size(); i < n; i++) {
                    Tag tag = tag(eventTags.get(i).name());
                    copies.flags |= (byte) tag.flags;
                    copies.tlpRank = (byte) Math.max(copies.tlpRank, tag.tlpRank);
                    if (speaks) {
                        copies.addTag(tag.id);
                    }
                }
                organisation = speaks ? organisation(e.orgcName()) : null;
            }
            if (speaks) {
                copies.organisation = organisation != null ? organisation : lastMemberOrganisation;
                copies.organisationUnconfirmed = !stands;
            }
            return duplicate;
        }

        /**
         * Reads a block of hits level by level (hits, their attributes, the attributes' strings and lists, then what
         * those point to) before the block is merged. Hits sit scattered in memory and each is a small graph of
         * objects; read one hit at a time, every object is a cache miss waited for in turn. A loop that only loads one
         * level for many hits has its misses in flight together, and the block is then merged from cache.
         */
        private final class Prefetch {
            static final int BLOCK = 128;
            private final MispAttribute[] attrs = new MispAttribute[BLOCK];
            private final String[] uuids = new String[BLOCK];
            private final String[] values = new String[BLOCK];
            private final List<?>[] tagLists = new List<?>[BLOCK];
            private final Instant[] times = new Instant[BLOCK];
            private final String[] rawTypes = new String[BLOCK];
            private final int[] valueHashes = new int[BLOCK];
            /** The key of a spelling that was not known when the block was read ahead, else null. */
            final IndicatorKey[] keys = new IndicatorKey[BLOCK];
            /**
             * The indicator of a spelling that was known when the block was read ahead, else null (the table has no
             * removal, so it is still right when the hit is merged).
             */
            final IndicatorAggregate[] found = new IndicatorAggregate[BLOCK];
            final int[] keyHashes = new int[BLOCK];
            int sum;

            void read(MemberHit[] all, int from, int to) {
                int len = to - from;
                for (int k = 0; k < len; k++) {
                    attrs[k] = all[from + k].attribute();
                }
                for (int k = 0; k < len; k++) {
                    MispAttribute a = attrs[k];
                    uuids[k] = a.uuid();
                    values[k] = a.value();
                    tagLists[k] = a.tags();
                    times[k] = a.timestamp();
                    rawTypes[k] = a.type();
                }
                int s = 0;
                for (int k = 0; k < len; k++) {
                    String u = uuids[k];
                    String v = values[k];
                    Instant t = times[k];
                    s += (u == null ? 0 : attributes.touch(u.hashCode())) + tagLists[k].size() + (rawTypes[k] == null
                            ? 0
                            : 1)
                            + (t == null ? 0 : t.getNano());
                    valueHashes[k] = v == null ? 0 : v.hashCode();
                }
                for (int k = 0; k < len; k++) {
                    // The last character brings in the whole of a short value (a hash or URL spans two cache lines); the
                    // stored spelling is what the lookup compares with.
                    String v = values[k];
                    s += (v == null
                            ? 0
                            : (v.isEmpty() ? 0 : v.charAt(v.length() - 1)) + spellings.touchSlot(
                                    valueHashes[k]));
                    Object first = tagLists[k].isEmpty() ? null : tagLists[k].get(0);
                    s += first == null ? 0 : 1;
                }
                for (int k = 0; k < len; k++) {
                    s += values[k] == null ? 0 : spellings.touchValue(valueHashes[k]);
                }
                // Known spellings are looked up in a loop of their own (no call in it, so lookups overlap); a spelling
                // not seen yet is then normalised, so that the indicator table is read ahead as well.
                for (int k = 0; k < len; k++) {
                    String v = values[k];
                    String t = rawTypes[k];
                    found[k] = v == null || t == null ? null : spellings.get(t, v, valueHashes[k]);
                }
                for (int k = 0; k < len; k++) {
                    keys[k] = null;
                    String v = values[k];
                    String t = rawTypes[k];
                    if (found[k] == null && v != null && t != null) {
                        IndicatorKey key = Indicators.key(t, v);
                        keys[k] = key;
                        keyHashes[k] = key.value().hashCode();
                    }
                }
                for (int k = 0; k < len; k++) {
                    s += keys[k] == null ? 0 : indicators.touchSlot(keyHashes[k]);
                }
                for (int k = 0; k < len; k++) {
                    s += keys[k] == null ? 0 : indicators.touchValue(keyHashes[k]);
                }
                sum += s;
                Arrays.fill(attrs, null);
                Arrays.fill(rawTypes, null);
            }
        }

        /** The interned creator organisation, or null when the event does not reveal it (absent or blank). */
        private String organisation(String orgc) {
            if (orgc == null) {
                return null;
            }
            String interned = intern(orgc);
            return interned.isBlank() ? null : interned;
        }

        private String intern(String s) {
            String interned = strings.putIfAbsent(s, s);
            return interned == null ? s : interned;
        }

        private void memberSlot(MemberRef member) {
            Integer slot = memberSlots.get(member);
            if (slot == null) {
                slot = memberList.size();
                memberSlots.put(member, slot);
                memberList.add(member);
            }
            lastMember = member;
            lastMemberSlot = slot;
            lastMemberOrganisation = intern(member.organisation());
        }

        /** The most restrictive TLP over every copy of the attribute and of its events, as a rank. */
        private static int tlpRank(AttributeCopies copies) {
            int rank = copies.tlpRank;
            if (copies.eventKey != null) {
                rank = Math.max(rank, copies.eventKey.tlpRank);
                if (copies.moreEvents() != null) {
                    for (EventCopy c : copies.moreEvents()) {
                        rank = Math.max(rank, c.key.tlpRank);
                    }
                }
            }
            return rank;
        }

        private TagPolicy.Verdict verdict(AttributeCopies copies) {
            int flags = copies.flags;
            int rank = copies.tlpRank;
            if (copies.eventKey != null) {
                flags |= copies.eventKey.flags;
                rank = Math.max(rank, copies.eventKey.tlpRank);
                if (copies.moreEvents() != null) {
                    for (EventCopy c : copies.moreEvents()) {
                        flags |= c.key.flags;
                        rank = Math.max(rank, c.key.tlpRank);
                    }
                }
            }
            return policy.verdict((flags & DROP) != 0, TLP_BY_RANK[rank],
                    (flags & INCLUDED) != 0, (flags & EXCLUDED) != 0);
        }

        private String type(String rawType) {
            String t = rawType == null ? "" : rawType;
            // A search sees a handful of types: look among them by identity, then by content, before hashing.
            String[] known = knownTypes;
            for (int i = 0; i < knownTypeCount; i++) {
                if (known[i] == t) {
                    return t;
                }
            }
            for (int i = 0; i < knownTypeCount; i++) {
                if (known[i].equals(t)) {
                    return known[i];
                }
            }
            String interned = types.putIfAbsent(t, t);
            if (interned == null) {
                interned = t;
                if (knownTypeCount < known.length) {
                    known[knownTypeCount++] = t;
                }
            }
            return interned;
        }

        /** The indicator of a raw (type, value) spelling; each distinct spelling is normalised once. */
        private IndicatorAggregate indicator(String type, String value, IndicatorKey knownKey, int knownKeyHash) {
            String v = value == null ? "" : value;
            int h = v.hashCode();
            IndicatorAggregate indicator = spellings.get(type, v, h);
            if (indicator == null) {
                IndicatorKey key = knownKey != null ? knownKey : Indicators.key(type, v);
                int keyHash = knownKey != null ? knownKeyHash : key.value().hashCode();
                indicator = indicators.get(key.family(), key.value(), keyHash);
                if (indicator == null) {
                    indicator = new IndicatorAggregate(key);
                    indicators.putNew(key.family(), key.value(), keyHash, indicator);
                    indicatorList.add(indicator);
                }
                spellings.putNew(type, v, h, indicator);
            }
            return indicator;
        }

        private Tag tag(String name) {
            int h = name.hashCode();
            Tag[] table = tagTable;
            int mask = table.length - 1;
            for (int i = spread(h) & mask;; i = (i + 1) & mask) {
                Tag t = table[i];
                if (t == null) {
                    break;
                }
                if (t.hash == h && (t.name == name || t.name.equals(name))) {
                    return t;
                }
            }
            TagPolicy.TagInfo info = policy.classify(name);
            TagGroup group = groups.get(info.key());
            if (group == null) {
                group = new TagGroup(groups.size(), info.key(), info.tlp());
                groups.put(info.key(), group);
            }
            int flags = (info.dropping() ? DROP : 0) | (info.included() ? INCLUDED : 0)
                    | (info.excluded() ? EXCLUDED : 0);
            Tag tag = new Tag(name, h, tagList.size(), flags, info.tlp() == null ? 0 : info.tlp().ordinal() + 1,
                    group);
            tagList.add(tag);
            if (tagList.size() * 2 > table.length) {
                tagTable = new Tag[table.length * 2];
                for (Tag t : tagList) {
                    insert(tagTable, t);
                }
            } else {
                insert(table, tag);
            }
            return tag;
        }

        private static void insert(Tag[] table, Tag tag) {
            int mask = table.length - 1;
            int i = spread(tag.hash) & mask;
            while (table[i] != null) {
                i = (i + 1) & mask;
            }
            table[i] = tag;
        }

        private static int spread(int h) {
            return (h ^ (h >>> 16)) * 0x9E3779B1;
        }

        /**
         * Whether a string is neither null nor empty, decided from its hash where it can: the hash is needed for the
         * lookup anyway and kept in the string, while its characters (a uuid's) are otherwise never read.
         */
        private static boolean hasText(String s) {
            return s != null && (s.hashCode() != 0 || !s.isEmpty());
        }

        private static Object attributeKey(MemberHit hit) {
            String uuid = hit.attribute().uuid();
            if (hasText(uuid)) {
                return uuid;
            }
            // Without a uuid an attribute cannot be matched across members: it stays one attribute of its member.
            String id = hit.attribute().id();
            return id == null ? new Object() : hit.member().id() + "\u0000" + id;
        }

        /** The event's uuid, else (no uuid) its id at this member, which matches nothing at other members. */
        private static Object eventKey(MemberRef member, MispEvent e, String eventUuid) {
            if (e == null) {
                return null;
            }
            if (eventUuid != null) {
                return eventUuid;
            }
            return e.id() == null ? null : member.id() + "\u0000" + e.id();
        }
    }
}
