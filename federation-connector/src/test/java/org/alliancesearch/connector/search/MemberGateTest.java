package org.alliancesearch.connector.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

class MemberGateTest {

    /** Branches that end as soon as they start (cached answers, turns after the deadline) queued behind a slow one. */
    @Test
    void manyBranchesThatEndAtOnceRunInOrderWithoutGrowingTheStack() {
        MemberGate gate = new MemberGate(1);
        AtomicReference<UniEmitter<? super Integer>> first = new AtomicReference<>();
        List<Integer> outcomes = new ArrayList<>();
        gate.limit(() -> Uni.createFrom().<Integer>emitter(first::set)).subscribe().with(outcomes::add);
        int queued = 50_000;
        for (int i = 1; i <= queued; i++) {
            int n = i;
            gate.limit(() -> Uni.createFrom().item(n)).subscribe().with(outcomes::add, f -> outcomes.add(-n));
        }
        assertThat(outcomes).isEmpty();

        first.get().complete(0);

        assertThat(outcomes).hasSize(queued + 1);
        for (int i = 0; i <= queued; i++) {
            assertThat(outcomes.get(i)).isEqualTo(i);
        }
    }

    @Test
    void atMostTheLimitRunAtOnceAndEveryBranchRuns() {
        MemberGate gate = new MemberGate(2);
        List<UniEmitter<? super String>> running = new ArrayList<>();
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String name = "m" + i;
            gate.limit(() -> Uni.createFrom().<String>emitter(running::add)).subscribe()
                    .with(item -> outcomes.add(name + "=" + item));
        }
        assertThat(running).hasSize(2);
        running.get(0).complete("a");
        assertThat(running).hasSize(3);
        running.get(1).fail(new IllegalStateException("down"));
        assertThat(running).hasSize(4);
        running.get(2).complete("c");
        running.get(3).complete("d");
        assertThat(running).hasSize(5);
        running.get(4).complete("e");
        assertThat(outcomes).containsExactly("m0=a", "m2=c", "m3=d", "m4=e");
    }
}
