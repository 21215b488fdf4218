package org.alliancesearch.portal.digest.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Sends the digest e-mails still owed (failed ones, subscribers a replica did not reach) every
 * {@code alliance.digest.mail.sweep}: a Quartz job of the clustered store, so one replica at a time runs it, and
 * {@link DigestMailer} makes a second sweep anywhere send nothing twice.
 */
@ApplicationScoped
public class DigestMailJob {
    private static final Logger LOG = Logger.getLogger(DigestMailJob.class);

    private final DigestMailer mailer;

    public DigestMailJob(DigestMailer mailer) {
        this.mailer = mailer;
    }

    @Scheduled(identity = "digest-mail", every = "${alliance.digest.mail.sweep:15m}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return mailer.sweep(Instant.now())
                .onFailure().invoke(e -> LOG.errorf("Digest e-mail sweep failed: %s", e.getClass().getName()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
