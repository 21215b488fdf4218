package org.alliancesearch.portal.member.service;

import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.connector.ConnectionReport;
import org.alliancesearch.connector.ConnectionTester;
import org.alliancesearch.portal.member.persistence.MemberEntity;
import org.alliancesearch.portal.member.persistence.MemberRepository;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Learns a member's own MISP organisation (uuid and name, from {@code users/view/me}) when it is onboarded or its
 * connection is tested: the organisation it may speak for. Stored without changing the member's version (it is not an
 * admin's edit), and handed to the connector at once.
 */
@ApplicationScoped
public class MemberOrganisations {
    private static final Logger LOG = Logger.getLogger(MemberOrganisations.class);
    private static final int MAX_NAME = 200;

    private final MemberRepository repository;
    private final MemberSecrets secrets;
    private final MemberRegistrySync registrySync;
    private final ConnectionTester tester;
    private final Vertx vertx;

    public MemberOrganisations(MemberRepository repository, MemberSecrets secrets, MemberRegistrySync registrySync,
            ConnectionTester tester, Vertx vertx) {
        this.repository = repository;
        this.secrets = secrets;
        this.registrySync = registrySync;
        this.tester = tester;
        this.vertx = vertx;
    }

    /** Stores what a successful connection test says of the member's organisation; nothing for a failed test. */
    Uni<Void> learn(UUID id, ConnectionReport report) {
        if (report == null || !report.ok() || (isBlank(report.organisation()) && report.organisationUuid() == null)) {
            return Uni.createFrom().voidItem();
        }
        String name = isBlank(report.organisation()) ? null : memberSentText(report.organisation());
        String uuid = isBlank(report.organisationUuid()) ? null : memberSentText(report.organisationUuid());
        return Panache.withTransaction(() -> repository.findLive(id).flatMap(m -> {
            if (m == null || (Objects.equals(m.mispOrgUuid, uuid) && Objects.equals(m.mispOrgName, name))) {
                return Uni.createFrom().<MemberEntity>nullItem();
            }
            // A bulk update: the member's version (an admin's edit) stays as it is; the loaded row is changed only
            // after the transaction, so that it is not flushed as an edit.
            return repository.update("mispOrgUuid = ?1, mispOrgName = ?2 where id = ?3", uuid, name, id)
                    .replaceWith(m);
        })).invoke(m -> {
            if (m != null) {
                m.mispOrgUuid = uuid;
                m.mispOrgName = name;
                LOG.infof("Member %s belongs to MISP organisation %s (%s)", id, name, uuid);
                registrySync.changed(m);
            }
        }).replaceWithVoid();
    }

    /** After onboarding: tests the new member in the background and learns its organisation; never fails. */
    void learnLater(UUID id) {
        Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> Panache.withSession(() -> repository.findLive(id))
                .flatMap(m -> m == null
                        ? Uni.createFrom().<ConnectionReport>nullItem()
                        : tester.test(secrets.endpoint(m)))
                .flatMap(report -> learn(id, report))
                .subscribe().with(done -> {
                }, e -> LOG.debugf("Organisation of member %s not learned: %s", id, e.getClass().getName())));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * What a member's MISP says of itself, made safe to store and to log: control and format characters (line breaks
     * that would forge log lines, right-to-left overrides) become spaces, and it is cut to {@value #MAX_NAME}.
     */
    static String memberSentText(String s) {
        String clean = s.replaceAll("[\\p{Cc}\\p{Cf}]", " ").strip();
        return clean.length() <= MAX_NAME ? clean : clean.substring(0, MAX_NAME);
    }
}
