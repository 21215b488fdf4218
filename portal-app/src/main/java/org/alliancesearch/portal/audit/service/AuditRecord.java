package org.alliancesearch.portal.audit.service;

import java.time.OffsetDateTime;

/** An audit row as shown to admins. */
public record AuditRecord(long id, OffsetDateTime at, String actor, String actorOrg, String action, String targetType,
        String targetId, String beforeJson, String afterJson) {
}
