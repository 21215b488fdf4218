package org.alliancesearch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.alliancesearch.simulator.Fault;
import org.alliancesearch.simulator.SimulatedMisp;
import org.alliancesearch.simulator.SimulatorCluster;
import org.alliancesearch.simulator.SimulatorOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The driver's measuring loops, against a simulated member over real HTTP (the baseline path of the benchmark). */
class LoadDriverTest {
    static SimulatorCluster cluster;
    static SimulatedMisp member;

    @BeforeAll
    static void start() {
        cluster = SimulatorCluster.start(SimulatorOptions.builder().instances(1).events(2).attributesPerEvent(2)
                .plant(Stack.BULK_VALUE, "domain", 120).build());
        member = cluster.instances().get(0);
        member.setFault(Fault.latency(30));
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void directSearchesOneAfterAnotherAreMeasuredWithTheMembersLatency() throws Exception {
        MispDirect direct = new MispDirect(5_000);
        assertThat(direct.count(member, Stack.BULK_VALUE)).isEqualTo(120);

        LoadResult r = LoadDriver.sequential(2, 6, n -> direct.search(member, Stack.BULK_VALUE));

        assertThat(r.calls()).isEqualTo(6);
        assertThat(r.errors()).isZero();
        assertThat(r.latency().p50Millis()).isGreaterThanOrEqualTo(30.0);
        // six calls of at least 30 ms each, one after another
        assertThat(r.elapsedNanos()).isGreaterThanOrEqualTo(6 * 30_000_000L);
    }

    @Test
    void theBaselineAsksForGzipAsTheConnectorDoesAndThePlainOneDoesNot() throws Exception {
        MispDirect.AnswerSize gzip = new MispDirect(5_000).answerSize(member, Stack.BULK_VALUE);
        MispDirect.AnswerSize plain = new MispDirect(5_000, MispDirect.Encoding.PLAIN).answerSize(member,
                Stack.BULK_VALUE);

        assertThat(gzip.contentEncoding()).isEqualTo("gzip");
        assertThat(plain.contentEncoding()).isEqualTo("identity");
        // the same JSON either way; compressed, 120 alike records take a fraction of it on the wire
        assertThat(gzip.json()).isEqualTo(plain.json()).isEqualTo(plain.wire());
        assertThat(gzip.wire()).isLessThan(plain.json() / 5);
        assertThat(new MispDirect(5_000).count(member, Stack.BULK_VALUE)).isEqualTo(120);
    }

    @Test
    void theSpeedProbeReadsEveryAttributeOfAMembersAnswer() throws Exception {
        byte[] answer = new MispDirect(5_000).answerJson(member, Stack.BULK_VALUE);

        SpeedProbe.Result r = SpeedProbe.measure(answer, 2, 3);

        assertThat(r.attributesRead()).isEqualTo(120);
        assertThat(r.nanosPerAttribute()).isPositive();
    }

    @Test
    void closedLoopRunsClientsAtOnceWithUniqueSequenceNumbersAndCountsErrors() throws Exception {
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        MispDirect direct = new MispDirect(5_000);

        LoadResult r = LoadDriver.closedLoop(4, Duration.ofMillis(600), n -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                assertThat(seen.add(n)).isTrue();
                String problem = direct.search(member, Stack.BULK_VALUE);
                return n % 5 == 0 ? "every fifth call counts as bad" : problem;
            } finally {
                running.decrementAndGet();
            }
        });

        assertThat(mostAtOnce.get()).isEqualTo(4);
        assertThat(r.calls()).isEqualTo(seen.size());
        // 4 clients for 0.6 s at 30 ms per call: far more calls than one client alone could make
        assertThat(r.calls()).isGreaterThan(20);
        assertThat(r.errors()).isEqualTo((int) seen.stream().filter(n -> n % 5 == 0).count());
        assertThat(r.firstError()).isEqualTo("every fifth call counts as bad");
        assertThat(r.perSecond()).isEqualTo(r.calls() / (r.elapsedNanos() / 1e9));
    }

    @Test
    void aFailingCallIsAnErrorNotTheEndOfTheRun() {
        LoadResult r = LoadDriver.sequential(0, 3, n -> {
            if (n == 1) {
                throw new IllegalStateException("boom");
            }
            return null;
        });
        assertThat(r.calls()).isEqualTo(3);
        assertThat(r.errors()).isEqualTo(1);
        assertThat(r.firstError()).contains("boom");
    }
}
