package org.alliancesearch.portal.policy.persistence;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The alliance policy: a single row (id 1), applied by every search. */
@Entity
@Table(name = "alliance_policy")
public class AlliancePolicySetting {
    public static final int SINGLETON_ID = 1;

    @Id
    public Integer id;

    @Column(name = "max_tlp", nullable = false)
    public String maxTlp;

    /** Tag patterns, one per line. */
    @Column(name = "drop_tags", nullable = false)
    public String dropTags;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    /** Raised by each change; a change based on another version is refused. */
    @Column(nullable = false)
    public long version;
}
