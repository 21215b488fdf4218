package org.alliancesearch.portal.digest.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Builds the weekly digest on {@code alliance.digest.cron}. Idempotent: the week's row is replaced, so a second run
 * (a retry, a misfire, another replica) leaves one digest for the week. A failure is logged and waits for the next
 * run or an administrator's rebuild.
 */
@ApplicationScoped
public class WeeklyDigestJob {
    private static final Logger LOG = Logger.getLogger(WeeklyDigestJob.class);

    private final DigestService digests;

    public WeeklyDigestJob(DigestService digests) {
        this.digests = digests;
    }

    @Scheduled(identity = "weekly-digest", cron = "${alliance.digest.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return digests.rebuild()
                .onFailure().invoke(e -> LOG.errorf("Weekly digest build failed: %s", e.getClass().getName()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
