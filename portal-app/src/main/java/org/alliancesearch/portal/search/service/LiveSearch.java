package org.alliancesearch.portal.search.service;

import java.util.UUID;

import org.alliancesearch.connector.MemberOutcome;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * A search in flight. It lives only as long as the HTTP request that started it: nothing is kept between requests.
 *
 * @param id the search id (and the id of its audit row)
 * @param memberCount how many members are asked
 * @param outcomes each member's status as it arrives, without counts (hit and skipped counts are 0): counts come
 *        with the result, after the policy and the audit row
 * @param result the completed search, after the audit row is written
 */
public record LiveSearch(UUID id, int memberCount, Multi<MemberOutcome> outcomes, Uni<CompletedSearch> result) {
}
