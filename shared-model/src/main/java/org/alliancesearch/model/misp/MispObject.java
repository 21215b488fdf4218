package org.alliancesearch.model.misp;

import java.time.Instant;
import java.util.List;

/**
 * A MISP object inside an event (a group of related attributes: a file, a network connection …), read leniently.
 *
 * @param attributes the object's attributes, each with its event context
 */
public record MispObject(String id, String uuid, String name, String metaCategory, String templateUuid,
        String templateVersion, Integer distribution, Instant timestamp, String comment, boolean deleted,
        List<MispAttribute> attributes) {
    public MispObject {
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
    }
}
