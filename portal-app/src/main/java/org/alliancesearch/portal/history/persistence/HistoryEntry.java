package org.alliancesearch.portal.history.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One search in its owner's history: the query sealed, the counts plain. */
@Entity
@Table(name = "search_history")
public class HistoryEntry {
    @Id
    public UUID id;

    @Column(name = "owner_sub", nullable = false)
    public String ownerSub;

    @Column(name = "searched_at", nullable = false)
    public OffsetDateTime searchedAt;

    @Column(nullable = false)
    public String source;

    @Column(name = "key_id", nullable = false)
    public String keyId;

    /** The query as JSON, sealed with the secrets-at-rest cipher; never readable without the key. */
    @Column(name = "query_sealed", nullable = false)
    public String querySealed;

    @Column(name = "value_count", nullable = false)
    public int valueCount;

    @Column(name = "found_count", nullable = false)
    public int foundCount;

    @Column(name = "indicator_count", nullable = false)
    public int indicatorCount;

    @Column(name = "members_answered", nullable = false)
    public int membersAnswered;

    @Column(name = "members_failed", nullable = false)
    public int membersFailed;

    @Override
    public String toString() {
        return "HistoryEntry[id=" + id + "]";
    }
}
