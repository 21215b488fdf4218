package org.alliancesearch.model.merge;

import java.time.LocalDate;

/**
 * A MISP event an indicator appears in, once per event uuid.
 *
 * @param uuid the event uuid (kept across synchronisation)
 * @param info the event title
 * @param date the event date, or null when the member sent no context
 * @param organisation the creator organisation ({@code Orgc}), else the member's own organisation
 * @param memberId the member the event is linked at (the first by member id among those that returned it)
 * @param memberName that member's display name
 * @param threatLevel MISP threat level id (1 high, 2 medium, 3 low, 4 undefined), or null
 * @param url {@code <member base URL>/events/view/<uuid>}, or null when the member has no base URL or the uuid is not
 *        a well-formed UUID (a hostile member must not be able to point links elsewhere)
 */
public record IndicatorEvent(String uuid, String info, LocalDate date, String organisation, String memberId,
        String memberName, Integer threatLevel, String url) {
}
