package org.alliancesearch.model.query;

import java.time.LocalDate;
import java.util.List;

/**
 * A federated search as the portal sends it to every member.
 *
 * @param values the values searched (1..1000, never blank)
 * @param types MISP attribute types to restrict to (empty: all)
 * @param categories MISP categories to restrict to (empty: all)
 * @param includeTags tag patterns a record must carry (empty: any)
 * @param excludeTags tag patterns that exclude a record
 * @param from event date from (inclusive), or null
 * @param to event date to (inclusive), or null
 * @param toIds only IDS-flagged (true), only non-IDS (false), or both (null)
 * @param published only published events (true), only unpublished (false), or both (null)
 * @param limitPerMember the most attributes taken from one member, or null for the connector's default cap
 */
public record SearchQuery(List<String> values, List<String> types, List<String> categories, List<String> includeTags,
        List<String> excludeTags, LocalDate from, LocalDate to, Boolean toIds, Boolean published,
        Integer limitPerMember) {
    public SearchQuery {
        values = values == null ? List.of() : List.copyOf(values);
        types = types == null ? List.of() : List.copyOf(types);
        categories = categories == null ? List.of() : List.copyOf(categories);
        includeTags = includeTags == null ? List.of() : List.copyOf(includeTags);
        excludeTags = excludeTags == null ? List.of() : List.copyOf(excludeTags);
    }

    /** A query for these values with no other filter. */
    public static SearchQuery ofValues(List<String> values) {
        return new SearchQuery(values, null, null, null, null, null, null, null, null, null);
    }
}
