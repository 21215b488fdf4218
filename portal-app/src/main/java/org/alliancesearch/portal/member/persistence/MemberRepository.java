package org.alliancesearch.portal.member.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<MemberEntity, UUID> {
    /** Members that are not deleted, by name. */
    public Uni<List<MemberEntity>> live() {
        return list("deletedAt is null", Sort.ascending("name", "id"));
    }

    public Uni<MemberEntity> findLive(UUID id) {
        return find("id = ?1 and deletedAt is null", id).firstResult();
    }

    /** Another live member with this (normalised) base URL, if any. */
    public Uni<MemberEntity> findLiveByUrl(String baseUrl, UUID except) {
        if (except == null) {
            return find("baseUrl = ?1 and deletedAt is null", baseUrl).firstResult();
        }
        return find("baseUrl = ?1 and deletedAt is null and id <> ?2", baseUrl, except).firstResult();
    }
}
