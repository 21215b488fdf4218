package org.alliancesearch.portal.saved.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A saved search, private to its owner or shared with the owner's organisation or the whole alliance. */
@Entity
@Table(name = "saved_search")
public class SavedSearch {
    @Id
    public UUID id;

    /** The owner's user name, for display; kept current when the owner comes back under a new name. */
    @Column(nullable = false)
    public String owner;

    /**
     * The owner's token subject ({@code sub}): who owns the search. Null only for a search saved before subjects were
     * kept, until its owner (by name and organisation) first comes back.
     */
    @Column(name = "owner_sub")
    public String ownerSub;

    /** The owner's organisation when it was saved; sharing with "my organisation" means this one. */
    @Column(nullable = false)
    public String organisation;

    @Column(nullable = false)
    public String name;

    public String description;

    /** PRIVATE, ORGANISATION or ALLIANCE. */
    @Column(nullable = false)
    public String visibility;

    @Column(name = "query_json", nullable = false)
    public String queryJson;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Raised by each change (not by runs); a change based on another version is refused. */
    @Column(nullable = false)
    public long version;

    @Column(name = "last_run_at")
    public OffsetDateTime lastRunAt;

    @Column(name = "last_run_by")
    public String lastRunBy;

    @Column(name = "last_indicator_count")
    public Integer lastIndicatorCount;
}
