package org.alliancesearch.portal.apikey.service;

import java.time.OffsetDateTime;

/** The answer to a new key: the only time the key itself is shown. */
public record CreatedApiKey(String id, String name, String key, OffsetDateTime createdAt, OffsetDateTime expiresAt) {
    @Override
    public String toString() {
        // never the key, whoever prints this
        return "CreatedApiKey[id=" + id + ", name=" + name + ", last4=" + ApiKeys.last4(key) + "]";
    }
}
