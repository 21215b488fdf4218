package org.alliancesearch.model.misp;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole MISP event as one member returned it from {@code events/restSearch}: its header, tags, attributes and
 * objects, read leniently ({@link MispEventReader}). Every attribute (of the event and of its objects) carries the
 * event as its context ({@link MispAttribute#event()}, one shared instance, the event's tags marked inherited), so
 * the attribute checks of the attribute search (searched values, policy, creator claims) apply unchanged.
 *
 * @param uuid the event's uuid in lower case (never null: an event without one cannot be read)
 * @param orgc the creator organisation as the member claims it, or null
 * @param org the owner organisation on the member's server, or null
 * @param tags the event's own tags
 * @param cutAttributes attributes of this event not read because the event held more than the per-event cap: the
 *        event is shown with the others, and the member's answer counts it as truncated
 * @param galaxies the event's galaxy clusters ({@code Galaxy[].GalaxyCluster[]}): threat actors, malware, …
 */
public record MispEventDocument(String id, String uuid, String info, LocalDate date, Integer threatLevelId,
        Integer analysis, boolean published, Instant timestamp, Instant publishTimestamp, Integer distribution,
        MispOrganisation orgc, MispOrganisation org, List<MispTag> tags, List<MispAttribute> attributes,
        List<MispObject> objects, int cutAttributes, List<MispGalaxyCluster> galaxies) {
    public MispEventDocument {
        tags = tags == null ? List.of() : List.copyOf(tags);
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        objects = objects == null ? List.of() : List.copyOf(objects);
        galaxies = galaxies == null ? List.of() : List.copyOf(galaxies);
    }

    /** An event without galaxy clusters. */
    public MispEventDocument(String id, String uuid, String info, LocalDate date, Integer threatLevelId,
            Integer analysis, boolean published, Instant timestamp, Instant publishTimestamp, Integer distribution,
            MispOrganisation orgc, MispOrganisation org, List<MispTag> tags, List<MispAttribute> attributes,
            List<MispObject> objects, int cutAttributes) {
        this(id, uuid, info, date, threatLevelId, analysis, published, timestamp, publishTimestamp, distribution, orgc,
                org, tags, attributes, objects, cutAttributes, List.of());
    }

    /** Every attribute: the event's own, then each object's in order. */
    public List<MispAttribute> allAttributes() {
        List<MispAttribute> all = new ArrayList<>(attributes);
        objects.forEach(o -> all.addAll(o.attributes()));
        return all;
    }

    /** Attributes of the event and its objects. */
    public int attributeCount() {
        int n = attributes.size();
        for (MispObject o : objects) {
            n += o.attributes().size();
        }
        return n;
    }
}
