package org.alliancesearch.portal.digest.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The weeks to mail and what was mailed to whom. Every change is one statement on a row keyed by (subscriber, week),
 * so two sweeps racing (on two replicas, or a run fired again) cannot both take the same mail.
 */
@ApplicationScoped
public class DigestMailRepository {
    /** Opens a built week for mailing; opening it again (a second build of the week) changes nothing. */
    public Uni<Integer> open(LocalDate week, OffsetDateTime at) {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                "insert into digest_mailing (week_start, opened_at) values (:week, :at)"
                        + " on conflict (week_start) do nothing")
                .setParameter("week", week).setParameter("at", at).executeUpdate()));
    }

    /** The weeks opened since {@code since}, oldest first. */
    public Uni<List<LocalDate>> openSince(OffsetDateTime since) {
        return Panache.withSession(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                "select week_start from digest_mailing where opened_at >= :since order by week_start",
                LocalDate.class).setParameter("since", since).getResultList()));
    }

    /**
     * Takes the week's mail for a subscriber (within the caller's transaction): a first attempt, a failed one with
     * attempts left, or one whose sender died (taken before {@code staleBefore}).
     *
     * @return the attempt now taken (1 for the first), or 0 when it is not to be sent (sent, skipped, being sent, or
     *         out of attempts)
     */
    public Uni<Integer> take(String subject, LocalDate week, OffsetDateTime now, OffsetDateTime staleBefore,
            int maxAttempts) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                "insert into digest_mail (subject, week_start, status, attempts, updated_at)"
                        + " values (:subject, :week, 'SENDING', 1, :now) on conflict (subject, week_start) do update"
                        + " set status = 'SENDING', attempts = digest_mail.attempts + 1, outcome = null,"
                        + " updated_at = :now where digest_mail.attempts < :max and (digest_mail.status = 'FAILED'"
                        + " or (digest_mail.status = 'SENDING' and digest_mail.updated_at < :stale))")
                .setParameter("subject", subject).setParameter("week", week).setParameter("now", now)
                .setParameter("stale", staleBefore).setParameter("max", maxAttempts).executeUpdate()
                .flatMap(taken -> taken == 0
                        ? Uni.createFrom().item(0)
                        : s.createNativeQuery("select attempts from digest_mail where subject = :subject"
                                + " and week_start = :week", Integer.class)
                                .setParameter("subject", subject).setParameter("week", week).getSingleResult()));
    }

    /** Records how the attempt taken ended; an attempt taken over by another sweep meanwhile is left alone. */
    public Uni<Integer> finish(String subject, LocalDate week, int attempt, String status, String outcome,
            OffsetDateTime now) {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                "update digest_mail set status = :status, outcome = :outcome, updated_at = :now,"
                        + " sent_at = case when :status = 'SENT' then :now else sent_at end"
                        + " where subject = :subject and week_start = :week and attempts = :attempt"
                        + " and status = 'SENDING'")
                .setParameter("status", status).setParameter("outcome", outcome).setParameter("now", now)
                .setParameter("subject", subject).setParameter("week", week).setParameter("attempt", attempt)
                .executeUpdate()));
    }
}
