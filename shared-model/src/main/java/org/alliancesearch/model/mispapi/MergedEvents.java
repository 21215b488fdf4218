package org.alliancesearch.model.mispapi;

import java.util.List;

import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.misp.MispEventDocument;
import org.alliancesearch.model.misp.MispObject;
import org.alliancesearch.model.misp.MispOrganisation;
import org.alliancesearch.model.misp.MispTag;
import org.alliancesearch.model.result.MemberRef;

/**
 * The alliance's answer to an event search ({@link EventMerger}): every event at most once, only what the policy
 * allows, in a stable order (date, newest first, then uuid), and per member what of it is shown.
 *
 * @param events the merged events
 * @param tallies per member asked, in member id order: events and attributes shown that it holds (never a count of
 *        what was hidden)
 */
public record MergedEvents(List<Event> events, List<Tally> tallies) {
    public MergedEvents {
        events = List.copyOf(events);
        tallies = List.copyOf(tallies);
    }

    /**
     * One page of the events, MISP's way: {@code page} is 1-based; a limit below 1 means no paging.
     */
    public List<Event> page(int limit, int page) {
        if (limit < 1) {
            return events;
        }
        long from = (long) Math.max(0, page - 1) * limit;
        if (from >= events.size()) {
            return List.of();
        }
        return events.subList((int) from, (int) Math.min(events.size(), from + limit));
    }

    /**
     * One merged event.
     *
     * @param header the header of the copy shown (its tags, attributes and objects are not used: see the other
     *        components)
     * @param orgc the creator organisation shown: the member's claim when it stands, else the holder member's own
     *        organisation ({@link EventMerger})
     * @param org the owner shown: the organisation of the member whose copy's header is shown
     * @param tags the event's tags as the copy that speaks for it carries them (not a union: another member's copy
     *        cannot relabel the event; any copy's tags still hide it, {@link EventMerger})
     * @param attributes the event's own attributes that passed the policy
     * @param objects the event's objects with at least one attribute that passed the policy
     * @param holders the members whose copy of this event holds an attribute shown, in member id order
     * @param claimReplaced true when the creator claim of the shown copy was not confirmed and was replaced
     */
    public record Event(MispEventDocument header, MispOrganisation orgc, MispOrganisation org, List<MispTag> tags,
            List<Attribute> attributes, List<EventObject> objects, List<MemberRef> holders, boolean claimReplaced) {
        public Event {
            tags = List.copyOf(tags);
            attributes = List.copyOf(attributes);
            objects = List.copyOf(objects);
            holders = List.copyOf(holders);
        }

        /** Attributes of the event and of its objects. */
        public int attributeCount() {
            int n = attributes.size();
            for (EventObject o : objects) {
                n += o.attributes().size();
            }
            return n;
        }
    }

    /**
     * One attribute: the copy shown (the speaking copy's, with its own tags only) and who holds it.
     */
    public record Attribute(MispAttribute attribute, List<MemberRef> holders) {
        public Attribute {
            holders = List.copyOf(holders);
        }
    }

    /** One object: its header (the first holder's copy; its attribute list is not used) and its kept attributes. */
    public record EventObject(MispObject header, List<Attribute> attributes, List<MemberRef> holders) {
        public EventObject {
            attributes = List.copyOf(attributes);
            holders = List.copyOf(holders);
        }
    }

    /** What of the answer one member holds: events and attributes shown. */
    public record Tally(MemberRef member, int events, int attributes) {
    }
}
