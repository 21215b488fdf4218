package org.alliancesearch.portal.search.service;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.alliancesearch.portal.search.config.SearchConfig;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * At most {@link SearchConfig#rateLimitPerMinute()} searches per user (token subject) and clock minute, counted in
 * PostgreSQL so that every replica counts the same searches. The minute is the database's, so replicas agree on it.
 * A replica takes allowance from the shared count in blocks of 5 % of the limit (at least one search) and spends it
 * locally until it is used up or its minute ends: one transaction per block, not per search, and no row every search
 * of a busy user must wait for. A replica reserves one block per user at a time; searches arriving meanwhile are
 * counted one by one, so a burst takes no more of the minute than it uses. The shared count is only ever raised up to
 * the limit, under the row's lock, so two replicas cannot both take the last searches of a minute, and a refused
 * attempt does not count. What a replica took
 * and did not use by the end of the minute is lost: with R replicas a user may be refused up to R blocks early, never
 * allowed more. A fixed minute lets a user start up to twice the limit across the turn of a minute, never more.
 */
@ApplicationScoped
public class SearchRateLimiter {
    private static final Logger LOG = Logger.getLogger(SearchRateLimiter.class);
    /** Allowances kept at most before those of minutes past are dropped. */
    private static final int SWEEP_AT = 10_000;

    private final IntSupplier limit;
    private final Clock clock;
    private final Map<String, Allowance> allowances = new ConcurrentHashMap<>();
    private final Set<String> reservations = ConcurrentHashMap.newKeySet();

    /** Searches a replica may still start for one user until {@code endsAtNanos} ({@link System#nanoTime()}). */
    private static final class Allowance {
        final long endsAtNanos;
        final AtomicInteger left;

        Allowance(long endsAtNanos, int left) {
            this.endsAtNanos = endsAtNanos;
            this.left = new AtomicInteger(left);
        }

        boolean take(long now) {
            return now < endsAtNanos && left.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
        }
    }

    @Inject
    public SearchRateLimiter(SearchConfig config) {
        this(config::rateLimitPerMinute, Clock.systemUTC());
    }

    /** A limiter with a limit of its own (a replica's view in tests). */
    public SearchRateLimiter(IntSupplier limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    public int limit() {
        return limit.getAsInt();
    }

    /** How many searches one reservation takes from the shared count: 5 % of the limit, at least one. */
    public static int block(int limit) {
        return Math.max(1, limit / 20);
    }

    /**
     * Counts one search for the user (a search refused later still counts).
     *
     * @return fails with {@link RateLimitedException} when the user has started the limit in this minute already
     */
    public Uni<Void> acquire(String subject) {
        // Counted when the search starts: a Uni prepared and never subscribed takes nothing.
        return Uni.createFrom().deferred(() -> take(subject));
    }

    private Uni<Void> take(String subject) {
        Allowance a = allowances.get(subject);
        if (a != null && a.take(System.nanoTime())) {
            return Uni.createFrom().voidItem();
        }
        int limit = limit();
        int block = block(limit);
        // One block reservation per user at a time on this replica: searches arriving while it is under way are
        // counted one by one, so a burst cannot take more of the minute than it uses (and starve other replicas).
        boolean reserving = block > 1 && reservations.add(subject);
        return reserve(subject, limit, reserving ? block : 1).<Void>map(granted -> {
            if (granted.searches() > 1) {
                // the first of the block is this search; the rest are kept for the next ones
                sweep();
                Allowance rest = new Allowance(System.nanoTime() + granted.nanosLeftInMinute(),
                        granted.searches() - 1);
                // a block is only reserved once the one before is used up or past: nothing kept is replaced
                allowances.put(subject, rest);
            } else if (granted.searches() == 0) {
                // the shared count is full; a block kept here meanwhile may still hold this search
                Allowance kept = allowances.get(subject);
                if (kept == null || !kept.take(System.nanoTime())) {
                    throw new RateLimitedException(limit, secondsLeftInMinute());
                }
            }
            return null;
        }).onTermination().invoke(() -> {
            if (reserving) {
                reservations.remove(subject);
            }
        });
    }

    private record Granted(int searches, long nanosLeftInMinute) {
    }

    /** Raises the user's count of this minute by up to {@code block}, never above the limit; answers by how much. */
    private Uni<Granted> reserve(String subject, int limit, int block) {
        if (block == 1) {
            // one search at a time: a single statement, as exact as it gets
            return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                    "insert into search_rate (subject, window_start, started) values (:subject, date_trunc('minute', now()), 1)"
                            + " on conflict (subject, window_start) do update set started = search_rate.started + 1"
                            + " where search_rate.started < :limit")
                    .setParameter("subject", subject).setParameter("limit", limit).executeUpdate()))
                    .map(counted -> new Granted(counted, 0));
        }
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                "insert into search_rate (subject, window_start, started) values (:subject, date_trunc('minute', now()), 0)"
                        + " on conflict (subject, window_start) do nothing")
                .setParameter("subject", subject).executeUpdate()
                .flatMap(ignored -> s.<Object[]>createNativeQuery("select started, extract(epoch from"
                        + " (date_trunc('minute', now()) + interval '1 minute' - clock_timestamp())) from search_rate"
                        + " where subject = :subject and window_start = date_trunc('minute', now()) for update")
                        .setParameter("subject", subject).getSingleResult())
                .flatMap(row -> {
                    int started = ((Number) row[0]).intValue();
                    int granted = Math.max(0, Math.min(block, limit - started));
                    long nanosLeft = (long) (((Number) row[1]).doubleValue() * 1e9);
                    if (granted == 0) {
                        return Uni.createFrom().item(new Granted(0, nanosLeft));
                    }
                    return s.createNativeQuery("update search_rate set started = started + :granted"
                            + " where subject = :subject and window_start = date_trunc('minute', now())")
                            .setParameter("granted", granted).setParameter("subject", subject).executeUpdate()
                            .map(updated -> new Granted(granted, nanosLeft));
                })));
    }

    /** Drops the allowances of minutes past once there are many. */
    private void sweep() {
        if (allowances.size() >= SWEEP_AT) {
            long now = System.nanoTime();
            allowances.values().removeIf(a -> now >= a.endsAtNanos);
        }
    }

    long secondsLeftInMinute() {
        long millis = clock.millis() % 60_000L;
        return Math.max(1, (60_000L - millis + 999L) / 1000L);
    }

    /** Drops the counts of minutes past (every few minutes, once for the cluster through Quartz). */
    @Scheduled(every = "${alliance.search.rate-purge-every:5m}", identity = "search-rate-purge", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledPurge() {
        return purge().onFailure().invoke(e -> LOG.warnf("Search rate purge failed: %s", e.getClass().getName()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Deletes the counts of minutes that ended more than two minutes ago; answers how many. */
    public Uni<Integer> purge() {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                "delete from search_rate where window_start < now() - interval '3 minutes'").executeUpdate()));
    }
}
