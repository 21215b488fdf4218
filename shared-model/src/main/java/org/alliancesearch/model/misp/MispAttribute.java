package org.alliancesearch.model.misp;

import java.time.Instant;
import java.util.List;

/**
 * One MISP attribute as a member returned it, read leniently (see {@link MispJson}).
 *
 * @param tags the attribute's own tags plus, when requested, the event's tags marked {@link MispTag#inherited()}
 * @param event the attribute's event context; may be null when the member sent none
 * @param sightings the sightings (MISP type 0) the member reported for it, distinct, at most
 *        {@link #MAX_SIGHTINGS}; 0 when it sent none
 */
public record MispAttribute(String id, String uuid, String eventId, String objectId, String objectRelation,
        String category, String type, String value, boolean toIds, Instant timestamp, Instant firstSeen,
        Instant lastSeen, Integer distribution, String comment, boolean deleted, List<MispTag> tags, MispEvent event,
        int sightings) {
    /** The most sightings one attribute counts for: a member's number is its own claim. */
    public static final int MAX_SIGHTINGS = 100_000;

    public MispAttribute {
        tags = tags == null ? List.of() : List.copyOf(tags);
        sightings = Math.max(0, Math.min(MAX_SIGHTINGS, sightings));
    }

    /** An attribute with no sightings reported. */
    public MispAttribute(String id, String uuid, String eventId, String objectId, String objectRelation,
            String category, String type, String value, boolean toIds, Instant timestamp, Instant firstSeen,
            Instant lastSeen, Integer distribution, String comment, boolean deleted, List<MispTag> tags,
            MispEvent event) {
        this(id, uuid, eventId, objectId, objectRelation, category, type, value, toIds, timestamp, firstSeen,
                lastSeen, distribution, comment, deleted, tags, event, 0);
    }
}
