package org.alliancesearch.simulator.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The data of one simulated MISP server in compact columnar form: one primitive array per attribute field, interned
 * strings for repeated texts (types, categories, comments, tag sets), uuids as two longs, and an open hash index over
 * values (both halves of composite values, case-insensitive). About 60–90 bytes per attribute plus the value text, so
 * a million attributes fit comfortably in a few hundred MB of heap.
 *
 * <p>
 * Filled through {@link #addEvent(EventDraft)}, at start and while the server runs: an addition takes the write lock,
 * and searches read the index and the columns under {@link #read(Supplier)}. Records once added never change place,
 * so an answer rendered after the search still reads the records it found. Sightings are kept per attribute.
 */
public final class MispStore {
    private static final int[] NO_TAGS = new int[0];

    private final Organisation owner;
    private final List<Organisation> orgs = new ArrayList<>();
    private final Map<UUID, Integer> orgByUuid = new HashMap<>();
    private final StringPool strings = new StringPool();
    private final TagTable tags = new TagTable();
    private final Map<String, int[]> tagSets = new HashMap<>();

    // events
    private volatile int eventCount;
    private long[] evUuidHi = new long[16];
    private long[] evUuidLo = new long[16];
    private String[] evInfo = new String[16];
    private int[] evDate = new int[16];
    private int[] evOrgc = new int[16];
    private byte[] evDistribution = new byte[16];
    private byte[] evThreat = new byte[16];
    private byte[] evAnalysis = new byte[16];
    private boolean[] evPublished = new boolean[16];
    private long[] evTimestamp = new long[16];
    private long[] evPublishTimestamp = new long[16];
    private int[][] evTags = new int[16][];
    private int[] evFirstAttr = new int[16];
    private int[] evAttrEnd = new int[16];
    private int[] evFirstObject = new int[16];
    private int[] evObjectEnd = new int[16];

    // objects
    private int objectCount;
    private long[] obUuidHi = new long[16];
    private long[] obUuidLo = new long[16];
    private int[] obName = new int[16];
    private int[] obMeta = new int[16];
    private int[] obDescription = new int[16];
    private int[] obTemplateUuid = new int[16];
    private int[] obTemplateVersion = new int[16];
    private byte[] obDistribution = new byte[16];
    private long[] obTimestamp = new long[16];
    private int[] obComment = new int[16];

    // attributes
    private volatile int attrCount;
    private int[] atEvent = new int[16];
    private int[] atObject = new int[16];
    private int[] atType = new int[16];
    private int[] atCategory = new int[16];
    private String[] atValue = new String[16];
    private int[] atRelation = new int[16];
    private byte[] atFlags = new byte[16];
    private byte[] atDistribution = new byte[16];
    private long[] atTimestamp = new long[16];
    private long[] atUuidHi = new long[16];
    private long[] atUuidLo = new long[16];
    private int[] atComment = new int[16];
    private int[][] atTags = new int[16][];

    private final ValueIndex index = new ValueIndex();
    private final Map<UUID, Integer> eventByUuid = new HashMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<Integer, List<Sighting>> sightings = new ConcurrentHashMap<>();
    private final AtomicInteger sightingIds = new AtomicInteger();

    /** Attribute flag: {@code to_ids}. */
    public static final int TO_IDS = 1;
    /** Attribute flag: soft-deleted. */
    public static final int DELETED = 2;
    /** Attribute flag: {@code disable_correlation}. */
    public static final int NO_CORRELATION = 4;

    public MispStore(Organisation owner) {
        this.owner = owner;
        orgIndex(owner);
    }

    public Organisation owner() {
        return owner;
    }

    /** Adds one event with its objects and attributes; returns the event's index (its local id is index + 1). */
    public int addEvent(EventDraft e) {
        lock.writeLock().lock();
        try {
            return addEventLocked(e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Runs {@code reading} while no event is being added (searches walk the index and the columns). */
    public <T> T read(Supplier<T> reading) {
        lock.readLock().lock();
        try {
            return reading.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Attribute index of a uuid, or -1 (a scan: sightings are rare next to searches). */
    public int attributeIndexOf(UUID uuid) {
        return read(() -> {
            long hi = uuid.getMostSignificantBits();
            long lo = uuid.getLeastSignificantBits();
            for (int at = 0; at < attrCount; at++) {
                if (atUuidHi[at] == hi && atUuidLo[at] == lo) {
                    return at;
                }
            }
            return -1;
        });
    }

    /** Records a sighting of an attribute and returns it. */
    public Sighting addSighting(int attribute, Organisation org, long dateSighting, String source, int type) {
        if (attribute < 0 || attribute >= attributeCount()) {
            throw new IllegalArgumentException("no attribute " + attribute);
        }
        Sighting s = new Sighting(sightingIds.incrementAndGet(), attribute, org, dateSighting, UUID.randomUUID(),
                source == null ? "" : source, type);
        sightings.computeIfAbsent(attribute, k -> new CopyOnWriteArrayList<>()).add(s);
        return s;
    }

    /** The sightings of an attribute, oldest first (empty when none). */
    public List<Sighting> sightings(int attribute) {
        List<Sighting> list = sightings.get(attribute);
        return list == null ? List.of() : List.copyOf(list);
    }

    private int addEventLocked(EventDraft e) {
        int ev = eventCount;
        if (ev == evInfo.length) {
            growEvents();
        }
        UUID uuid = e.uuid != null ? e.uuid : UUID.randomUUID();
        evUuidHi[ev] = uuid.getMostSignificantBits();
        evUuidLo[ev] = uuid.getLeastSignificantBits();
        evInfo[ev] = e.info == null ? "" : e.info;
        evDate[ev] = (int) e.dateEpochDay;
        evOrgc[ev] = orgIndex(e.orgc != null ? e.orgc : owner);
        evDistribution[ev] = (byte) e.distribution;
        evThreat[ev] = (byte) e.threatLevelId;
        evAnalysis[ev] = (byte) e.analysis;
        evPublished[ev] = e.published;
        evTimestamp[ev] = e.timestamp;
        evPublishTimestamp[ev] = e.publishTimestamp;
        evTags[ev] = tagSet(e.tags);
        evFirstObject[ev] = objectCount;
        for (ObjectDraft o : e.objects) {
            addObject(o);
        }
        evObjectEnd[ev] = objectCount;
        evFirstAttr[ev] = attrCount;
        for (AttributeDraft a : e.attributes) {
            addAttribute(ev, a, a.objectIndex >= 0 ? evFirstObject[ev] + a.objectIndex : -1);
        }
        evAttrEnd[ev] = attrCount;
        eventByUuid.putIfAbsent(uuid, ev);
        eventCount++;
        return ev;
    }

    private void addObject(ObjectDraft o) {
        int ob = objectCount;
        if (ob == obName.length) {
            int n = ob * 2;
            obUuidHi = Arrays.copyOf(obUuidHi, n);
            obUuidLo = Arrays.copyOf(obUuidLo, n);
            obName = Arrays.copyOf(obName, n);
            obMeta = Arrays.copyOf(obMeta, n);
            obDescription = Arrays.copyOf(obDescription, n);
            obTemplateUuid = Arrays.copyOf(obTemplateUuid, n);
            obTemplateVersion = Arrays.copyOf(obTemplateVersion, n);
            obDistribution = Arrays.copyOf(obDistribution, n);
            obTimestamp = Arrays.copyOf(obTimestamp, n);
            obComment = Arrays.copyOf(obComment, n);
        }
        UUID uuid = o.uuid != null ? o.uuid : UUID.randomUUID();
        obUuidHi[ob] = uuid.getMostSignificantBits();
        obUuidLo[ob] = uuid.getLeastSignificantBits();
        obName[ob] = strings.intern(o.name);
        obMeta[ob] = strings.intern(o.metaCategory);
        obDescription[ob] = strings.intern(o.description);
        obTemplateUuid[ob] = strings.intern(o.templateUuid);
        obTemplateVersion[ob] = strings.intern(o.templateVersion);
        obDistribution[ob] = (byte) o.distribution;
        obTimestamp[ob] = o.timestamp;
        obComment[ob] = strings.intern(o.comment);
        objectCount++;
    }

    private void addAttribute(int ev, AttributeDraft a, int object) {
        int at = attrCount;
        if (at == atValue.length) {
            growAttributes();
        }
        UUID uuid = a.uuid != null ? a.uuid : UUID.randomUUID();
        String type = a.type == null ? "text" : a.type;
        atEvent[at] = ev;
        atObject[at] = object;
        atType[at] = strings.intern(type);
        atCategory[at] = strings.intern(a.category == null ? "Other" : a.category);
        atValue[at] = normaliseValue(type, a.value == null ? "" : a.value);
        atRelation[at] = a.objectRelation == null ? -1 : strings.intern(a.objectRelation);
        atFlags[at] = (byte) ((a.toIds ? TO_IDS : 0) | (a.deleted ? DELETED : 0)
                | (a.disableCorrelation ? NO_CORRELATION : 0));
        atDistribution[at] = (byte) a.distribution;
        atTimestamp[at] = a.timestamp;
        atUuidHi[at] = uuid.getMostSignificantBits();
        atUuidLo[at] = uuid.getLeastSignificantBits();
        atComment[at] = strings.intern(a.comment == null ? "" : a.comment);
        atTags[at] = tagSet(a.tags);
        attrCount++;
        String value = atValue[at];
        int bar = type.indexOf('|') >= 0 ? value.indexOf('|') : -1;
        if (bar >= 0) {
            index.add(value, 0, bar, at, 0);
            index.add(value, bar + 1, value.length(), at, 1);
        } else {
            index.add(value, 0, value.length(), at, 0);
        }
    }

    /** IPv6 halves are compressed as MISP does on save. */
    private static String normaliseValue(String type, String value) {
        if (!type.startsWith("ip-") && !type.contains("|ip")) {
            return value;
        }
        int bar = type.indexOf('|') >= 0 ? value.indexOf('|') : -1;
        if (bar < 0) {
            return Ipv6.compress(value);
        }
        return Ipv6.compress(value.substring(0, bar)) + "|" + Ipv6.compress(value.substring(bar + 1));
    }

    private int orgIndex(Organisation org) {
        Integer known = orgByUuid.get(org.uuid());
        if (known != null) {
            return known;
        }
        orgs.add(org);
        orgByUuid.put(org.uuid(), orgs.size() - 1);
        return orgs.size() - 1;
    }

    private int[] tagSet(List<TagDraft> drafts) {
        if (drafts.isEmpty()) {
            return NO_TAGS;
        }
        int[] ids = new int[drafts.size()];
        int n = 0;
        for (TagDraft t : drafts) {
            if (t.name() == null || t.name().isBlank()) {
                continue;
            }
            int id = tags.intern(t.name(), t.colour());
            boolean dup = false;
            for (int i = 0; i < n; i++) {
                dup |= ids[i] == id;
            }
            if (!dup) {
                ids[n++] = id;
            }
        }
        int[] set = Arrays.copyOf(ids, n);
        return tagSets.computeIfAbsent(Arrays.toString(set), k -> set);
    }

    private void growEvents() {
        int n = evInfo.length * 2;
        evUuidHi = Arrays.copyOf(evUuidHi, n);
        evUuidLo = Arrays.copyOf(evUuidLo, n);
        evInfo = Arrays.copyOf(evInfo, n);
        evDate = Arrays.copyOf(evDate, n);
        evOrgc = Arrays.copyOf(evOrgc, n);
        evDistribution = Arrays.copyOf(evDistribution, n);
        evThreat = Arrays.copyOf(evThreat, n);
        evAnalysis = Arrays.copyOf(evAnalysis, n);
        evPublished = Arrays.copyOf(evPublished, n);
        evTimestamp = Arrays.copyOf(evTimestamp, n);
        evPublishTimestamp = Arrays.copyOf(evPublishTimestamp, n);
        evTags = Arrays.copyOf(evTags, n);
        evFirstAttr = Arrays.copyOf(evFirstAttr, n);
        evAttrEnd = Arrays.copyOf(evAttrEnd, n);
        evFirstObject = Arrays.copyOf(evFirstObject, n);
        evObjectEnd = Arrays.copyOf(evObjectEnd, n);
    }

    private void growAttributes() {
        int n = atValue.length * 2;
        atEvent = Arrays.copyOf(atEvent, n);
        atObject = Arrays.copyOf(atObject, n);
        atType = Arrays.copyOf(atType, n);
        atCategory = Arrays.copyOf(atCategory, n);
        atValue = Arrays.copyOf(atValue, n);
        atRelation = Arrays.copyOf(atRelation, n);
        atFlags = Arrays.copyOf(atFlags, n);
        atDistribution = Arrays.copyOf(atDistribution, n);
        atTimestamp = Arrays.copyOf(atTimestamp, n);
        atUuidHi = Arrays.copyOf(atUuidHi, n);
        atUuidLo = Arrays.copyOf(atUuidLo, n);
        atComment = Arrays.copyOf(atComment, n);
        atTags = Arrays.copyOf(atTags, n);
    }

    // ---- read access -------------------------------------------------------------------------------------------

    public int eventCount() {
        return eventCount;
    }

    public int attributeCount() {
        return attrCount;
    }

    public TagTable tags() {
        return tags;
    }

    public ValueIndex valueIndex() {
        return index;
    }

    /** Local organisation id (1-based) of an organisation index. */
    public List<Organisation> organisations() {
        return orgs;
    }

    public Integer eventIndexOf(UUID uuid) {
        return eventByUuid.get(uuid);
    }

    public UUID eventUuid(int ev) {
        return new UUID(evUuidHi[ev], evUuidLo[ev]);
    }

    public String eventInfo(int ev) {
        return evInfo[ev];
    }

    public int eventDate(int ev) {
        return evDate[ev];
    }

    /** Index of the creator organisation in {@link #organisations()} (local org id = index + 1). */
    public int eventOrgc(int ev) {
        return evOrgc[ev];
    }

    public int eventDistribution(int ev) {
        return evDistribution[ev];
    }

    public int eventThreatLevel(int ev) {
        return evThreat[ev];
    }

    public int eventAnalysis(int ev) {
        return evAnalysis[ev];
    }

    public boolean eventPublished(int ev) {
        return evPublished[ev];
    }

    public long eventTimestamp(int ev) {
        return evTimestamp[ev];
    }

    public long eventPublishTimestamp(int ev) {
        return evPublishTimestamp[ev];
    }

    public int[] eventTags(int ev) {
        return evTags[ev];
    }

    public int eventFirstAttribute(int ev) {
        return evFirstAttr[ev];
    }

    public int eventAttributeEnd(int ev) {
        return evAttrEnd[ev];
    }

    public int eventFirstObject(int ev) {
        return evFirstObject[ev];
    }

    public int eventObjectEnd(int ev) {
        return evObjectEnd[ev];
    }

    public UUID objectUuid(int ob) {
        return new UUID(obUuidHi[ob], obUuidLo[ob]);
    }

    public String objectName(int ob) {
        return strings.get(obName[ob]);
    }

    public String objectMetaCategory(int ob) {
        return strings.get(obMeta[ob]);
    }

    public String objectDescription(int ob) {
        return strings.get(obDescription[ob]);
    }

    public String objectTemplateUuid(int ob) {
        return strings.get(obTemplateUuid[ob]);
    }

    public String objectTemplateVersion(int ob) {
        return strings.get(obTemplateVersion[ob]);
    }

    public int objectDistribution(int ob) {
        return obDistribution[ob];
    }

    public long objectTimestamp(int ob) {
        return obTimestamp[ob];
    }

    public String objectComment(int ob) {
        return strings.get(obComment[ob]);
    }

    public int attributeEvent(int at) {
        return atEvent[at];
    }

    /** Object index of an attribute, -1 when none. */
    public int attributeObject(int at) {
        return atObject[at];
    }

    public String attributeType(int at) {
        return strings.get(atType[at]);
    }

    public String attributeCategory(int at) {
        return strings.get(atCategory[at]);
    }

    public String attributeValue(int at) {
        return atValue[at];
    }

    /** Object relation, or {@code null}. */
    public String attributeRelation(int at) {
        return atRelation[at] < 0 ? null : strings.get(atRelation[at]);
    }

    public boolean attributeFlag(int at, int flag) {
        return (atFlags[at] & flag) != 0;
    }

    public int attributeDistribution(int at) {
        return atDistribution[at];
    }

    public long attributeTimestamp(int at) {
        return atTimestamp[at];
    }

    public UUID attributeUuid(int at) {
        return new UUID(atUuidHi[at], atUuidLo[at]);
    }

    public long attributeUuidHi(int at) {
        return atUuidHi[at];
    }

    public long attributeUuidLo(int at) {
        return atUuidLo[at];
    }

    public String attributeComment(int at) {
        return strings.get(atComment[at]);
    }

    public int[] attributeTags(int at) {
        return atTags[at];
    }

    /** Whether the attribute's type is composite ({@code domain|ip}, {@code filename|sha256}, …). */
    public boolean attributeComposite(int at) {
        return attributeType(at).indexOf('|') >= 0;
    }

    /** Interning pool for short repeated strings. */
    static final class StringPool {
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> values = new ArrayList<>();

        int intern(String s) {
            String v = s == null ? "" : s;
            Integer id = ids.get(v);
            if (id == null) {
                id = values.size();
                values.add(v);
                ids.put(v, id);
            }
            return id;
        }

        String get(int id) {
            return values.get(id);
        }
    }
}
