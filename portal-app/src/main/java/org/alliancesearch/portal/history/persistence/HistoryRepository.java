package org.alliancesearch.portal.history.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Every query names the owner: no method reads or deletes another person's rows by id alone. */
@ApplicationScoped
public class HistoryRepository implements PanacheRepositoryBase<HistoryEntry, UUID> {
    private static final Sort NEWEST_FIRST = Sort.descending("searchedAt", "id");

    /** The owner's rows searched before {@code before}, newest first. */
    public Uni<List<HistoryEntry>> page(String ownerSub, OffsetDateTime before, int limit) {
        return find("ownerSub = ?1 and searchedAt < ?2", NEWEST_FIRST, ownerSub, before).range(0, limit - 1).list();
    }

    /** The owner's row, or null when there is none (or it is someone else's). */
    public Uni<HistoryEntry> ofOwner(String ownerSub, UUID id) {
        return find("id = ?1 and ownerSub = ?2", id, ownerSub).firstResult();
    }

    public Uni<Long> deleteOfOwner(String ownerSub, UUID id) {
        return delete("id = ?1 and ownerSub = ?2", id, ownerSub);
    }

    public Uni<Long> deleteAllOf(String ownerSub) {
        return delete("ownerSub", ownerSub);
    }

    /**
     * Drops the owner's rows beyond the newest {@code keep}, in one statement. Rows another search of the same owner
     * is dropping at this moment are skipped rather than waited for (it drops them): a busy script's concurrent
     * searches do not queue behind each other's trim.
     */
    public Uni<Integer> trim(String ownerSub, int keep) {
        return getSession().flatMap(s -> s.createNativeQuery("delete from search_history where id in (select id from"
                + " search_history where owner_sub = :owner order by searched_at desc, id desc offset :keep"
                + " for update skip locked)").setParameter("owner", ownerSub).setParameter("keep", keep)
                .executeUpdate());
    }

    /** Deletes every row searched before the cutoff; returns how many. */
    public Uni<Long> purgeBefore(OffsetDateTime cutoff) {
        return delete("searchedAt < ?1", cutoff);
    }
}
