package org.alliancesearch.portal.apikey.persistence;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PortalUserRepository implements PanacheRepositoryBase<PortalUser, String> {
    /** Stores the user as seen now (one statement, so two replicas recording at once cannot collide). */
    public Uni<Integer> upsert(String subject, String username, String email, String organisation, String roles,
            OffsetDateTime at) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("insert into portal_user"
                + " (subject, username, email, organisation, roles, first_seen_at, last_seen_at)"
                + " values (:sub, :name, :email, :org, :roles, :at, :at) on conflict (subject) do update set"
                + " username = excluded.username, email = excluded.email, organisation = excluded.organisation,"
                + " roles = excluded.roles, last_seen_at = excluded.last_seen_at")
                .setParameter("sub", subject).setParameter("name", username).setParameter("email", email)
                .setParameter("org", organisation).setParameter("roles", roles).setParameter("at", at)
                .executeUpdate());
    }

    public Uni<List<PortalUser>> bySubjects(Collection<String> subjects) {
        if (subjects.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("subject in ?1", subjects);
    }
}
