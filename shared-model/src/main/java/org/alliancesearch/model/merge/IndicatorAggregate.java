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
    private final ArrayList<String> types = new ArrayList<>(2);
    private final ArrayList<String> categories = new ArrayList<>(2);
    private final ArrayList<String> organisations = new ArrayList<>(2);
    /** Member slots ({@link Context#members()}). */
    private final IndicatorMerger.TagSet members = new IndicatorMerger.TagSet();
    /** Tag spellings ({@link Context#groupOfTag()}). */
    private final IndicatorMerger.TagSet tags = new IndicatorMerger.TagSet();
    private ArrayList<IndicatorMerger.EventCopy> eventList;
    private HashMap<IndicatorMerger.EventFacts, IndicatorMerger.EventCopy> eventMap;
    private boolean toIds;
    private final IndicatorMerger.SeenRange seen = new IndicatorMerger.SeenRange();
    private Tlp tlp;
    int attributeCount;
    private int copyCount;

    IndicatorAggregate(IndicatorKey key) {
        this.key = key;
    }

    /**
     * What all indicators of one merge share while they are built.
     *
     * @param groupOfTag the group of each tag spelling, by spelling id
     * @param members the members, by slot
     */
    record Context(List<IndicatorMerger.TagGroup> groupOfTag, List<MemberRef> members) {
    }

    /** Adds one attribute the policy keeps, with everything its copies carry. */
    void add(IndicatorMerger.AttributeCopies copies) {
        attributeCount++;
        copyCount += copies.copyCount;
        members.addAll(copies.members);
        tags.addAll(copies.tags);
        addDistinct(types, copies.type, copies.moreTypes);
        addDistinct(categories, copies.category, copies.moreCategories);
        addDistinct(organisations, copies.organisation, copies.moreOrganisations);
        toIds |= copies.toIds;
        seen.add(copies.seen);
        if (copies.event != null) {
            addEvent(copies.event);
            if (copies.moreEvents != null) {
                for (IndicatorMerger.EventCopy c : copies.moreEvents) {
                    addEvent(c);
                }
            }
        }
    }

    /** Strings are interned by the merge: identity is equality. */
    private static void addDistinct(ArrayList<String> list, String first, ArrayList<String> more) {
        if (first != null) {
            addDistinct(list, first);
        }
        if (more != null) {
            for (int i = 0, n = more.size(); i < n; i++) {
                addDistinct(list, more.get(i));
            }
        }
    }

    private static void addDistinct(ArrayList<String> list, String value) {
        for (int i = 0, n = list.size(); i < n; i++) {
            if (list.get(i) == value) {
                return;
            }
        }
        list.add(value);
    }

    /** Takes over the attribute's event copy (each belongs to one attribute, and that to one indicator). */
    private void addEvent(IndicatorMerger.EventCopy copy) {
        if (eventMap != null) {
            IndicatorMerger.EventCopy known = eventMap.putIfAbsent(copy.key, copy);
            if (known != null) {
                known.offer(copy.event, copy.member);
            }
            return;
        }
        if (eventList == null) {
            eventList = new ArrayList<>(2);
        }
        for (int i = 0, n = eventList.size(); i < n; i++) {
            IndicatorMerger.EventCopy known = eventList.get(i);
            if (known.key == copy.key) {
                known.offer(copy.event, copy.member);
                return;
            }
        }
        eventList.add(copy);
        if (eventList.size() > EVENT_LIST_LIMIT) {
            eventMap = new HashMap<>();
            for (IndicatorMerger.EventCopy c : eventList) {
                eventMap.put(c.key, c);
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

    MergedIndicator build(Context context) {
        types.sort(TEXT);
        categories.sort(TEXT);
        organisations.sort(TEXT);
        return new MergedIndicator(key.value(), key.family(), types, categories, organisations, members(context),
                tags(context), tlp, toIds, seen.first, seen.last, events(), attributeCount, copyCount);
    }

    /** By id; a member renamed during the search appears once, under the name that sorts first. */
    private List<IndicatorMember> members(Context context) {
        MemberRef[] refs = new MemberRef[bitCount(members)];
        int n = 0;
        for (int w = 0, words = members.words(); w < words; w++) {
            long bits = members.word(w);
            while (bits != 0) {
                refs[n++] = context.members().get((w << 6) + Long.numberOfTrailingZeros(bits));
                bits &= bits - 1;
            }
        }
        if (n > 1) {
            Arrays.sort(refs, MEMBERS);
        }
        IndicatorMember[] out = new IndicatorMember[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (m == 0 || !refs[i].id().equals(out[m - 1].id())) {
                out[m++] = new IndicatorMember(refs[i].id(), refs[i].name());
            }
        }
        return Arrays.asList(m == n ? out : Arrays.copyOf(out, m));
    }

    private static final Comparator<MemberRef> MEMBERS = Comparator.comparing(MemberRef::id).thenComparing(
            MemberRef::name);

    /** One spelling per tag group; sets {@link #tlp} to the most restrictive TLP among them. */
    private List<String> tags(Context context) {
        String[] out = new String[bitCount(tags)];
        IndicatorMerger.TagGroup[] seen = new IndicatorMerger.TagGroup[out.length];
        int n = 0;
        Tlp t = null;
        for (int w = 0, words = tags.words(); w < words; w++) {
            long bits = tags.word(w);
            while (bits != 0) {
                IndicatorMerger.TagGroup g = context.groupOfTag().get((w << 6) + Long.numberOfTrailingZeros(bits));
                bits &= bits - 1;
                boolean known = false;
                for (int i = 0; i < n; i++) {
                    if (seen[i] == g) {
                        known = true;
                        break;
                    }
                }
                if (!known) {
                    seen[n] = g;
                    out[n++] = g.display();
                    t = Tlp.mostRestrictive(t, g.tlp);
                }
            }
        }
        tlp = t;
        String[] sorted = n == out.length ? out : Arrays.copyOf(out, n);
        Arrays.sort(sorted, TEXT);
        return Arrays.asList(sorted);
    }

    private static int bitCount(IndicatorMerger.TagSet set) {
        int count = 0;
        for (int w = 0, words = set.words(); w < words; w++) {
            count += Long.bitCount(set.word(w));
        }
        return count;
    }

    private List<IndicatorEvent> events() {
        if (eventList == null && eventMap == null) {
            return List.of();
        }
        Iterable<IndicatorMerger.EventCopy> copies = eventMap != null ? eventMap.values() : eventList;
        IndicatorEvent[] evs = new IndicatorEvent[eventMap != null ? eventMap.size() : eventList.size()];
        int i = 0;
        for (IndicatorMerger.EventCopy copy : copies) {
            evs[i++] = event(copy);
        }
        Arrays.sort(evs, EVENTS);
        return Arrays.asList(evs);
    }

    private static IndicatorEvent event(IndicatorMerger.EventCopy copy) {
        MispEvent e = copy.event;
        MemberRef m = copy.member;
        BuiltEvent cached = copy.key.built;
        if (cached != null && cached.sameAs(m, e)) {
            return cached.event();
        }
        IndicatorEvent built = event(e, m);
        if (cached == null) {
            copy.key.built = new BuiltEvent(m, e, built);
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
