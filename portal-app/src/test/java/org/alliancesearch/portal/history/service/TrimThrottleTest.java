package org.alliancesearch.portal.history.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TrimThrottleTest {
    private final AtomicLong clock = new AtomicLong(1_000);
    private final TrimThrottle throttle = new TrimThrottle(Duration.ofSeconds(1), clock::get);

    @Test
    void aPersonIsTrimmedOncePerIntervalAndOthersOnTheirOwn() {
        assertThat(throttle.due("ana")).isTrue();
        clock.addAndGet(999_999_999);
        assertThat(throttle.due("ana")).isFalse();
        assertThat(throttle.due("ben")).isTrue();
        clock.addAndGet(1);
        assertThat(throttle.due("ana")).isTrue();
        assertThat(throttle.due("ana")).isFalse();
        assertThat(throttle.due("ben")).isFalse();
    }

    @Test
    void aSkippedSearchDoesNotPushTheNextTrimBack() {
        assertThat(throttle.due("ana")).isTrue();
        for (int i = 0; i < 9; i++) {
            clock.addAndGet(100_000_000);
            assertThat(throttle.due("ana")).isFalse();
        }
        clock.addAndGet(100_000_000);
        assertThat(throttle.due("ana")).isTrue();
    }

    @Test
    void noIntervalTrimsWithEverySearch() {
        TrimThrottle always = new TrimThrottle(Duration.ZERO, clock::get);
        assertThat(always.due("ana")).isTrue();
        assertThat(always.due("ana")).isTrue();
        assertThat(always.remembered()).isZero();
    }

    @Test
    void peopleWhoseIntervalPassedAreForgottenWhenManyAreRemembered() {
        for (int i = 0; i <= 10_000; i++) {
            throttle.due("person-" + i);
        }
        assertThat(throttle.remembered()).isEqualTo(10_001);
        clock.addAndGet(1_000_000_000);
        assertThat(throttle.due("late")).isTrue();
        // everyone but the one who just searched had their interval pass
        assertThat(throttle.remembered()).isEqualTo(1);
        assertThat(throttle.due("person-1")).isTrue();
    }

    @Test
    void fewPeopleAreNotSweptAtAll() {
        throttle.due("ana");
        clock.addAndGet(5_000_000_000L);
        throttle.due("ben");
        assertThat(throttle.remembered()).isEqualTo(2);
    }
}
