package org.alliancesearch.portal.member;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.alliancesearch.connector.MemberRegistry;
import org.alliancesearch.portal.member.service.MemberRegistrySync;
import org.alliancesearch.portal.testsupport.Db;
import org.alliancesearch.portal.testsupport.Members;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/** Changes made through another replica (here: straight in the database) reach this replica's connector. */
@QuarkusTest
class RegistrySyncTest {
    @Inject
    MemberRegistry registry;

    @Inject
    MemberRegistrySync sync;

    @Test
    void reconcileFollowsTheDatabase() throws Throwable {
        String renamed = Members.create();
        String deleted = Members.create();
        assertThat(registry.find(deleted)).isPresent();

        Db.update("update member_instance set name = 'Renamed elsewhere', enabled = false where id = ?::uuid",
                renamed);
        Db.update("update member_instance set deleted_at = now() where id = ?::uuid", deleted);
        int live = VertxContextSupport.subscribeAndAwait(() -> sync.reconcile());

        assertThat(live).isEqualTo(Db.rows("select id from member_instance where deleted_at is null").size());
        assertThat(registry.find(renamed)).hasValueSatisfying(e -> {
            assertThat(e.ref().name()).isEqualTo("Renamed elsewhere");
            assertThat(e.enabled()).isFalse();
        });
        assertThat(registry.find(deleted)).isEmpty();
        assertThat(registry.all()).hasSize(live);
    }

    @Test
    void aMemberDisabledThroughAnotherReplicaIsAskedByNoneWithoutWaitingForTheSync() throws Throwable {
        String disabled = Members.create();
        assertThat(registry.find(disabled)).hasValueSatisfying(e -> assertThat(e.enabled()).isTrue());
        // as another replica's commit: PostgreSQL tells every replica, long before the periodic sync (30 s)
        Db.update("update member_instance set enabled = false where id = ?::uuid", disabled);
        long end = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        while (registry.find(disabled).map(e -> e.enabled()).orElse(true) && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(registry.find(disabled)).hasValueSatisfying(e -> assertThat(e.enabled()).isFalse());
    }
}
