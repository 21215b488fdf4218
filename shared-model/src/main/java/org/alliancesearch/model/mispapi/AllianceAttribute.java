package org.alliancesearch.model.mispapi;

import java.util.List;

import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.misp.MispTag;
import org.alliancesearch.model.result.MemberRef;

/**
 * One attribute as the whole alliance holds it: the synchronised copies of it (same uuid, same type family and
 * canonical value, same event uuid) from every member, shown once.
 *
 * @param attribute the copy that stands for it ({@link org.alliancesearch.model.merge.IndicatorMerger#compareSpeakers}):
 *        the one from the member of the event's creator, else one whose creator claim stands, else the one from the
 *        member with the smallest id
 * @param tags that copy's own tags (one per name, ignoring case)
 * @param eventTags that copy's event tags (tags on the event, and tags the member marked inherited)
 * @param holders the members that returned a copy, by name then id
 * @param creator the creator organisation shown ({@code Event.Orgc.name}): the event's, unless that claim names
 *        another member's organisation without its member confirming it (then the holder's own organisation)
 * @param creatorUuid the creator organisation's uuid, or null when unknown
 * @param source the member whose copy stands for the attribute (its local ids are that member's)
 */
public record AllianceAttribute(MispAttribute attribute, List<MispTag> tags, List<MispTag> eventTags,
        List<MemberRef> holders, String creator, String creatorUuid, MemberRef source) {
    public AllianceAttribute {
        tags = List.copyOf(tags);
        eventTags = List.copyOf(eventTags);
        holders = List.copyOf(holders);
    }

    /** The event's uuid, or null. */
    public String eventUuid() {
        return attribute.event() == null ? null : attribute.event().uuid();
    }
}
