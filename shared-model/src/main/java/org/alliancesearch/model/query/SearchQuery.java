package org.alliancesearch.model.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A federated search as the portal sends it to every member.
 *
 * <p>
 * A query as given may be invalid; {@link SearchQueryValidator#prepare} checks it and returns the form that is sent.
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
 * @param withSightings ask members for each record's sightings (they count in the summary's score); an answer that
 *        shows no score, as the MISP-compatible API's, leaves them out, since each sighting carries an organisation
 *        object and a popular record's sightings can outweigh the record
 */
public record SearchQuery(List<String> values, List<String> types, List<String> categories, List<String> includeTags,
        List<String> excludeTags, LocalDate from, LocalDate to, Boolean toIds, Boolean published,
        Integer limitPerMember, boolean withSightings) {
    /** A query that asks for sightings. */
    public SearchQuery(List<String> values, List<String> types, List<String> categories, List<String> includeTags,
            List<String> excludeTags, LocalDate from, LocalDate to, Boolean toIds, Boolean published,
            Integer limitPerMember) {
        this(values, types, categories, includeTags, excludeTags, from, to, toIds, published, limitPerMember, true);
    }

    public SearchQuery {
        values = copy(values);
        types = copy(types);
        categories = copy(categories);
        includeTags = copy(includeTags);
        excludeTags = copy(excludeTags);
    }

    /**
     * An unmodifiable copy that keeps null elements: a query built from a request may hold them, and
     * {@link SearchQueryValidator} must be able to report them rather than fail here.
     */
    private static List<String> copy(List<String> list) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        for (String element : list) {
            if (element == null) {
                // List.copyOf (and List.contains on immutable lists) refuse null
                return Collections.unmodifiableList(new ArrayList<>(list));
            }
        }
        return List.copyOf(list);
    }

    /** The same query, without asking members for sightings. */
    public SearchQuery withoutSightings() {
        return new SearchQuery(values, types, categories, includeTags, excludeTags, from, to, toIds, published,
                limitPerMember, false);
    }

    /** A query for these values with no other filter. */
    public static SearchQuery ofValues(List<String> values) {
        return new SearchQuery(values, null, null, null, null, null, null, null, null, null);
    }
}
