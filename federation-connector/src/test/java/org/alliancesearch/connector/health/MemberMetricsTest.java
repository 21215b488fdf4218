package org.alliancesearch.connector.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.alliancesearch.connector.MemberStatus;
import org.alliancesearch.connector.client.AnswerVolume;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class MemberMetricsTest {
    private final MeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void countsEachAnswerUnderItsStatusAndTimesOnlyThoseThatWereAsked() {
        MemberMetrics metrics = new MemberMetrics(registry, "m1", () -> 0, new AnswerVolume());

        metrics.record(MemberStatus.OK, 40);
        metrics.record(MemberStatus.TIMEOUT, 1000);
        metrics.record(MemberStatus.OK, 60);
        metrics.record(MemberStatus.CIRCUIT_OPEN, 0);
        metrics.record(MemberStatus.OK, 50);

        assertThat(outcomes("m1", MemberStatus.OK).count()).isEqualTo(3);
        assertThat(outcomes("m1", MemberStatus.TIMEOUT).count()).isEqualTo(1);
        assertThat(outcomes("m1", MemberStatus.CIRCUIT_OPEN).count()).isEqualTo(1);
        assertThat(registry.find(MemberMetrics.OUTCOMES).tags("status", "ERROR").counter()).isNull();
        // an open circuit asked nobody: no latency of its own
        assertThat(registry.find(MemberMetrics.LATENCY).tag("member", "m1").timer().count()).isEqualTo(4);
    }

    @Test
    void aRemovedMembersMetersAreGoneAndStayGoneWhileItsLastSearchesEnd() {
        MemberMetrics metrics = new MemberMetrics(registry, "m1", () -> 0, new AnswerVolume());
        metrics.record(MemberStatus.OK, 40);
        metrics.record(MemberStatus.ERROR, 40);

        metrics.remove();
        metrics.record(MemberStatus.OK, 40);
        metrics.record(MemberStatus.UNAUTHORIZED, 40);

        assertThat(registry.find(MemberMetrics.OUTCOMES).meters()).isEmpty();
        assertThat(registry.getMeters()).isEmpty();
    }

    @Test
    void theSameMemberRegisteredAgainCountsFromZero() {
        MemberMetrics before = new MemberMetrics(registry, "m1", () -> 0, new AnswerVolume());
        before.record(MemberStatus.OK, 40);
        before.remove();

        MemberMetrics after = new MemberMetrics(registry, "m1", () -> 0, new AnswerVolume());
        after.record(MemberStatus.OK, 40);
        after.record(MemberStatus.OK, 40);

        assertThat(outcomes("m1", MemberStatus.OK).count()).isEqualTo(2);
        assertThat(registry.find(MemberMetrics.OUTCOMES).meters()).hasSize(1);
    }

    private Counter outcomes(String member, MemberStatus status) {
        return registry.find(MemberMetrics.OUTCOMES).tags("member", member, "status", status.name()).counter();
    }
}
