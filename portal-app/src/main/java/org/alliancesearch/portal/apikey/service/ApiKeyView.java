package org.alliancesearch.portal.apikey.service;

import java.time.OffsetDateTime;

/** A key as its owner sees it later: never the key, only its last four characters. */
public record ApiKeyView(String id, String name, String last4, OffsetDateTime createdAt, OffsetDateTime expiresAt,
        OffsetDateTime lastUsedAt) {
}
