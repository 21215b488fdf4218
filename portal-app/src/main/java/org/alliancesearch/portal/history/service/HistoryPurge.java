package org.alliancesearch.portal.history.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Purges history entries past {@code alliance.history.retention}, daily by default. One {@code DELETE}: running it
 * twice, or on several replicas at once, deletes nothing more.
 */
@ApplicationScoped
public class HistoryPurge {
    private static final Logger LOG = Logger.getLogger(HistoryPurge.class);

    private final HistoryService history;

    public HistoryPurge(HistoryService history) {
        this.history = history;
    }

    @Scheduled(cron = "${alliance.history.purge-cron:0 47 3 * * ?}", identity = "search-history-purge", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return history.purge(Instant.now())
                .invoke(n -> LOG.infof("Purged %d search history entries past the retention period", n))
                .onFailure().invoke(e -> LOG.errorf("Search history purge failed: %s", e.getClass().getName()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
