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
     * The reader hands over the same event and tag list instances for consecutive records that repeat them (most
     * records of an answer): those are shared without hashing them again. Only the last one read is kept alive.
     */
    private MispEvent lastEventRead;
    private MispEvent lastEventShared;
    private List<MispTag> lastTagsRead;
    private List<MispTag> lastTagsShared;

    MispAttribute share(MispAttribute a) {
        return new MispAttribute(a.id(), a.uuid(), text(a.eventId()), text(a.objectId()), text(a.objectRelation()),
                text(a.category()), text(a.type()), text(a.value()), a.toIds(), instant(a.timestamp()),
                instant(a.firstSeen()), instant(a.lastSeen()), a.distribution(), text(a.comment()), a.deleted(),
                tags(a.tags()), event(a.event()), a.sightings());
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
