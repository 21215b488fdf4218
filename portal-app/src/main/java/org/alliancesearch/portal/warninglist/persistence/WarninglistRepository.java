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

    /** A number that changes with every write to any row (the sum of the rows' revisions). */
    @WithSession
    public Uni<Long> fingerprint() {
        return getSession().flatMap(s -> s
                .createNativeQuery("select coalesce(sum(revision), 0) from warninglist_setting", Long.class)
                .getSingleResult());
    }
}
