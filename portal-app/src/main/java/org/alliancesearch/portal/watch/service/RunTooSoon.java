package org.alliancesearch.portal.watch.service;

import java.util.List;

import org.alliancesearch.portal.common.problem.CodedProblem;
import org.alliancesearch.portal.common.problem.Reason;

/** "Run now" asked while the watch's last run is more recent than the run-now gap (429, with the seconds left). */
public class RunTooSoon extends CodedProblem {
    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public RunTooSoon(long retryAfterSeconds) {
        super(429, "rate-limited", Reason.of(WatchService.RUN_TOO_SOON, retryAfterSeconds), List.of());
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
