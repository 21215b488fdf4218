package org.alliancesearch.portal.warninglist.persistence;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An administrator's change to one warninglist: switched on or off, or a newer version uploaded. */
@Entity
@Table(name = "warninglist_setting")
public class WarninglistSetting {
    @Id
    public String name;

    @Column(nullable = false)
    public boolean enabled;

    /** The uploaded list in MISP's JSON format, or null for the bundled version. */
    @Column(name = "uploaded_json")
    public String uploadedJson;

    @Column(name = "uploaded_version")
    public Long uploadedVersion;

    /** Raised by every write; the sum over all rows changes with every change anywhere. */
    @Column(nullable = false)
    public long revision;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
