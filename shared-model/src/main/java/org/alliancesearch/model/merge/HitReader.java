package org.alliancesearch.model.merge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;

import org.alliancesearch.model.indicator.IndicatorKey;
import org.alliancesearch.model.indicator.Indicators;
import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.misp.MispEvent;
import org.alliancesearch.model.misp.MispTag;
import org.alliancesearch.model.policy.TagPolicy;
import org.alliancesearch.model.result.MemberHit;
import org.alliancesearch.model.result.MemberRef;

/**
 * The reading pass of a merge: walks the hits once, deduplicates copies into {@link AttributeCopies} (by uuid and
 * content), groups them under their {@link IndicatorAggregate}, and gathers the tag facts of events. Holds the
 * merge's lookup tables; {@link MergeOutput} then applies the policy and builds the ordered result from what it read.
 */
final class HitReader {
    /** Hits read ahead at a time (see {@link Prefetch}); the output reads its indicators ahead by the same blocks. */
    static final int BLOCK = 128;

    /**
     * A sum of what the read-ahead loaded, written so that the compiler cannot drop those loads as unused. Written by
     * every merge, read by none: a race on it is harmless.
     */
    @SuppressWarnings("unused")
    static int readAheadSum;

    final OrganisationClaims claims;
    /** False in the usual case (every claim stands): no lookup per hit then. */
    private final boolean checkClaims;
    /** Distinct tag names. */
    final TagTable tags;
    private final KeyTable<AttributeCopies> attributes;
    /** The same attributes in arrival order: walked sequentially, in the order they sit in memory. */
    final ArrayList<AttributeCopies> attributeList;
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
    final ArrayList<IndicatorAggregate> indicatorList = new ArrayList<>();
    /** Categories and organisations, interned so that an indicator compares them by identity. */
    private final HashMap<String, String> strings = new HashMap<>(1024);
    /** Distinct members (by value); an indicator's members are a set of these slots. */
    private final HashMap<MemberRef, Integer> memberSlots = new HashMap<>();
    final ArrayList<MemberRef> memberList = new ArrayList<>();
    private MemberRef lastMember;
    private int lastMemberSlot;
    private String lastMemberOrganisation;
    private String lastCategory;
    private String lastCategoryInterned;
    private MispEvent lastEvent;
    private MemberRef lastEventMember;
    private EventFacts lastFacts;
    /** Hits that were further copies of an attribute already read. */
    int duplicates;
    /** What the read-ahead loaded (see {@link #readAheadSum}). */
    int touched;

    /**
     * @param searchedValues how many values the search asked for exactly (bounding the indicators it finds), or -1
     *     when unknown or unbounded
     */
    HitReader(TagPolicy policy, int hitCount, int searchedValues, OrganisationClaims claims) {
        this.tags = new TagTable(policy);
        this.claims = claims;
        this.checkClaims = !claims.isEmpty();
        this.attributes = new KeyTable<>(hitCount);
        this.attributeList = new ArrayList<>(hitCount);
        // Events are few (tens of attributes each) and the table grows when they are not. A table sized for every hit
        // was a megabyte per search that the collector had to treat as a humongous object (a marking cycle each).
        this.events = new KeyTable<>(Math.min(hitCount, 1 << 10));
        // Sized for a wide result (the benchmark's wide shape has one indicator per five hits): growing a large
        // table rehashes it at random, which costs more than the zeroed memory of a generous one. A search for a few
        // exact values finds few indicators however many hits come back (a few spellings and halves each): its
        // tables start at that size, for the same reason as the events'.
        this.indicators = new SpellingTable(expectedIndicators(hitCount, searchedValues));
        this.spellings = new SpellingTable(expectedSpellings(hitCount, searchedValues));
    }

    /** The spellings the tables start sized for: two per indicator. */
    static int expectedSpellings(int hitCount, int searchedValues) {
        int wide = hitCount / 2;
        return searchedValues < 0 ? wide : (int) Math.min(wide, 8L * searchedValues + 32);
    }

    /** The indicators the tables start sized for (see the constructor). */
    static int expectedIndicators(int hitCount, int searchedValues) {
        int wide = hitCount / 4;
        return searchedValues < 0 ? wide : (int) Math.min(wide, 4L * searchedValues + 16);
    }

    /** Reads hits: all of them at once, or one answer at a time ({@link RunningMerge}). */
    void read(Collection<MemberHit> hits) {
        MemberHit[] all = hits.toArray(new MemberHit[0]);
        Prefetch prefetch = new Prefetch();
        for (int from = 0, n = all.length; from < n; from += BLOCK) {
            int to = Math.min(n, from + BLOCK);
            prefetch.read(all, from, to);
            for (int i = from; i < to; i++) {
                if (collect(all[i], prefetch.found[i - from], prefetch.keys[i - from],
                        prefetch.keyHashes[i - from])) {
                    duplicates++;
                }
            }
        }
        touched += prefetch.sum;
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
                || IndicatorMerger.compareSpeakers(hit, stands, copies.speaker, copies.speakerStands) < 0;
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
            TagTable.Tag tag = tags.tag(t.name());
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
                    TagTable.Tag tag = tags.tag(eventTags.get(i).name());
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
                TagTable.Tag tag = tags.tag(eventTags.get(i).name());
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

    /** The indicator of a key, made when the hits did not make it (a composite filed under a half). */
    IndicatorAggregate indicator(IndicatorKey key) {
        int keyHash = key.value().hashCode();
        IndicatorAggregate indicator = indicators.get(key.family(), key.value(), keyHash);
        if (indicator == null) {
            indicator = new IndicatorAggregate(key);
            indicators.putNew(key.family(), key.value(), keyHash, indicator);
            indicatorList.add(indicator);
        }
        return indicator;
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
