package org.alliancesearch.simulator.search;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.alliancesearch.simulator.store.Ipv6;
import org.alliancesearch.simulator.store.MispStore;
import org.alliancesearch.simulator.store.Organisation;
import org.alliancesearch.simulator.store.TagTable;

/**
 * Evaluates a {@link RestSearchFilter} over a {@link MispStore} with MISP's semantics. Exact value terms go through the
 * value index; everything else is a scan over the columns.
 */
public final class SearchEngine {
    private final MispStore store;

    public SearchEngine(MispStore store) {
        this.store = store;
    }

    /** Matching attributes in id order, before paging. */
    public int[] attributes(RestSearchFilter r) {
        TagCondition tags = TagCondition.compile(r.tags(), store.tags());
        if (tags.impossible()) {
            return new int[0];
        }
        Query q = new Query(r, tags);
        int[] candidates = valueCandidates(r.value());
        int[] out = new int[16];
        int n = 0;
        if (candidates != null) {
            for (int at : candidates) {
                if (q.eventPasses(store.attributeEvent(at)) && q.attributePasses(at, true)) {
                    out = push(out, n++, at);
                }
            }
        } else {
            int count = store.attributeCount();
            int cachedEvent = -1;
            boolean eventOk = false;
            for (int at = 0; at < count; at++) {
                int ev = store.attributeEvent(at);
                if (ev != cachedEvent) {
                    cachedEvent = ev;
                    eventOk = q.eventPasses(ev);
                }
                if (eventOk && q.attributePasses(at, true)) {
                    out = push(out, n++, at);
                }
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Matching events in id order, before paging. */
    public int[] events(RestSearchFilter r) {
        TagCondition tags = TagCondition.compile(r.tags(), store.tags());
        if (tags.impossible()) {
            return new int[0];
        }
        Query q = new Query(r, tags);
        BitSet candidateEvents = null;
        int[] candidates = valueCandidates(r.value());
        if (candidates != null) {
            candidateEvents = new BitSet();
            for (int at : candidates) {
                candidateEvents.set(store.attributeEvent(at));
            }
        }
        int[] out = new int[16];
        int n = 0;
        for (int ev = candidateEvents == null ? 0 : candidateEvents.nextSetBit(0); ev >= 0
                && ev < store.eventCount(); ev = candidateEvents == null
                        ? ev + 1
                        : candidateEvents.nextSetBit(ev + 1)) {
            if (!q.eventPasses(ev) || !q.eventUuidPasses(ev)) {
                continue;
            }
            boolean ok;
            if (r.hasAttributeFilter()) {
                ok = false;
                for (int at = store.eventFirstAttribute(ev); at < store.eventAttributeEnd(ev) && !ok; at++) {
                    ok = q.attributePasses(at, false) && tags.test(store.attributeTags(at), store.eventTags(ev));
                }
            } else {
                ok = tags.testEvent(store, ev);
            }
            if (ok) {
                out = push(out, n++, ev);
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Whether an attribute is shown inside an event answer (the {@code deleted} filter applies to it). */
    public static boolean showInEvent(MispStore store, RestSearchFilter r, int at) {
        return r.deleted().contains(store.attributeFlag(at, MispStore.DELETED));
    }

    /** Attributes the index finds for the OR terms of {@code value}, sorted and distinct; null when a scan is due. */
    private int[] valueCandidates(Filter value) {
        if (value == null || value.or().isEmpty() || !value.and().isEmpty()) {
            return null;
        }
        int[][] found = {new int[8]};
        int[] n = {0};
        for (String term : value.or()) {
            if (term.indexOf('%') >= 0) {
                return null;
            }
            store.valueIndex().lookup(store, Ipv6.compress(term), at -> found[0] = push(found[0], n[0]++, at));
        }
        int[] sorted = java.util.Arrays.copyOf(found[0], n[0]);
        java.util.Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return java.util.Arrays.copyOf(sorted, distinct);
    }

    private static int[] push(int[] a, int n, int v) {
        int[] b = n == a.length ? java.util.Arrays.copyOf(a, n * 2) : a;
        b[n] = v;
        return b;
    }

    /** Compiled per-request predicates. */
    private final class Query {
        private final RestSearchFilter r;
        private final TagCondition tags;
        private final java.util.Map<String, LikeMatcher> matchers = new java.util.HashMap<>();

        Query(RestSearchFilter r, TagCondition tags) {
            this.r = r;
            this.tags = tags;
        }

        private LikeMatcher m(String term) {
            return matchers.computeIfAbsent(term, LikeMatcher::new);
        }

        boolean eventPasses(int ev) {
            if (r.published() != null && !r.published().contains(store.eventPublished(ev))) {
                return false;
            }
            if (r.fromDay() != null && store.eventDate(ev) < r.fromDay()) {
                return false;
            }
            if (r.toDay() != null && store.eventDate(ev) > r.toDay()) {
                return false;
            }
            long[] p = r.publishTimestamp();
            if (p != null && (store.eventPublishTimestamp(ev) < p[0] || store.eventPublishTimestamp(ev) > p[1])) {
                return false;
            }
            if (r.eventId() != null && !r.eventId().test(t -> t.trim().equals(String.valueOf(ev + 1))
                    || t.trim().equalsIgnoreCase(store.eventUuid(ev).toString()))) {
                return false;
            }
            if (r.org() != null) {
                int orgIndex = store.eventOrgc(ev);
                Organisation o = store.organisations().get(orgIndex);
                if (!r.org().test(t -> t.equals(String.valueOf(orgIndex + 1)) || t.equalsIgnoreCase(o.uuid().toString())
                        || m(t).matches(o.name()))) {
                    return false;
                }
            }
            return true;
        }

        /** On event searches {@code uuid} and {@code timestamp} apply to the event (or, for uuid, one attribute). */
        boolean eventUuidPasses(int ev) {
            long[] ts = r.timestamp();
            if (ts != null && (store.eventTimestamp(ev) < ts[0] || store.eventTimestamp(ev) > ts[1])) {
                return false;
            }
            if (r.uuid() != null) {
                return r.uuid().test(t -> {
                    if (t.equalsIgnoreCase(store.eventUuid(ev).toString())) {
                        return true;
                    }
                    for (int at = store.eventFirstAttribute(ev); at < store.eventAttributeEnd(ev); at++) {
                        if (t.equalsIgnoreCase(store.attributeUuid(at).toString())) {
                            return true;
                        }
                    }
                    return false;
                });
            }
            return true;
        }

        boolean attributePasses(int at, boolean attributeSearch) {
            if (!r.deleted().contains(store.attributeFlag(at, MispStore.DELETED))) {
                return false;
            }
            if (r.toIds() != null && !r.toIds().contains(store.attributeFlag(at, MispStore.TO_IDS))) {
                return false;
            }
            if (r.type() != null && !r.type().test(t -> m(t).matches(store.attributeType(at)))) {
                return false;
            }
            if (r.category() != null
                    && !r.category().test(t -> m(t).matches(store.attributeCategory(at)))) {
                return false;
            }
            if (r.value() != null && !r.value().test(t -> valueMatches(at, t))) {
                return false;
            }
            if (attributeSearch) {
                long[] ts = r.timestamp();
                if (ts != null && (store.attributeTimestamp(at) < ts[0] || store.attributeTimestamp(at) > ts[1])) {
                    return false;
                }
                if (r.uuid() != null) {
                    int ev = store.attributeEvent(at);
                    if (!r.uuid().test(t -> t.equalsIgnoreCase(store.attributeUuid(at).toString())
                            || t.equalsIgnoreCase(store.eventUuid(ev).toString()))) {
                        return false;
                    }
                }
                return tags.test(store.attributeTags(at), store.eventTags(store.attributeEvent(at)));
            }
            return true;
        }

        private boolean valueMatches(int at, String term) {
            LikeMatcher m = m(term.indexOf('%') >= 0 ? term : Ipv6.compress(term));
            String v = store.attributeValue(at);
            int bar = store.attributeComposite(at) ? v.indexOf('|') : -1;
            if (bar < 0) {
                return m.matches(v);
            }
            return m.matches(v, 0, bar) || m.matches(v, bar + 1, v.length());
        }
    }

    /**
     * The {@code tags} filter resolved against the server's tag table: OR tags match the attribute's own tags or its
     * event's tags; every AND tag must be present; NOT tags exclude by attribute or event tag. An OR or AND term that
     * names no known tag makes the whole search empty, as on MISP.
     */
    static final class TagCondition {
        private static final TagCondition NONE = new TagCondition(null, List.of(), null, false);
        private final BitSet or;
        private final List<BitSet> and;
        private final BitSet not;
        private final boolean impossible;

        private TagCondition(BitSet or, List<BitSet> and, BitSet not, boolean impossible) {
            this.or = or;
            this.and = and;
            this.not = not;
            this.impossible = impossible;
        }

        static TagCondition compile(Filter f, TagTable table) {
            if (f == null) {
                return NONE;
            }
            BitSet or = null;
            if (!f.or().isEmpty()) {
                or = new BitSet();
                for (String t : f.or()) {
                    or.or(resolve(t, table));
                }
            }
            List<BitSet> and = new ArrayList<>();
            boolean impossible = or != null && or.isEmpty();
            for (String t : f.and()) {
                BitSet s = resolve(t, table);
                impossible |= s.isEmpty();
                and.add(s);
            }
            BitSet not = null;
            if (!f.not().isEmpty()) {
                not = new BitSet();
                for (String t : f.not()) {
                    not.or(resolve(t, table));
                }
            }
            return new TagCondition(or, and, not, impossible);
        }

        private static BitSet resolve(String term, TagTable table) {
            BitSet s = new BitSet();
            String t = term.trim();
            if (t.matches("\\d+")) {
                int id = Integer.parseInt(t) - 1;
                if (id >= 0 && id < table.size()) {
                    s.set(id);
                }
                return s;
            }
            LikeMatcher m = new LikeMatcher(t);
            for (int i = 0; i < table.size(); i++) {
                if (m.matches(table.name(i))) {
                    s.set(i);
                }
            }
            return s;
        }

        boolean impossible() {
            return impossible;
        }

        boolean test(int[] own, int[] event) {
            if (or != null && !any(or, own) && !any(or, event)) {
                return false;
            }
            for (BitSet a : and) {
                if (!any(a, own) && !any(a, event)) {
                    return false;
                }
            }
            return not == null || (!any(not, own) && !any(not, event));
        }

        /** Event searches without attribute filters: positive tags may sit on the event or on any attribute. */
        boolean testEvent(MispStore store, int ev) {
            int[] evTags = store.eventTags(ev);
            if (not != null && any(not, evTags)) {
                return false;
            }
            if (or != null && !any(or, evTags)) {
                boolean found = false;
                for (int at = store.eventFirstAttribute(ev); at < store.eventAttributeEnd(ev) && !found; at++) {
                    found = any(or, store.attributeTags(at));
                }
                if (!found) {
                    return false;
                }
            }
            for (BitSet a : and) {
                if (!any(a, evTags)) {
                    boolean found = false;
                    for (int at = store.eventFirstAttribute(ev); at < store.eventAttributeEnd(ev) && !found; at++) {
                        found = any(a, store.attributeTags(at));
                    }
                    if (!found) {
                        return false;
                    }
                }
            }
            return true;
        }

        private static boolean any(BitSet set, int[] ids) {
            for (int id : ids) {
                if (set.get(id)) {
                    return true;
                }
            }
            return false;
        }
    }
}
