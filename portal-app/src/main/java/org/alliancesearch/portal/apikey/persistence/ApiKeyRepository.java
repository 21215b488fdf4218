package org.alliancesearch.portal.apikey.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<PersonalKey, UUID> {
    /** The key with this hash (revoked or not), or null. */
    public Uni<PersonalKey> byHash(String hash) {
        return find("keyHash", hash).firstResult();
    }

    /** The owner's keys that are not revoked (expired ones included), newest first. */
    public Uni<List<PersonalKey>> ofOwner(String ownerSub) {
        return find("ownerSub = :sub and revokedAt is null", Sort.descending("createdAt").and("id"),
                Parameters.with("sub", ownerSub)).list();
    }

    /** Every key that is not revoked, newest first. */
    public Uni<List<PersonalKey>> allLive() {
        return find("revokedAt is null", Sort.descending("createdAt").and("id")).list();
    }

    public Uni<Long> countActive(String ownerSub, OffsetDateTime now) {
        return count("ownerSub = :sub and revokedAt is null and expiresAt > :now",
                Parameters.with("sub", ownerSub).and("now", now));
    }

    /** Marks a key used, at most once per {@code since}: only when its last use is older. */
    public Uni<Integer> touch(UUID id, OffsetDateTime at, OffsetDateTime since) {
        return update("lastUsedAt = :at where id = :id and (lastUsedAt is null or lastUsedAt < :since)",
                Parameters.with("at", at).and("id", id).and("since", since));
    }
}
