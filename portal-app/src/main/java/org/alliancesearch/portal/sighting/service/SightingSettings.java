package org.alliancesearch.portal.sighting.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.portal.changelog.service.ChangeLog;
import org.alliancesearch.portal.common.security.CurrentUser;
import org.alliancesearch.portal.member.service.MemberService;
import org.alliancesearch.portal.member.service.MemberView;
import org.alliancesearch.portal.sighting.persistence.MemberSightingRepository;
import org.alliancesearch.portal.sighting.persistence.MemberSightingSetting;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Which members receive sightings: off until an administrator enables it, every change in the admin change log. */
@ApplicationScoped
public class SightingSettings {
    /** The change log's actions. */
    static final String ENABLE = "member.sightings.enable";
    static final String DISABLE = "member.sightings.disable";

    /**
     * One member's setting.
     *
     * @param updatedBy who changed it last, or null when nobody has (off)
     */
    public record MemberSightings(UUID memberId, String name, String organisation, boolean enabled, String updatedBy,
            OffsetDateTime updatedAt) {
    }

    private final MemberSightingRepository repository;
    private final MemberService members;
    private final ChangeLog changes;
    private final CurrentUser user;

    public SightingSettings(MemberSightingRepository repository, MemberService members, ChangeLog changes,
            CurrentUser user) {
        this.repository = repository;
        this.members = members;
        this.changes = changes;
        this.user = user;
    }

    /** Every live member with its setting, by name. */
    public Uni<List<MemberSightings>> list() {
        return members.list().flatMap(live -> Panache.withSession(repository::all).map(rows -> {
            Map<UUID, MemberSightingSetting> byId = rows.stream()
                    .collect(Collectors.toMap(r -> r.memberId, Function.identity()));
            return live.stream().map(m -> view(m, byId.get(m.id()))).toList();
        }));
    }

    /** One live member's setting; 404 for an unknown or deleted member. */
    public Uni<MemberSightings> get(UUID memberId) {
        return members.get(memberId)
                .flatMap(m -> Panache.withSession(() -> repository.findById(memberId)).map(row -> view(m, row)));
    }

    /** Switches sightings to a live member on or off (audited with the state before and after). */
    public Uni<MemberSightings> setEnabled(UUID memberId, boolean enabled) {
        String actor = user.name();
        return members.get(memberId).flatMap(m -> Panache.withTransaction(() -> repository
                .lockCreating(memberId, actor).flatMap(row -> {
                    boolean before = row.enabled;
                    row.enabled = enabled;
                    row.updatedBy = actor;
                    row.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
                    return repository.persist(row)
                            .call(saved -> changes.record(enabled ? ENABLE : DISABLE, "member", memberId.toString(),
                                    Map.of("sightings", before), Map.of("sightings", enabled)))
                            .map(saved -> view(m, saved));
                })));
    }

    /** The members that opted in, by their connector id. */
    public Uni<Set<String>> enabledMembers() {
        return Panache.withSession(repository::enabled)
                .map(ids -> ids.stream().map(UUID::toString).collect(Collectors.toSet()));
    }

    private static MemberSightings view(MemberView m, MemberSightingSetting row) {
        return row == null
                ? new MemberSightings(m.id(), m.name(), m.organisation(), false, null, null)
                : new MemberSightings(m.id(), m.name(), m.organisation(), row.enabled, row.updatedBy, row.updatedAt);
    }
}
