package org.alliancesearch.portal.searchaudit.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Purges audit rows past the retention period, daily by default ({@code alliance.search.audit.purge-cron}). */
@ApplicationScoped
public class SearchAuditPurge {
    private static final Logger LOG = Logger.getLogger(SearchAuditPurge.class);

    private final SearchAuditService audit;

    public SearchAuditPurge(SearchAuditService audit) {
        this.audit = audit;
    }

    @Scheduled(cron = "${alliance.search.audit.purge-cron:0 17 3 * * ?}", identity = "search-audit-purge", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return audit.purge(Instant.now())
                .invoke(n -> LOG.infof("Purged %d search audit rows past the retention period", n))
                .onFailure().invoke(e -> LOG.errorf("Search audit purge failed: %s", e.getClass().getName()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
