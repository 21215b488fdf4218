package org.alliancesearch.portal.sighting.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An administrator's choice for one member: whether the portal sends it sightings, and who chose last. */
@Entity
@Table(name = "member_sighting")
public class MemberSightingSetting {
    @Id
    @Column(name = "member_id")
    public UUID memberId;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
