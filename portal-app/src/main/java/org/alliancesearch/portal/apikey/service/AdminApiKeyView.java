package org.alliancesearch.portal.apikey.service;

import java.time.OffsetDateTime;

/** A key as admins see it: with its owner (user name and organisation as last seen, and subject). */
public record AdminApiKeyView(String id, String name, String last4, OffsetDateTime createdAt,
        OffsetDateTime expiresAt, OffsetDateTime lastUsedAt, String owner, String ownerOrganisation,
        String ownerSubject) {
}
