package org.alliancesearch.portal.digest.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Builds the weekly digest on {@code alliance.digest.cron}, then opens the week for the digest e-mail and sends it to
 * the subscribers ({@link DigestMailer}; what is not sent now is sent by the later sweeps of {@link DigestMailJob}).
 * Idempotent: the week's row is replaced, and the week's e-mail goes once to each subscriber, so a second run (a retry,
 * a misfire, another replica) leaves one digest for the week and sends nothing again. A failure is logged and waits
 * for the next run or an administrator's rebuild.
 */
@ApplicationScoped
public class WeeklyDigestJob {
    private static final Logger LOG = Logger.getLogger(WeeklyDigestJob.class);

    private final DigestService digests;
    private final DigestMailer mailer;

    public WeeklyDigestJob(DigestService digests, DigestMailer mailer) {
        this.digests = digests;
        this.mailer = mailer;
    }

    @Scheduled(identity = "weekly-digest", cron = "${alliance.digest.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return digests.rebuild()
                .onFailure().invoke(e -> LOG.errorf("Weekly digest build failed: %s", e.getClass().getName()))
                .onFailure().recoverWithNull()
                .flatMap(stored -> stored == null ? Uni.createFrom().voidItem() : mail(stored));
    }

    /** Opens the built week for mailing and sends it now; a failure here is left to the next sweep. */
    Uni<Void> mail(StoredDigest stored) {
        Instant now = Instant.now();
        return mailer.open(stored.weekStart(), now)
                .flatMap(ignored -> mailer.sweep(now))
                .onFailure().invoke(e -> LOG.errorf("Weekly digest e-mail of %s failed: %s", stored.weekStart(),
                        e.getClass().getName()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
