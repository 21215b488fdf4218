package org.alliancesearch.portal.apikey.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A personal API key: only its hash and last four characters are stored. */
@Entity
@Table(name = "api_key")
public class PersonalKey {
    @Id
    public UUID id;

    /** The owner's token subject ({@code sub}). */
    @Column(name = "owner_sub", nullable = false)
    public String ownerSub;

    @Column(nullable = false)
    public String name;

    /** Hex SHA-256 of the key. */
    @Column(name = "key_hash", nullable = false)
    public String keyHash;

    @Column(nullable = false)
    public String last4;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    @Column(name = "last_used_at")
    public OffsetDateTime lastUsedAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;
}
