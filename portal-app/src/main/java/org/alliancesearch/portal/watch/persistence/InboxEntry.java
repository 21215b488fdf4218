package org.alliancesearch.portal.watch.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of a user's inbox: an alert of a watch run, or the notice that a watch was paused. */
@Entity
@Table(name = "watch_alert")
public class InboxEntry {
    public static final String ALERT = "ALERT";
    public static final String PAUSED = "PAUSED";

    @Id
    public UUID id;

    @Column(name = "watch_id", nullable = false)
    public UUID watchId;

    @Column(name = "owner_sub", nullable = false)
    public String ownerSub;

    /** {@link #ALERT} or {@link #PAUSED}. */
    @Column(nullable = false)
    public String kind;

    /** The due time of the run that made it: one entry of a kind per run, however often the run is fired. */
    @Column(name = "run_due_at", nullable = false)
    public OffsetDateTime runDueAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "read_at")
    public OffsetDateTime readAt;

    @Column(name = "content_json", nullable = false)
    public String contentJson;
}
