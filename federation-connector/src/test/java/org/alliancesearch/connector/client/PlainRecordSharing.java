package org.alliancesearch.connector.client;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.misp.MispEvent;
import org.alliancesearch.model.misp.MispTag;

/**
 * The plain way to share an answer's equal parts, kept as the reference for {@link RecordSharing}: every part of every
 * record looked up in one map, and every record made again from the shared parts.
 */
final class PlainRecordSharing {
    private final Map<Object, Object> seen = new HashMap<>();

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
        MispEvent known = (MispEvent) seen.get(e);
        if (known != null) {
            return known;
        }
        MispEvent shared = new MispEvent(text(e.id()), text(e.uuid()), text(e.info()), e.date(), text(e.orgcName()),
                text(e.orgcUuid()), e.threatLevelId(), e.published(), instant(e.timestamp()), e.distribution(),
                tags(e.tags()));
        seen.put(shared, shared);
        return shared;
    }

    private List<MispTag> tags(List<MispTag> tags) {
        return tags.isEmpty() ? List.of() : one(tags);
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
