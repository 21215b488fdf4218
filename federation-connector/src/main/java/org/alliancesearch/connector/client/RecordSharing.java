package org.alliancesearch.connector.client;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.misp.MispEvent;
import org.alliancesearch.model.misp.MispTag;

/**
 * Shares equal parts between the attributes of one answered page (one HTTP response): every attribute of an event
 * carries a copy of that event (context and tags), and the searched values, types, categories, event ids, tag lists and
 * timestamps repeat from record to record. Keeping one instance of each is what lets 10 × 50,000 records fit into a
 * 256 MB heap (docs/benchmarks.md, scenario 5). Values compare by content (records), so the attributes are exactly what
 * was read; only their identities change. Lives as long as one page; an event spread over several pages is kept once
 * per page.
 */
final class RecordSharing {
    // The attribute's parts shared through the map, by position in lastRead and lastShared.
    private static final int EVENT_ID = 0;
    private static final int OBJECT_ID = 1;
    private static final int OBJECT_RELATION = 2;
    private static final int CATEGORY = 3;
    private static final int TYPE = 4;
    private static final int VALUE = 5;
    private static final int COMMENT = 6;
    private static final int TIMESTAMP = 7;
    private static final int FIRST_SEEN = 8;
    private static final int LAST_SEEN = 9;
    private static final int PARTS = 10;

    private final Map<Object, Object> seen = new HashMap<>();
    /*
     * The reader hands over the same instances for consecutive records that repeat a part (the event, the tag list and
     * every string it keeps from the last record): those are shared without hashing them again. Only the last one read
     * of each part is kept alive.
     */
    private MispEvent lastEventRead;
    private MispEvent lastEventShared;
    private List<MispTag> lastTagsRead;
    private List<MispTag> lastTagsShared;
    private final Object[] lastRead = new Object[PARTS];
    private final Object[] lastShared = new Object[PARTS];

    /** The attribute with its parts shared; the attribute itself when every part it has is already the shared one. */
    MispAttribute share(MispAttribute a) {
        String eventId = part(EVENT_ID, a.eventId());
        String objectId = part(OBJECT_ID, a.objectId());
        String objectRelation = part(OBJECT_RELATION, a.objectRelation());
        String category = part(CATEGORY, a.category());
        String type = part(TYPE, a.type());
        String value = part(VALUE, a.value());
        Instant timestamp = part(TIMESTAMP, a.timestamp());
        Instant firstSeen = part(FIRST_SEEN, a.firstSeen());
        Instant lastSeen = part(LAST_SEEN, a.lastSeen());
        String comment = part(COMMENT, a.comment());
        List<MispTag> tags = tags(a.tags());
        MispEvent event = event(a.event());
        if (eventId == a.eventId() && objectId == a.objectId() && objectRelation == a.objectRelation()
                && category == a.category() && type == a.type() && value == a.value() && timestamp == a.timestamp()
                && firstSeen == a.firstSeen() && lastSeen == a.lastSeen() && comment == a.comment()
                && tags == a.tags() && event == a.event()) {
            // The record made again would hold the same instances: most records of an answer, as the reader keeps
            // its strings, times and tag lists from one record to the next.
            return a;
        }
        return new MispAttribute(a.id(), a.uuid(), eventId, objectId, objectRelation, category, type, value,
                a.toIds(), timestamp, firstSeen, lastSeen, a.distribution(), comment, a.deleted(), tags, event,
                a.sightings());
    }

    /** The shared instance of one part: the last one's when it is the same instance as the last read. */
    @SuppressWarnings("unchecked")
    private <T> T part(int at, T read) {
        if (read == null) {
            return null;
        }
        if (read == lastRead[at]) {
            return (T) lastShared[at];
        }
        T shared = one(read);
        lastRead[at] = read;
        lastShared[at] = shared;
        return shared;
    }

    private MispEvent event(MispEvent e) {
        if (e == null) {
            return null;
        }
        if (e != lastEventRead) {
            lastEventShared = sharedEvent(e);
            lastEventRead = e;
        }
        return lastEventShared;
    }

    private MispEvent sharedEvent(MispEvent e) {
        MispEvent known = (MispEvent) seen.get(e);
        if (known != null) {
            return known;
        }
        // First of its kind: share its parts with the other events of the answer too. The shared copy is the map's key
        // as well as its value, so that the event as read is not kept alive by the map.
        MispEvent shared = new MispEvent(text(e.id()), text(e.uuid()), text(e.info()), e.date(), text(e.orgcName()),
                text(e.orgcUuid()), e.threatLevelId(), e.published(), instant(e.timestamp()), e.distribution(),
                tags(e.tags()));
        seen.put(shared, shared);
        return shared;
    }

    private List<MispTag> tags(List<MispTag> tags) {
        if (tags.isEmpty()) {
            return List.of();
        }
        if (tags != lastTagsRead) {
            lastTagsShared = one(tags);
            lastTagsRead = tags;
        }
        return lastTagsShared;
    }

    private String text(String s) {
        return s == null ? null : one(s);
    }

    private Instant instant(Instant i) {
        return i == null ? null : one(i);
    }

    @SuppressWarnings("unchecked")
    private <T> T one(T value) {
        return (T) seen.computeIfAbsent(value, v -> v);
    }
}
