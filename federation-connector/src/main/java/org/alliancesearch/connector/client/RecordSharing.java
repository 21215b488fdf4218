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
    private final Map<Object, Object> seen = new HashMap<>();
    /*
     * The reader hands over the same event instance for consecutive records that repeat it (most records of an
     * answer): it is shared without hashing it again. Only the last one read is kept alive.
     */
    private MispEvent lastEventRead;
    private MispEvent lastEventShared;

    /*
     * The reader also hands over the same instances of most of a record's values as in the record before (its strings
     * kept from record to record, runs of fields taken from the record before, its tag list): for each field, the last
     * instance read and the one it was shared as. The attributes' and the events' tag lists each have their own (the
     * two alternate where each attribute has another event).
     */
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
    private static final int TAGS = 10;
    private static final int EVENT_TAGS = 11;
    private final Object[] lastRead = new Object[12];
    private final Object[] lastShared = new Object[12];

    MispAttribute share(MispAttribute a) {
        String eventId = one(EVENT_ID, a.eventId());
        String objectId = one(OBJECT_ID, a.objectId());
        String objectRelation = one(OBJECT_RELATION, a.objectRelation());
        String category = one(CATEGORY, a.category());
        String type = one(TYPE, a.type());
        String value = one(VALUE, a.value());
        String comment = one(COMMENT, a.comment());
        Instant timestamp = one(TIMESTAMP, a.timestamp());
        Instant firstSeen = one(FIRST_SEEN, a.firstSeen());
        Instant lastSeen = one(LAST_SEEN, a.lastSeen());
        List<MispTag> tags = tags(TAGS, a.tags());
        MispEvent event = event(a.event());
        if (eventId == a.eventId() && objectId == a.objectId() && objectRelation == a.objectRelation()
                && category == a.category() && type == a.type() && value == a.value() && comment == a.comment()
                && timestamp == a.timestamp() && firstSeen == a.firstSeen() && lastSeen == a.lastSeen()
                && tags == a.tags() && event == a.event()) {
            // Every part is already the shared instance: the record as read is the shared one.
            return a;
        }
        return new MispAttribute(a.id(), a.uuid(), eventId, objectId, objectRelation, category, type, value, a.toIds(),
                timestamp, firstSeen, lastSeen, a.distribution(), comment, a.deleted(), tags, event, a.sightings());
    }

    /** The shared instance of this field's value: the last one's when it is the same instance as last read. */
    @SuppressWarnings("unchecked")
    private <T> T one(int field, T value) {
        if (value == null) {
            return null;
        }
        if (value == lastRead[field]) {
            return (T) lastShared[field];
        }
        T shared = one(value);
        lastRead[field] = value;
        lastShared[field] = shared;
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
        // First of its kind: share its parts with the other events of the answer too (not its id and uuid, which no
        // other event has). The shared event is the map's key as well as its value; it is the event as read when its
        // parts already are the shared ones.
        String info = text(e.info());
        String orgcName = text(e.orgcName());
        String orgcUuid = text(e.orgcUuid());
        Instant timestamp = instant(e.timestamp());
        List<MispTag> tags = tags(EVENT_TAGS, e.tags());
        MispEvent shared = info == e.info() && orgcName == e.orgcName() && orgcUuid == e.orgcUuid()
                && timestamp == e.timestamp() && tags == e.tags()
                        ? e
                        : new MispEvent(e.id(), e.uuid(), info, e.date(), orgcName, orgcUuid, e.threatLevelId(),
                                e.published(), timestamp, e.distribution(), tags);
        seen.put(shared, shared);
        return shared;
    }

    private List<MispTag> tags(int field, List<MispTag> tags) {
        return tags.isEmpty() ? List.of() : one(field, tags);
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
