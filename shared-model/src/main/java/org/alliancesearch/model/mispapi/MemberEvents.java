package org.alliancesearch.model.mispapi;

import java.util.List;
import java.util.Objects;

import org.alliancesearch.model.misp.MispEventDocument;
import org.alliancesearch.model.result.MemberRef;

/** The events one member returned for one search, as read. */
public record MemberEvents(MemberRef member, List<MispEventDocument> events) {
    public MemberEvents {
        Objects.requireNonNull(member, "member");
        events = events == null ? List.of() : List.copyOf(events);
    }
}
