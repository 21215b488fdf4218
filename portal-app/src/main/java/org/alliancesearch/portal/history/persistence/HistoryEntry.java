package org.alliancesearch.portal.history.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.alliancesearch.portal.common.persistence.RowInsert;

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

    /** Every column of the table this entity maps, in the order {@link #row()} gives their values. */
    public static final RowInsert.Shape COLUMNS = RowInsert.Shape.of("search_history", "id", "owner_sub", "searched_at",
            "source", "key_id", "query_sealed", "value_count", "found_count", "indicator_count", "members_answered",
            "members_failed");

    /** This entry as a row to insert with {@link org.alliancesearch.portal.common.persistence.RowInserts}. */
    public RowInsert row() {
        return RowInsert.of(COLUMNS, id, ownerSub, searchedAt, source, keyId, querySealed, valueCount, foundCount,
                indicatorCount, membersAnswered, membersFailed);
    }

    @Override
    public String toString() {
        return "HistoryEntry[id=" + id + "]";
    }
}
