package org.alliancesearch.model.misp;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The event context of an attribute. Fields beyond {@code id}, {@code uuid}, {@code info} are only present when the
 * member was asked with {@code includeContext: 1}; absent values are {@code null}.
 *
 * @param orgcName name of the creator organisation ({@code Event.Orgc.name}), or null when the member does not reveal it
 */
public record MispEvent(String id, String uuid, String info, LocalDate date, String orgcName, String orgcUuid,
        Integer threatLevelId, Boolean published, Instant timestamp, Integer distribution, List<MispTag> tags) {
    public MispEvent {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
