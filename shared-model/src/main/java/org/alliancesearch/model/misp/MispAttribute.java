package org.alliancesearch.model.misp;

import java.time.Instant;
import java.util.List;

/**
 * One MISP attribute as a member returned it, read leniently (see {@link MispJson}).
 *
 * @param tags the attribute's own tags plus, when requested, the event's tags marked {@link MispTag#inherited()}
 * @param event the attribute's event context; may be null when the member sent none
 */
public record MispAttribute(String id, String uuid, String eventId, String objectId, String objectRelation,
        String category, String type, String value, boolean toIds, Instant timestamp, Instant firstSeen,
        Instant lastSeen, Integer distribution, String comment, boolean deleted, List<MispTag> tags,
        MispEvent event) {
    public MispAttribute {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
