package org.alliancesearch.portal.digest.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.alliancesearch.model.digest.Digest;
import org.alliancesearch.portal.digest.service.StoredDigest;

/**
 * The weekly digest as the API returns it; times in UTC, ISO 8601.
 *
 * @param weekStart the Monday (UTC) of the week the digest belongs to
 * @param builtAt when it was built
 * @param windowFrom the start of the window it covers
 * @param windowTo the end of the window
 * @param indicatorCount shared indicators in the window (the list holds at most the configured number)
 * @param failedMembers the members that failed or answered only in part: the digest counts nothing they did not send
 */
public record DigestResponse(LocalDate weekStart, Instant builtAt, Instant windowFrom, Instant windowTo,
        int indicatorCount, List<Digest.SharedIndicator> indicators, List<Digest.RankedTag> tags,
        List<Digest.RankedCluster> clusters, List<Digest.MemberActivity> members,
        List<Digest.MemberActivity> failedMembers) {
    static DigestResponse of(StoredDigest stored) {
        Digest d = stored.digest();
        return new DigestResponse(stored.weekStart(), d.builtAt(), d.window().from(), d.window().to(),
                d.indicatorCount(), d.indicators(), d.tags(), d.clusters(), d.members(), d.failedMembers());
    }
}
