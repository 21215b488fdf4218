package org.alliancesearch.portal.warninglist.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class WarninglistRepository implements PanacheRepositoryBase<WarninglistSetting, String> {
    /** Every row, by name. */
    public Uni<List<WarninglistSetting>> all() {
        return listAll(io.quarkus.panache.common.Sort.by("name"));
    }

    /**
     * Adds the row of a list as bundled and enabled (revision 0: it changes nothing yet) unless it exists; waits for
     * a concurrent insert of the same name to commit instead of failing on the key.
     */
    public Uni<Integer> createIfMissing(String name, String by) {
        return getSession().flatMap(s -> s.createNativeQuery("insert into warninglist_setting (name, enabled,"
                + " revision, updated_by, updated_at) values (:name, true, 0, :by, now()) on conflict (name) do nothing")
                .setParameter("name", name)
                .setParameter("by", by)
                .executeUpdate());
    }

    /** A number that changes with every write to any row (the sum of the rows' revisions). */
    @WithSession
    public Uni<Long> fingerprint() {
        return getSession().flatMap(s -> s
                .createNativeQuery("select coalesce(sum(revision), 0) from warninglist_setting", Long.class)
                .getSingleResult());
    }
}
