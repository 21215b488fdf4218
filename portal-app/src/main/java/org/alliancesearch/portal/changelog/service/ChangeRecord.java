package org.alliancesearch.portal.changelog.service;

import java.time.OffsetDateTime;

/** An audit row as shown to admins. */
public record ChangeRecord(long id, OffsetDateTime at, String actor, String actorOrg, String action, String targetType,
        String targetId, String beforeJson, String afterJson) {
}
