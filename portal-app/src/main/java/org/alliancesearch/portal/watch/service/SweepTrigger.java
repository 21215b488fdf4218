package org.alliancesearch.portal.watch.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Asks the cluster for a watch sweep now, outside its schedule: the same clustered job ({@link WatchSweepJob}), so a
 * watch made due now is run by the one path that runs every watch, never beside a sweep already running. When the
 * job cannot be triggered, the watch still runs at the next scheduled sweep.
 */
@ApplicationScoped
public class SweepTrigger {
    private static final Logger LOG = Logger.getLogger(SweepTrigger.class);

    private final Scheduler quartz;

    public SweepTrigger(Scheduler quartz) {
        this.quartz = quartz;
    }

    /** Answers whether the sweep was triggered (the job store is a database: this runs on a worker thread). */
    public Uni<Boolean> now() {
        return Uni.createFrom().item(() -> {
            try {
                quartz.triggerJob(WatchSweepJob.JOB);
                return true;
            } catch (SchedulerException e) {
                LOG.warnf("The watch sweep could not be triggered; the next scheduled sweep runs the watch: %s",
                        e.toString());
                return false;
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
