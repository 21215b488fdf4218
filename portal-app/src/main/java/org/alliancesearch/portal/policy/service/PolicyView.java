package org.alliancesearch.portal.policy.service;

import java.time.OffsetDateTime;
import java.util.List;

import org.alliancesearch.model.policy.Tlp;

/**
 * The alliance policy as admins see and edit it.
 *
 * @param maxTlp the most restrictive TLP that may be shown
 * @param dropTags tag patterns that hide a record
 * @param updatedAt last change
 * @param updatedBy who made it
 * @param version the version a change must name (in {@code If-Match} or {@code version}) to be accepted
 */
public record PolicyView(Tlp maxTlp, List<String> dropTags, OffsetDateTime updatedAt, String updatedBy,
        long version) {
}
