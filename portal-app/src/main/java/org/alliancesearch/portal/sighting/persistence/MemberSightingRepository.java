package org.alliancesearch.portal.sighting.persistence;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MemberSightingRepository implements PanacheRepositoryBase<MemberSightingSetting, UUID> {
    /** The members that opted in. */
    public Uni<Set<UUID>> enabled() {
        return list("enabled = true").map(rows -> rows.stream().map(r -> r.memberId).collect(Collectors.toSet()));
    }

    public Uni<List<MemberSightingSetting>> all() {
        return listAll();
    }

    /**
     * The member's row, created switched off if it has none, locked for the rest of the transaction: two first
     * changes at once wait for each other instead of one failing on the primary key.
     */
    public Uni<MemberSightingSetting> lockCreating(UUID memberId, String actor) {
        return getSession().flatMap(s -> s.createNativeQuery("insert into member_sighting (member_id, enabled, "
                + "updated_by, updated_at) values (?1, false, ?2, now()) on conflict (member_id) do nothing")
                .setParameter(1, memberId).setParameter(2, actor).executeUpdate())
                .flatMap(inserted -> findById(memberId, LockModeType.PESSIMISTIC_WRITE));
    }
}
