package org.alliancesearch.portal.watch.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A saved search watched by one user: how often it runs, where its alerts go, and what was already told. */
@Entity
@Table(name = "watch")
public class Watch {
    @Id
    public UUID id;

    @Column(name = "saved_search_id", nullable = false)
    public UUID savedSearchId;

    /** The watcher's token subject: runs search as this user, as Keycloak knows them at run time. */
    @Column(name = "owner_sub", nullable = false)
    public String ownerSub;

    /** The watcher's user name when the watch was made (display only). */
    @Column(name = "owner_name", nullable = false)
    public String ownerName;

    /** HOURLY, DAILY or WEEKLY. */
    @Column(name = "run_interval", nullable = false)
    public String interval;

    @Column(nullable = false)
    public boolean inbox;

    @Column(nullable = false)
    public boolean email;

    @Column(name = "webhook_url")
    public String webhookUrl;

    @Column(name = "webhook_secret_key_id")
    public String webhookSecretKeyId;

    @Column(name = "webhook_secret_ciphertext")
    public String webhookSecretCiphertext;

    @Column(nullable = false)
    public String language;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(nullable = false)
    public boolean paused;

    @Column(name = "paused_reason")
    public String pausedReason;

    @Column(name = "consecutive_failures", nullable = false)
    public int consecutiveFailures;

    @Column(name = "next_run_at", nullable = false)
    public OffsetDateTime nextRunAt;

    @Column(name = "last_run_at")
    public OffsetDateTime lastRunAt;

    @Column(name = "last_success_at")
    public OffsetDateTime lastSuccessAt;

    @Column(name = "last_outcome")
    public String lastOutcome;

    /** What was already reported (WatchDiff's stored form); null before the first successful run. */
    public String baseline;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
