package org.alliancesearch.portal.watch.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class InboxRepository implements PanacheRepositoryBase<InboxEntry, UUID> {

    public Uni<List<InboxEntry>> latest(String ownerSub, int limit) {
        return find("ownerSub", Sort.descending("createdAt").and("id", Sort.Direction.Descending), ownerSub)
                .page(0, limit).list();
    }

    public Uni<Long> unread(String ownerSub) {
        return count("ownerSub = ?1 and readAt is null", ownerSub);
    }

    /** The entry a run already made, if it was fired before (after a crash or on another replica). */
    public Uni<InboxEntry> ofRun(UUID watchId, String kind, OffsetDateTime runDueAt) {
        return find("watchId = ?1 and kind = ?2 and runDueAt = ?3", watchId, kind, runDueAt).firstResult();
    }

    public Uni<Integer> markRead(UUID id, String ownerSub, OffsetDateTime at) {
        return update("readAt = ?1 where id = ?2 and ownerSub = ?3 and readAt is null", at, id, ownerSub);
    }

    public Uni<Integer> markAllRead(String ownerSub, OffsetDateTime at) {
        return update("readAt = ?1 where ownerSub = ?2 and readAt is null", at, ownerSub);
    }
}
