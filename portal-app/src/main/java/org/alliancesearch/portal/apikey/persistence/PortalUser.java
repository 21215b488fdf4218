package org.alliancesearch.portal.apikey.persistence;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user as last seen at sign-in (or a bearer call): what the user's API keys act as. */
@Entity
@Table(name = "portal_user")
public class PortalUser {
    /** The token subject ({@code sub}). */
    @Id
    public String subject;

    @Column(nullable = false)
    public String username;

    public String email;

    public String organisation;

    /** Comma-separated portal roles. */
    @Column(nullable = false)
    public String roles;

    @Column(name = "first_seen_at", nullable = false)
    public OffsetDateTime firstSeenAt;

    @Column(name = "last_seen_at", nullable = false)
    public OffsetDateTime lastSeenAt;
}
