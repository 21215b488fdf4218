package org.alliancesearch.portal.saved.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SavedSearchRepository implements PanacheRepositoryBase<SavedSearch, UUID> {
    /** What a user may see: theirs, their organisation's shared ones, and the alliance's. */
    private static final String VISIBLE = "((owner = :user and organisation = :org)"
            + " or (visibility = 'ORGANISATION' and organisation = :org) or visibility = 'ALLIANCE')";

    public Uni<List<SavedSearch>> visibleTo(String user, String organisation) {
        return find(VISIBLE, Sort.ascending("name").and("id"),
                Parameters.with("user", user).and("org", organisation)).list();
    }

    public Uni<SavedSearch> visible(UUID id, String user, String organisation) {
        return find("id = :id and " + VISIBLE, Parameters.with("id", id).and("user", user).and("org", organisation))
                .firstResult();
    }
}
