package org.alliancesearch.model.merge;

import java.time.Instant;
import java.util.ArrayList;
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
 * and where one copy has to stand for several (an event's info and link) the copy from the member with the smallest id
 * is taken.
 */
public final class IndicatorMerger {
    /** More organisations first, then the most recently seen, then by value and family. */
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
        TagPolicy tagPolicy = TagPolicy.of(policy == null ? AlliancePolicy.defaults() : policy, filter);
        return new Run(tagPolicy, hits.size()).run(hits);
    }

    private static int compareIndicators(MergedIndicator a, MergedIndicator b) {
        int c = Integer.compare(b.organisations().size(), a.organisations().size());
        if (c != 0) {
            return c;
        }
        c = compareNullsLast(b.lastSeen(), a.lastSeen());
        if (c != 0) {
            return c;
        }
        c = a.value().compareTo(b.value());
        return c != 0 ? c : a.family().compareTo(b.family());
    }

    private static int compareNullsLast(Instant newer, Instant older) {
        if (newer == null || older == null) {
            return newer == older ? 0 : newer == null ? 1 : -1;
        }
        return newer.compareTo(older);
    }

    private static final Tlp[] TLP_BY_RANK = {null, Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER, Tlp.AMBER_STRICT, Tlp.RED};

    static int capacity(int expected) {
        return (int) Math.min(1 << 30, expected / 0.75f + 1);
    }

    /** Tag facts combined as bits, the TLP as rank (0 none, else ordinal + 1). */
    static final int DROP = 1;
    static final int INCLUDED = 2;
    static final int EXCLUDED = 4;

    /** What the policy makes of one distinct tag name, with the group of all its spellings. */
    static final class Tag {
        final int flags;
        final int tlpRank;
        final TagGroup group;

        Tag(int flags, int tlpRank, TagGroup group) {
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

    /** Tag facts of one event uuid, over all its copies. */
    static final class EventFacts {
        int flags;
        int tlpRank;
        MispEvent lastSeenEvent;
    }

    /**
     * All copies of one attribute: one uuid with one content (indicator key and event uuid). A copy under the same uuid
     * with other content is another attribute, chained through {@link #sameUuid}.
     */
    static final class AttributeCopies {
        final MemberHit first;
        final IndicatorAggregate indicator;
        final String eventUuid;
        AttributeCopies sameUuid;
        ArrayList<MemberHit> more;
        EventFacts event;
        ArrayList<EventFacts> moreEvents;
        int flags;
        int tlpRank;
        boolean deleted;

        AttributeCopies(MemberHit first, IndicatorAggregate indicator, String eventUuid) {
            this.first = first;
            this.indicator = indicator;
            this.eventUuid = eventUuid;
        }

        boolean sameContent(IndicatorAggregate otherIndicator, String otherEventUuid) {
            return indicator == otherIndicator && (eventUuid == null
                    ? otherEventUuid == null
                    : eventUuid.equals(otherEventUuid));
        }

        void addCopy(MemberHit hit) {
            if (more == null) {
                more = new ArrayList<>(4);
            }
            more.add(hit);
        }

        void addEvent(EventFacts facts) {
            if (event == null) {
                event = facts;
            } else if (event != facts) {
                if (moreEvents == null) {
                    moreEvents = new ArrayList<>(2);
                }
                if (!moreEvents.contains(facts)) {
                    moreEvents.add(facts);
                }
            }
        }
    }

    /** One event of an indicator: the copy from the member with the smallest id stands for it. */
    static final class EventCopy {
        final Object key;
        MispEvent event;
        MemberRef member;

        EventCopy(Object key, MispEvent event, MemberRef member) {
            this.key = key;
            this.event = event;
            this.member = member;
        }

        void offer(MispEvent e, MemberRef m) {
            int c = m.id().compareTo(member.id());
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
            if (c < 0) {
                event = e;
                member = m;
            }
        }

        private static int compareNullable(String a, String b) {
            if (a == null || b == null) {
                return a == b ? 0 : a == null ? 1 : -1;
            }
            return a.compareTo(b);
        }
    }

    private static final class Run {
        private final TagPolicy policy;
        private final int hitCount;
        private final HashMap<String, Tag> tags = new HashMap<>(256);
        private final HashMap<String, TagGroup> groups = new HashMap<>(256);
        private final KeyTable<AttributeCopies> attributes;
        /** The same attributes in arrival order: walked sequentially, in the order they sit in memory. */
        private final ArrayList<AttributeCopies> attributeList;
        /** Indicators by raw MISP type, then raw value: normalises each distinct spelling once. */
        private final HashMap<String, HashMap<String, IndicatorAggregate>> byRawValue = new HashMap<>();
        private final KeyTable<EventFacts> events;
        private final HashMap<IndicatorKey, IndicatorAggregate> indicators;
        private final ArrayList<TagGroup> groupList = new ArrayList<>(256);

        Run(TagPolicy policy, int hitCount) {
            this.policy = policy;
            this.hitCount = hitCount;
            this.attributes = new KeyTable<>(hitCount);
            this.attributeList = new ArrayList<>(hitCount);
            this.events = new KeyTable<>(Math.min(hitCount, 1 << 16));
            this.indicators = new HashMap<>(capacity(Math.min(hitCount, 1 << 16)));
        }

        MergedResult run(Collection<MemberHit> hits) {
            int duplicates = 0;
            for (MemberHit hit : hits) {
                if (collect(hit)) {
                    duplicates++;
                }
            }
            int deleted = 0;
            int droppingTag = 0;
            int overMaxTlp = 0;
            int excludedByFilter = 0;
            for (int a = 0, n = attributeList.size(); a < n; a++) {
                AttributeCopies copies = attributeList.get(a);
                if (copies.deleted) {
                    deleted++;
                    continue;
                }
                switch (verdict(copies)) {
                    case DROPPING_TAG -> droppingTag++;
                    case OVER_MAX_TLP -> overMaxTlp++;
                    case EXCLUDED_BY_FILTER -> excludedByFilter++;
                    case KEEP -> keep(copies);
                }
            }
            List<MergedIndicator> merged = new ArrayList<>(indicators.size());
            HashMap<Object, IndicatorAggregate.BuiltEvent> eventCache = new HashMap<>(capacity(events.size()));
            for (IndicatorAggregate indicator : indicators.values()) {
                if (indicator.attributeCount > 0) {
                    merged.add(indicator.build(eventCache, groupList));
                }
            }
            merged.sort(ORDER);
            MergeTotals.PolicyRemovals removed = new MergeTotals.PolicyRemovals(droppingTag, overMaxTlp,
                    excludedByFilter);
            return new MergedResult(merged, new MergeTotals(merged.size(), hitCount, duplicates, removed.total(),
                    deleted, removed));
        }

        /**
         * Records one hit; true when it is a further copy of an attribute already seen. A copy is the same attribute
         * only when uuid, indicator (type family and canonical value) and event uuid all agree: a member that reuses
         * another member's uuid with other content gets an attribute of its own, and can neither relabel the other
         * member's record nor take it over, whichever answer comes first.
         */
        private boolean collect(MemberHit hit) {
            MispAttribute a = hit.attribute();
            MispEvent e = a.event();
            IndicatorAggregate indicator = indicator(a.type(), a.value());
            String eventUuid = e == null || e.uuid() == null || e.uuid().isEmpty() ? null : e.uuid();
            Object key = attributeKey(hit);
            AttributeCopies head = attributes.get(key);
            AttributeCopies copies = head;
            while (copies != null && !copies.sameContent(indicator, eventUuid)) {
                copies = copies.sameUuid;
            }
            boolean duplicate = copies != null;
            if (copies == null) {
                copies = new AttributeCopies(hit, indicator, eventUuid);
                if (head == null) {
                    attributes.putNew(key, copies);
                } else {
                    copies.sameUuid = head.sameUuid;
                    head.sameUuid = copies;
                }
                attributeList.add(copies);
            } else {
                copies.addCopy(hit);
            }
            if (a.deleted()) {
                copies.deleted = true;
            }
            EventFacts facts = null;
            Object eventKey = eventKey(hit.member(), e);
            if (eventKey != null) {
                facts = events.get(eventKey);
                if (facts == null) {
                    facts = new EventFacts();
                    events.putNew(eventKey, facts);
                }
                copies.addEvent(facts);
            }
            int flags = copies.flags;
            int rank = copies.tlpRank;
            List<MispTag> attributeTags = a.tags();
            for (int i = 0, n = attributeTags.size(); i < n; i++) {
                MispTag t = attributeTags.get(i);
                Tag tag = tag(t.name());
                flags |= tag.flags;
                rank = Math.max(rank, tag.tlpRank);
                if (t.inherited() && facts != null) {
                    // An event tag copied onto the attribute: it marks every attribute of that event.
                    facts.flags |= tag.flags;
                    facts.tlpRank = Math.max(facts.tlpRank, tag.tlpRank);
                }
            }
            copies.flags = flags;
            copies.tlpRank = rank;
            if (e != null && facts != null && facts.lastSeenEvent != e) {
                facts.lastSeenEvent = e;
                List<MispTag> eventTags = e.tags();
                for (int i = 0, n = eventTags.size(); i < n; i++) {
                    Tag tag = tag(eventTags.get(i).name());
                    facts.flags |= tag.flags;
                    facts.tlpRank = Math.max(facts.tlpRank, tag.tlpRank);
                }
            }
            return duplicate;
        }

        private TagPolicy.Verdict verdict(AttributeCopies copies) {
            int flags = copies.flags;
            int rank = copies.tlpRank;
            if (copies.event != null) {
                flags |= copies.event.flags;
                rank = Math.max(rank, copies.event.tlpRank);
                if (copies.moreEvents != null) {
                    for (EventFacts f : copies.moreEvents) {
                        flags |= f.flags;
                        rank = Math.max(rank, f.tlpRank);
                    }
                }
            }
            return policy.verdict((flags & DROP) != 0, TLP_BY_RANK[rank],
                    (flags & INCLUDED) != 0, (flags & EXCLUDED) != 0);
        }

        /** The indicator of a raw (type, value) spelling; each distinct spelling is normalised once. */
        private IndicatorAggregate indicator(String type, String value) {
            String t = type == null ? "" : type;
            String v = value == null ? "" : value;
            HashMap<String, IndicatorAggregate> ofType = byRawValue.get(t);
            if (ofType == null) {
                ofType = new HashMap<>(capacity(Math.min(hitCount, 1 << 16)));
                byRawValue.put(t, ofType);
            }
            IndicatorAggregate indicator = ofType.get(v);
            if (indicator == null) {
                IndicatorKey key = Indicators.key(t, v);
                indicator = indicators.get(key);
                if (indicator == null) {
                    indicator = new IndicatorAggregate(key);
                    indicators.put(key, indicator);
                }
                ofType.put(v, indicator);
            }
            return indicator;
        }

        private void keep(AttributeCopies copies) {
            IndicatorAggregate indicator = copies.indicator;
            indicator.attributeCount++;
            add(indicator, copies.first);
            if (copies.more != null) {
                for (int i = 0, n = copies.more.size(); i < n; i++) {
                    add(indicator, copies.more.get(i));
                }
            }
        }

        private void add(IndicatorAggregate indicator, MemberHit hit) {
            MispAttribute a = hit.attribute();
            MemberRef member = hit.member();
            MispEvent e = a.event();
            indicator.copyCount++;
            indicator.addMember(member);
            String orgc = e == null ? null : e.orgcName();
            indicator.addDistinct(indicator.organisations,
                    orgc != null && !orgc.isBlank() ? orgc : member.organisation());
            indicator.addDistinct(indicator.types, a.type());
            if (a.category() != null) {
                indicator.addDistinct(indicator.categories, a.category());
            }
            indicator.toIds |= a.toIds();
            indicator.seen(a.timestamp());
            indicator.seen(a.firstSeen());
            indicator.seen(a.lastSeen());
            List<MispTag> attributeTags = a.tags();
            for (int i = 0, n = attributeTags.size(); i < n; i++) {
                indicator.addTag(tag(attributeTags.get(i).name()).group, attributeTags.get(i).name());
            }
            if (e != null) {
                List<MispTag> eventTags = e.tags();
                for (int i = 0, n = eventTags.size(); i < n; i++) {
                    indicator.addTag(tag(eventTags.get(i).name()).group, eventTags.get(i).name());
                }
                Object eventKey = eventKey(member, e);
                if (eventKey != null) {
                    indicator.addEvent(eventKey, e, member);
                }
            }
        }

        private Tag tag(String name) {
            Tag tag = tags.get(name);
            if (tag == null) {
                TagPolicy.TagInfo info = policy.classify(name);
                TagGroup group = groups.get(info.key());
                if (group == null) {
                    group = new TagGroup(groupList.size(), info.key(), info.tlp());
                    groups.put(info.key(), group);
                    groupList.add(group);
                }
                int flags = (info.dropping() ? DROP : 0) | (info.included() ? INCLUDED : 0)
                        | (info.excluded() ? EXCLUDED : 0);
                tag = new Tag(flags, info.tlp() == null ? 0 : info.tlp().ordinal() + 1, group);
                tags.put(name, tag);
            }
            return tag;
        }

        private static Object attributeKey(MemberHit hit) {
            String uuid = hit.attribute().uuid();
            if (uuid != null && !uuid.isEmpty()) {
                return uuid;
            }
            // Without a uuid an attribute cannot be matched across members: it stays one attribute of its member.
            String id = hit.attribute().id();
            return id == null ? new Object() : hit.member().id() + "\u0000" + id;
        }

        private static Object eventKey(MemberRef member, MispEvent e) {
            if (e == null) {
                return null;
            }
            if (e.uuid() != null && !e.uuid().isEmpty()) {
                return e.uuid();
            }
            return e.id() == null ? null : member.id() + "\u0000" + e.id();
        }
    }
}
