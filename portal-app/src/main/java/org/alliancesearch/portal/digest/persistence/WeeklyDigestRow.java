package org.alliancesearch.portal.digest.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The latest digest built for one week; written only through {@link DigestRepository#upsert}. */
@Entity
@Table(name = "weekly_digest")
public class WeeklyDigestRow {
    @Id
    @Column(name = "week_start")
    public LocalDate weekStart;

    @Column(name = "window_from", nullable = false)
    public OffsetDateTime windowFrom;

    @Column(name = "window_to", nullable = false)
    public OffsetDateTime windowTo;

    @Column(name = "built_at", nullable = false)
    public OffsetDateTime builtAt;

    @Column(name = "members_asked", nullable = false)
    public int membersAsked;

    @Column(name = "members_failed", nullable = false)
    public int membersFailed;

    /** JSON array of the failed members. */
    @Column(name = "failed_members", nullable = false)
    public String failedMembers;

    /** JSON of the digest. */
    @Column(nullable = false)
    public String body;

    @Override
    public String toString() {
        return "WeeklyDigestRow[weekStart=" + weekStart + ", builtAt=" + builtAt + "]";
    }
}
