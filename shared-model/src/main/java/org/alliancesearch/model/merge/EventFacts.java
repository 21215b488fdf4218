package org.alliancesearch.model.merge;

import java.util.ArrayList;

import org.alliancesearch.model.misp.MispEvent;

/** Tag facts of one event (by event key), over all its copies, and what was read from the last copy seen. */
final class EventFacts {
    final int id;
    int flags;
    int tlpRank;
    /** The event object read last, and its tags and organisation: consecutive copies often share the object. */
    MispEvent lastSeenEvent;
    final TagSet lastEventTags = new TagSet();
    String lastOrganisation;
    /** The event references built for the result, shared by the indicators citing this event (one per member). */
    IndicatorAggregate.BuiltEvent built;
    ArrayList<IndicatorAggregate.BuiltEvent> moreBuilt;

    EventFacts(int id) {
        this.id = id;
    }

    @Override
    public int hashCode() {
        return id * 0x9E3779B1;
    }

    @Override
    public boolean equals(Object o) {
        return o == this;
    }
}
