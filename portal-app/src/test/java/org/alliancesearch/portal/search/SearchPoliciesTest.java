package org.alliancesearch.portal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;

import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.policy.Tlp;
import org.alliancesearch.portal.common.changes.ChangeFeed;
import org.alliancesearch.portal.search.service.SearchPolicies;
import org.alliancesearch.portal.search.support.OnVertx;
import org.alliancesearch.portal.search.support.SearchMembers;
import org.alliancesearch.portal.testsupport.Db;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;

/**
 * The policies every search applies are read once per change, not per search, and a change committed anywhere (here
 * plain SQL, as another replica or an operator would) is in force for the next search on this replica: PostgreSQL
 * tells every replica when it commits, and while this replica cannot hear it, nothing is kept.
 */
@QuarkusTest
class SearchPoliciesTest {
    private static final Duration NOTICE = Duration.ofSeconds(5);

    @Inject
    SearchPolicies policies;
    @Inject
    ChangeFeed changes;
    @Inject
    Vertx vertx;

    private Map<String, String> before;

    @BeforeEach
    void remember() throws Exception {
        SearchMembers.ensure();
        waitFor(changes::listening, "listening for changes");
        before = Db.rows("select max_tlp, drop_tags from alliance_policy").get(0);
    }

    @AfterEach
    void restore() throws Exception {
        Db.update("update alliance_policy set max_tlp = ?, drop_tags = ?", before.get("max_tlp"),
                before.get("drop_tags"));
        Db.update("update member_instance set policy_max_tlp = null where policy_max_tlp = 'CLEAR'");
    }

    private SearchPolicies.Snapshot current() {
        return OnVertx.await(vertx, policies::current);
    }

    @Test
    void searchesShareOneReadUntilSomethingChanges() {
        SearchPolicies.Snapshot first = current();
        assertThat(current()).isSameAs(first);
        policies.invalidate();
        SearchPolicies.Snapshot again = current();
        assertThat(again).isNotSameAs(first).isEqualTo(first);
    }

    @Test
    void aPolicyChangedElsewhereIsInForceWithoutWaitingForAnyInterval() throws Exception {
        current();
        String other = "GREEN".equals(before.get("max_tlp")) ? "CLEAR" : "GREEN";
        Db.update("update alliance_policy set max_tlp = ?, drop_tags = drop_tags || ?", other, "\nchanged:elsewhere");
        waitFor(() -> current().alliance().maxTlp() == Tlp.valueOf(other), "the new ceiling");
        AlliancePolicy now = current().alliance();
        assertThat(now.dropTags()).contains("changed:elsewhere");
        // every member's effective policy is derived from the new one too
        assertThat(current().perMember().values()).allSatisfy(p -> assertThat(p.maxTlp().compareTo(now.maxTlp()))
                .isLessThanOrEqualTo(0));
    }

    @Test
    void aMemberMadeStricterElsewhereIsInForceWithoutWaitingForAnyInterval() throws Exception {
        String member = current().perMember().keySet().iterator().next();
        Db.update("update member_instance set policy_max_tlp = 'CLEAR' where id = ?::uuid", member);
        waitFor(() -> current().perMember().get(member).maxTlp() == Tlp.CLEAR, "the member's stricter ceiling");
    }

    @Test
    void aChangeMadeWhileNotListeningIsNotMissed() throws Exception {
        SearchPolicies.Snapshot cached = current();
        assertThat(current()).isSameAs(cached);
        // the listening connection is cut; while it is down nothing is heard, so a change then must not be missed
        List<Map<String, String>> cut = Db.rows("select pg_terminate_backend(pid) as cut from pg_stat_activity"
                + " where query = 'LISTEN alliance_changes'");
        assertThat(cut).isNotEmpty();
        waitFor(() -> !changes.listening(), "the cut noticed");
        String other = "GREEN".equals(before.get("max_tlp")) ? "CLEAR" : "GREEN";
        Db.update("update alliance_policy set max_tlp = ?", other);
        assertThat(current().alliance().maxTlp()).isEqualTo(Tlp.valueOf(other));
        waitFor(changes::listening, "listening again");
        assertThat(current().alliance().maxTlp()).isEqualTo(Tlp.valueOf(other));
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + NOTICE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + NOTICE + ": " + what);
            }
            Thread.sleep(20);
        }
    }
}
