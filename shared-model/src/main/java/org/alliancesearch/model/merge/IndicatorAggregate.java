package org.alliancesearch.model.merge;

import java.time.Instant;
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
final class IndicatorAggregate {
    private static final int EVENT_LIST_LIMIT = 8;
    private static final Comparator<String> TEXT = Comparator.<String, String>comparing(s -> s,
            String.CASE_INSENSITIVE_ORDER).thenComparing(Comparator.naturalOrder());
    private static final Comparator<IndicatorEvent> EVENTS = IndicatorAggregate::compareEvents;

    final IndicatorKey key;
    final ArrayList<String> types = new ArrayList<>(2);
    final ArrayList<String> categories = new ArrayList<>(2);
    final ArrayList<String> organisations = new ArrayList<>(2);
    private final ArrayList<MemberRef> members = new ArrayList<>(2);
    /** Tag groups by {@link IndicatorMerger.TagGroup#id}: one bit each. */
    private long[] tagBits = new long[4];
    private ArrayList<IndicatorMerger.EventCopy> eventList;
    private HashMap<Object, IndicatorMerger.EventCopy> eventMap;
    boolean toIds;
    private Instant firstSeen;
    private Instant lastSeen;
    int attributeCount;
    int copyCount;

    IndicatorAggregate(IndicatorKey key) {
        this.key = key;
    }

    void addDistinct(ArrayList<String> list, String value) {
        for (int i = 0, n = list.size(); i < n; i++) {
            if (list.get(i).equals(value)) {
                return;
            }
        }
        list.add(value);
    }

    void addMember(MemberRef member) {
        for (int i = 0, n = members.size(); i < n; i++) {
            MemberRef m = members.get(i);
            if (m == member || m.id().equals(member.id())) {
                if (member.name().compareTo(m.name()) < 0) {
                    members.set(i, member); // same id, renamed mid-search: keep one name, order-independent
                }
                return;
            }
        }
        members.add(member);
    }

    void addTag(IndicatorMerger.TagGroup group, String spelling) {
        group.offer(spelling);
        int word = group.id >>> 6;
        if (word >= tagBits.length) {
            tagBits = Arrays.copyOf(tagBits, Math.max(word + 1, tagBits.length * 2));
        }
        tagBits[word] |= 1L << group.id;
    }

    void seen(Instant t) {
        if (t == null) {
            return;
        }
        if (firstSeen == null || t.isBefore(firstSeen)) {
            firstSeen = t;
        }
        if (lastSeen == null || t.isAfter(lastSeen)) {
            lastSeen = t;
        }
    }

    void addEvent(Object eventKey, MispEvent event, MemberRef member) {
        if (eventMap != null) {
            IndicatorMerger.EventCopy copy = eventMap.get(eventKey);
            if (copy == null) {
                eventMap.put(eventKey, new IndicatorMerger.EventCopy(eventKey, event, member));
            } else {
                copy.offer(event, member);
            }
            return;
        }
        if (eventList == null) {
            eventList = new ArrayList<>(2);
        }
        for (int i = 0, n = eventList.size(); i < n; i++) {
            IndicatorMerger.EventCopy copy = eventList.get(i);
            if (copy.key.equals(eventKey)) {
                copy.offer(event, member);
                return;
            }
        }
        eventList.add(new IndicatorMerger.EventCopy(eventKey, event, member));
        if (eventList.size() > EVENT_LIST_LIMIT) {
            eventMap = new HashMap<>();
            for (IndicatorMerger.EventCopy copy : eventList) {
                eventMap.put(copy.key, copy);
            }
            eventList = null;
        }
    }

    /** An event as built for one indicator, reused for the next indicator with the same event and member. */
    record BuiltEvent(MemberRef member, MispEvent source, IndicatorEvent event) {
        boolean sameAs(MemberRef m, MispEvent e) {
            return (member == m || member.equals(m)) && (source == e || (Objects.equals(source.uuid(), e.uuid())
                    && Objects.equals(source.info(), e.info()) && Objects.equals(source.date(), e.date())
                    && Objects.equals(source.orgcName(), e.orgcName()) && Objects.equals(source.threatLevelId(), e
                            .threatLevelId())));
        }
    }

    MergedIndicator build(HashMap<Object, BuiltEvent> eventCache, List<IndicatorMerger.TagGroup> groups) {
        types.sort(TEXT);
        categories.sort(TEXT);
        organisations.sort(TEXT);
        IndicatorMember[] memberArray = new IndicatorMember[members.size()];
        for (int i = 0; i < memberArray.length; i++) {
            MemberRef m = members.get(i);
            memberArray[i] = new IndicatorMember(m.id(), m.name());
        }
        Arrays.sort(memberArray, Comparator.comparing(IndicatorMember::id));
        int tagCount = 0;
        for (long w : tagBits) {
            tagCount += Long.bitCount(w);
        }
        String[] tagArray = new String[tagCount];
        Tlp tlp = null;
        int t = 0;
        for (int w = 0; w < tagBits.length; w++) {
            long bits = tagBits[w];
            while (bits != 0) {
                IndicatorMerger.TagGroup g = groups.get((w << 6) + Long.numberOfTrailingZeros(bits));
                bits &= bits - 1;
                tagArray[t++] = g.display();
                tlp = Tlp.mostRestrictive(tlp, g.tlp);
            }
        }
        Arrays.sort(tagArray, TEXT);
        List<IndicatorEvent> eventOut;
        if (eventList == null && eventMap == null) {
            eventOut = List.of();
        } else {
            Iterable<IndicatorMerger.EventCopy> copies = eventMap != null ? eventMap.values() : eventList;
            IndicatorEvent[] evs = new IndicatorEvent[eventMap != null ? eventMap.size() : eventList.size()];
            int i = 0;
            for (IndicatorMerger.EventCopy copy : copies) {
                evs[i++] = event(copy, eventCache);
            }
            Arrays.sort(evs, EVENTS);
            eventOut = Arrays.asList(evs);
        }
        return new MergedIndicator(key.value(), key.family(), types, categories, organisations,
                Arrays.asList(memberArray), Arrays.asList(tagArray), tlp, toIds, firstSeen, lastSeen, eventOut,
                attributeCount, copyCount);
    }

    private static IndicatorEvent event(IndicatorMerger.EventCopy copy, HashMap<Object, BuiltEvent> cache) {
        MispEvent e = copy.event;
        MemberRef m = copy.member;
        BuiltEvent cached = cache.get(copy.key);
        if (cached != null && cached.sameAs(m, e)) {
            return cached.event();
        }
        IndicatorEvent built = event(e, m);
        if (cached == null) {
            cache.put(copy.key, new BuiltEvent(m, e, built));
        }
        return built;
    }

    private static IndicatorEvent event(MispEvent e, MemberRef m) {
        String orgc = e.orgcName();
        String uuid = e.uuid();
        return new IndicatorEvent(uuid, e.info(), e.date(), orgc != null && !orgc.isBlank() ? orgc : m.organisation(),
                m.id(), m.name(), e.threatLevelId(), eventUrl(m.baseUrl(), uuid));
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
            if (dash ? c != '-' : Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
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
        return c != 0 ? c : a.memberId().compareTo(b.memberId());
    }
}
