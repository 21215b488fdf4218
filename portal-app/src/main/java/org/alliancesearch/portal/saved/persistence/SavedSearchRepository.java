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
    /**
     * What a user may see: theirs (by subject), their organisation's shared ones, and the alliance's. A search saved
     * before subjects were kept is the owner's by name until it is bound (see {@link #bind}).
     */
    private static final String VISIBLE = "((organisation = :org and (ownerSub = :sub"
            + " or (ownerSub is null and owner = :user)))"
            + " or (visibility = 'ORGANISATION' and organisation = :org) or visibility = 'ALLIANCE')";

    public Uni<List<SavedSearch>> visibleTo(String user, String sub, String organisation) {
        return find(VISIBLE, Sort.ascending("name").and("id"),
                Parameters.with("user", user).and("sub", sub).and("org", organisation)).list();
    }

    public Uni<SavedSearch> visible(UUID id, String user, String sub, String organisation) {
        return find("id = :id and " + VISIBLE,
                Parameters.with("id", id).and("user", user).and("sub", sub).and("org", organisation)).firstResult();
    }

    /**
     * Binds the user's searches saved before subjects were kept (same name and organisation, no subject yet) to the
     * user's subject, so that a later user given the same name does not get them; and keeps the owner name shown on
     * the user's searches current after a rename.
     */
    public Uni<Integer> bind(String user, String sub, String organisation) {
        if (sub == null || user == null || organisation == null) {
            return Uni.createFrom().item(0);
        }
        Parameters p = Parameters.with("user", user).and("sub", sub).and("org", organisation);
        return update("ownerSub = :sub where ownerSub is null and owner = :user and organisation = :org", p)
                .flatMap(bound -> update("owner = :user where ownerSub = :sub and owner <> :user",
                        Parameters.with("user", user).and("sub", sub)).map(renamed -> bound));
    }
}
