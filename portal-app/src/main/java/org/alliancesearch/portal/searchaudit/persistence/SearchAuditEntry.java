package org.alliancesearch.portal.searchaudit.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.alliancesearch.portal.common.persistence.RowInsert;

/** One search: who, when, what (values or their hashes), which members answered how, and the counts. */
@Entity
@Table(name = "search_audit")
public class SearchAuditEntry {
    @Id
    public UUID id;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(nullable = false)
    public String username;

    public String organisation;

    @Column(nullable = false)
    public String source;

    @Column(name = "saved_search_id")
    public UUID savedSearchId;

    @Column(name = "value_count", nullable = false)
    public int valueCount;

    /** One per line, or null when only hashes are kept. */
    @Column(name = "value_list")
    public String valueList;

    /** SHA-256 hex of each value, one per line. */
    @Column(name = "value_hashes", nullable = false)
    public String valueHashes;

    /** hmac-sha256 (under alliance.search.audit.value-key), or cleared for rows written before it (no hashes kept). */
    @Column(name = "value_hash_scheme", nullable = false)
    public String valueHashScheme;

    @Column(name = "members_json", nullable = false)
    public String membersJson;

    @Column(name = "member_count", nullable = false)
    public int memberCount;

    @Column(name = "failed_count", nullable = false)
    public int failedCount;

    @Column(name = "indicator_count", nullable = false)
    public int indicatorCount;

    @Column(name = "attribute_count", nullable = false)
    public int attributeCount;

    @Column(name = "removed_by_policy", nullable = false)
    public int removedByPolicy;

    /** Every column of the table this entity maps, in the order {@link #row()} gives their values. */
    public static final RowInsert.Shape COLUMNS = RowInsert.Shape.of("search_audit", "id", "at", "username",
            "organisation", "source", "saved_search_id", "value_count", "value_list", "value_hashes",
            "value_hash_scheme", "members_json", "member_count", "failed_count", "indicator_count", "attribute_count",
            "removed_by_policy");

    /** This entry as a row to insert with {@link org.alliancesearch.portal.common.persistence.RowInserts}. */
    public RowInsert row() {
        return RowInsert.of(COLUMNS, id, at, username, organisation, source, savedSearchId, valueCount, valueList,
                valueHashes, valueHashScheme, membersJson, memberCount, failedCount, indicatorCount, attributeCount,
                removedByPolicy);
    }
}
