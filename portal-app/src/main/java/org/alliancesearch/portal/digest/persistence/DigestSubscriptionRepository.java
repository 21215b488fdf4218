package org.alliancesearch.portal.digest.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DigestSubscriptionRepository implements PanacheRepositoryBase<DigestSubscription, String> {
    /** The subscription locked for this transaction (a send and an opt-out never cross); null when none. */
    public Uni<DigestSubscription> lock(String subject) {
        return findById(subject, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Subscribers still owed the mail of a week: subscribed, and without a final row for the week (sent or skipped),
     * without one being sent now (unless it was taken before {@code staleBefore}: a replica died while sending), and
     * with attempts left.
     */
    public Uni<List<String>> owed(LocalDate week, OffsetDateTime staleBefore, int maxAttempts, int limit) {
        return getSession().flatMap(s -> s.createNativeQuery(
                "select s.subject from digest_subscription s left join digest_mail m"
                        + " on m.subject = s.subject and m.week_start = :week where s.subscribed and (m.subject is null"
                        + " or (m.status = 'FAILED' and m.attempts < :max)"
                        + " or (m.status = 'SENDING' and m.updated_at < :stale and m.attempts < :max))"
                        + " order by s.subject limit :limit",
                String.class)
                .setParameter("week", week).setParameter("max", maxAttempts).setParameter("stale", staleBefore)
                .setParameter("limit", limit).getResultList());
    }
}
