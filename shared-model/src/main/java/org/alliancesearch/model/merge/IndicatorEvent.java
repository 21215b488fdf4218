package org.alliancesearch.model.merge;

import java.time.LocalDate;

/**
 * A MISP event an indicator appears in, once per event uuid.
 *
 * @param uuid the event uuid (kept across synchronisation)
 * @param info the event title
 * @param date the event date, or null when the member sent no context
 * @param organisation the creator organisation ({@code Orgc}), else the member's own organisation; null when the
 *        creator claim is not confirmed (see {@link #unconfirmedOrganisation()})
 * @param memberId the member the event is linked at (the first by member id among those that returned it)
 * @param memberName that member's display name
 * @param threatLevel MISP threat level id (1 high, 2 medium, 3 low, 4 undefined), or null
 * @param url {@code <member base URL>/events/view/<uuid>}, or null when the member has no base URL or the uuid is not
 *        a well-formed UUID (a hostile member must not be able to point links elsewhere)
 * @param unconfirmedOrganisation the creator organisation the copy claims when that claim names another alliance
 *        member's organisation and no member of that organisation returned the event ({@link OrganisationClaims}),
 *        else null
 */
public record IndicatorEvent(String uuid, String info, LocalDate date, String organisation, String memberId,
        String memberName, Integer threatLevel, String url, String unconfirmedOrganisation) {

    /** An event whose creator claim stands. */
    public IndicatorEvent(String uuid, String info, LocalDate date, String organisation, String memberId,
            String memberName, Integer threatLevel, String url) {
        this(uuid, info, date, organisation, memberId, memberName, threatLevel, url, null);
    }
}
