package org.alliancesearch.portal.saved.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SavedSearchMarkRepository implements PanacheRepositoryBase<SavedSearchMark, SavedSearchMark.Key> {
    /** The viewer's marks of a saved search, or null before their first run. */
    public Uni<SavedSearchMark> of(UUID savedSearchId, String viewerSub) {
        return findById(new SavedSearchMark.Key(savedSearchId, viewerSub));
    }

    /** Stores the viewer's last run (one statement, so two runs at once by the same viewer cannot collide). */
    public Uni<Integer> remember(UUID savedSearchId, String viewerSub, OffsetDateTime at, String keys) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("insert into saved_search_mark"
                + " (saved_search_id, viewer_sub, last_run_at, last_keys) values (:id, :sub, :at, :keys)"
                + " on conflict (saved_search_id, viewer_sub)"
                + " do update set last_run_at = excluded.last_run_at, last_keys = excluded.last_keys")
                .setParameter("id", savedSearchId).setParameter("sub", viewerSub).setParameter("at", at)
                .setParameter("keys", keys).executeUpdate());
    }
}
