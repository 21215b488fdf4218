package org.alliancesearch.portal.digest.persistence;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One user's choice about the weekly digest e-mail (kept when they opt out). */
@Entity
@Table(name = "digest_subscription")
public class DigestSubscription {
    /** The user's token subject; the mail is sent only if Keycloak still knows them as a member at send time. */
    @Id
    public String subject;

    /** The user name when last changed (display and logs only). */
    @Column(name = "user_name", nullable = false)
    public String userName;

    /** The address the user had when they subscribed (shown to them, never used for access). */
    @Column(nullable = false)
    public String email;

    /** en or ja. */
    @Column(nullable = false)
    public String language;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(nullable = false)
    public boolean subscribed;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Override
    public String toString() {
        return "DigestSubscription[subscribed=" + subscribed + "]";
    }
}
