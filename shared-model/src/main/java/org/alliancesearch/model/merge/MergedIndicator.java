package org.alliancesearch.model.merge;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

import org.alliancesearch.model.policy.Tlp;

/**
 * One indicator (type family + canonical value) as seen across the alliance, built only from records the policy
 * allows. All lists are sorted and free of duplicates. A record several members returned (same uuid and content) gives
 * its fields (type, category, tags, to_ids, timestamps, creator) from the copy that speaks for it
 * ({@link IndicatorMerger#compareSpeakers}): another member's copy adds itself as a holder, never a tag or a field.
 *
 * @param value the canonical value
 * @param family the type family ({@code ip}, {@code domain}, {@code sha256}, …)
 * @param types the MISP types of the records
 * @param categories the MISP categories of the records
 * @param organisations creator organisations ({@code Orgc}; the member's organisation where it does not reveal it)
 * @param members the members that returned it
 * @param tags union of the records' and their events' tags, deduplicated case-insensitively; shown in one spelling
 *        per tag: TLP tags as their TLP 2.0 tag ({@code tlp:white} as {@code tlp:clear}), other tags in the spelling
 *        that sorts last (lower case wins over upper case)
 * @param tlp the effective TLP: the most restrictive over every copy of the records shown and of their events (what
 *        the policy judged, so it can be above the TLP of the tags shown); null when none carries a TLP tag
 * @param toIds true when any record is flagged for IDS
 * @param firstSeen earliest of {@code first_seen}, {@code last_seen} and attribute timestamps, or null
 * @param lastSeen latest of the same, or null
 * @param events the events it appears in, one per event uuid, sorted by date (newest first), then uuid
 * @param attributeCount distinct attributes (by uuid and content) filed under this indicator; a composite record
 *        filed under the indicators of both its halves (both were searched) counts once in each
 * @param copyCount attribute copies received from members (synchronised copies counted each time) of the attributes
 *        filed under this indicator, counted in each indicator the attribute is filed under
 * @param unconfirmedOrganisations creator organisations claimed by a member for another alliance member's
 *        organisation without that member returning the record ({@link OrganisationClaims}); never in
 *        {@code organisations} nor counted, and empty nearly always
 * @param composites the composite records filed under this indicator because the search asked for one of their
 *        halves ({@link IndicatorMerger}), sorted and free of duplicates; empty when none was (a composite filed under
 *        its usual key because no half was searched is not listed)
 */
public record MergedIndicator(String value, String family, List<String> types, List<String> categories,
        List<String> organisations, List<IndicatorMember> members, List<String> tags, Tlp tlp, boolean toIds,
        Instant firstSeen, Instant lastSeen, List<IndicatorEvent> events, int attributeCount, int copyCount,
        List<String> unconfirmedOrganisations, List<CompositeMatch> composites) {
    public MergedIndicator {
        composites = composites == null || composites.isEmpty()
                ? List.of()
                : List.copyOf(new TreeSet<>(composites));
        unconfirmedOrganisations = unconfirmedOrganisations == null ? List.of() : List.copyOf(unconfirmedOrganisations);
        types = List.copyOf(types);
        categories = List.copyOf(categories);
        organisations = List.copyOf(organisations);
        members = List.copyOf(members);
        tags = List.copyOf(tags);
        events = List.copyOf(events);
    }

    /** An indicator without composite records filed under it through a half. */
    public MergedIndicator(String value, String family, List<String> types, List<String> categories,
            List<String> organisations, List<IndicatorMember> members, List<String> tags, Tlp tlp, boolean toIds,
            Instant firstSeen, Instant lastSeen, List<IndicatorEvent> events, int attributeCount, int copyCount,
            List<String> unconfirmedOrganisations) {
        this(value, family, types, categories, organisations, members, tags, tlp, toIds, firstSeen, lastSeen, events,
                attributeCount, copyCount, unconfirmedOrganisations, List.of());
    }

    /** An indicator without unconfirmed claims. */
    public MergedIndicator(String value, String family, List<String> types, List<String> categories,
            List<String> organisations, List<IndicatorMember> members, List<String> tags, Tlp tlp, boolean toIds,
            Instant firstSeen, Instant lastSeen, List<IndicatorEvent> events, int attributeCount, int copyCount) {
        this(value, family, types, categories, organisations, members, tags, tlp, toIds, firstSeen, lastSeen, events,
                attributeCount, copyCount, List.of(), List.of());
    }
}
