package org.alliancesearch.portal.search.service;

import java.time.Clock;

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
 * One statement counts a search (insert, or add one only while under the limit): two replicas cannot both take the
 * last search of a minute, and a refused attempt does not count. A fixed minute lets a user start up to twice the
 * limit across the turn of a minute, never more.
 */
@ApplicationScoped
public class SearchRateLimiter {
    private static final Logger LOG = Logger.getLogger(SearchRateLimiter.class);

    private final SearchConfig config;
    private final Clock clock;

    @Inject
    public SearchRateLimiter(SearchConfig config) {
        this(config, Clock.systemUTC());
    }

    SearchRateLimiter(SearchConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public int limit() {
        return config.rateLimitPerMinute();
    }

    /**
     * Counts one search for the user, in its own transaction (a search refused later still counts).
     *
     * @return fails with {@link RateLimitedException} when the user has started the limit in this minute already
     */
    public Uni<Void> acquire(String subject) {
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                "insert into search_rate (subject, window_start, started) values (:subject, date_trunc('minute', now()), 1)"
                        + " on conflict (subject, window_start) do update set started = search_rate.started + 1"
                        + " where search_rate.started < :limit")
                .setParameter("subject", subject).setParameter("limit", limit()).executeUpdate()))
                .map(counted -> {
                    if (counted == 0) {
                        throw new RateLimitedException(limit(), secondsLeftInMinute());
                    }
                    return null;
                });
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
