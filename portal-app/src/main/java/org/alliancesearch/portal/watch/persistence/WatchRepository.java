package org.alliancesearch.portal.watch.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class WatchRepository implements PanacheRepositoryBase<Watch, UUID> {

    /** The ids of unpaused watches due at {@code now}, oldest due first. */
    public Uni<List<UUID>> due(OffsetDateTime now, int limit) {
        return getSession().flatMap(s -> s.createSelectionQuery(
                "select id from Watch where paused = false and nextRunAt <= :now order by nextRunAt, id", UUID.class)
                .setParameter("now", now).setMaxResults(limit).getResultList());
    }

    /** The watch locked for this transaction, so that two replicas never run it at once; null when gone. */
    public Uni<Watch> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<List<Watch>> of(String ownerSub) {
        return find("ownerSub", Sort.ascending("createdAt").and("id"), ownerSub).list();
    }

    public Uni<Watch> mine(UUID id, String ownerSub) {
        return find("id = ?1 and ownerSub = ?2", id, ownerSub).firstResult();
    }

    public Uni<Watch> ofSearch(UUID savedSearchId, String ownerSub) {
        return find("savedSearchId = ?1 and ownerSub = ?2", savedSearchId, ownerSub).firstResult();
    }
}
