package org.alliancesearch.portal.digest.persistence;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DigestRepository implements PanacheRepositoryBase<WeeklyDigestRow, LocalDate> {
    /**
     * Stores the week's digest in one statement: a second build of the same week (a rebuild, or the job firing on two
     * replicas) replaces the row, so a week never has two. A build that started earlier but finished later than the
     * stored one does not overwrite it.
     *
     * @return 1 when stored, 0 when a newer build of the week was already there
     */
    public Uni<Integer> upsert(WeeklyDigestRow row) {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                "insert into weekly_digest (week_start, window_from, window_to, built_at, members_asked,"
                        + " members_failed, failed_members, body) values (:week, :from, :to, :built, :asked, :failed,"
                        + " :failedMembers, :body) on conflict (week_start) do update set"
                        + " window_from = excluded.window_from, window_to = excluded.window_to,"
                        + " built_at = excluded.built_at, members_asked = excluded.members_asked,"
                        + " members_failed = excluded.members_failed, failed_members = excluded.failed_members,"
                        + " body = excluded.body where weekly_digest.built_at <= excluded.built_at")
                .setParameter("week", row.weekStart).setParameter("from", row.windowFrom)
                .setParameter("to", row.windowTo).setParameter("built", row.builtAt)
                .setParameter("asked", row.membersAsked).setParameter("failed", row.membersFailed)
                .setParameter("failedMembers", row.failedMembers).setParameter("body", row.body)
                .executeUpdate()));
    }

    /** The latest week's digest, or null when none was built yet. */
    public Uni<WeeklyDigestRow> latest() {
        return Panache.withSession(() -> findAll(Sort.descending("weekStart")).firstResult());
    }
}
