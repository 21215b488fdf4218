package org.alliancesearch.portal.watch.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;

/**
 * The one clustered job that runs due watches: every {@code alliance.watch.sweep-interval}, on exactly one replica
 * (Quartz's clustered JDBC job store), never two sweeps at once anywhere ({@link DisallowConcurrentExecution}); a
 * replica that dies mid-sweep has the sweep fired again on another ({@code requestsRecovery}), where runs already
 * written are found done (see {@link WatchRunner}).
 */
@DisallowConcurrentExecution
public class WatchSweepJob implements Job {
    private static final Logger LOG = Logger.getLogger(WatchSweepJob.class);

    public static final JobKey JOB = JobKey.jobKey("watch-sweep", "alliance");
    public static final TriggerKey TRIGGER = TriggerKey.triggerKey("watch-sweep", "alliance");

    @Inject
    WatchRunner runner;

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            // Quartz runs this on its own worker thread; Hibernate Reactive needs a Vert.x context.
            int ran = VertxContextSupport.subscribeAndAwait(() -> runner.sweep(Instant.now()));
            if (ran > 0) {
                LOG.debugf("Watch sweep ran %d watch(es)", ran);
            }
        } catch (Throwable e) {
            LOG.errorf("Watch sweep failed: %s", e.toString());
        }
    }

    /** The job, durable and asking for recovery: a sweep cut short by a dead replica runs again elsewhere. */
    public static JobDetail job(Class<? extends Job> type) {
        return JobBuilder.newJob(type).withIdentity(JOB).storeDurably().requestRecovery().build();
    }

    /** Repeats for ever; a missed sweep (all replicas down) runs once at the next chance, not once per missed one. */
    public static SimpleTrigger trigger(Duration every) {
        return TriggerBuilder.newTrigger().withIdentity(TRIGGER).forJob(JOB).startAt(new Date())
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(every.toMillis())
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }

    /**
     * Stores the job and its trigger unless another replica did already; a changed interval replaces the trigger.
     * Every replica calls this at start; the store's locks make it safe to race.
     */
    public static void install(Scheduler scheduler, Class<? extends Job> type, Duration every)
            throws SchedulerException {
        if (!scheduler.checkExists(JOB)) {
            try {
                scheduler.scheduleJob(job(type), trigger(every));
                return;
            } catch (org.quartz.ObjectAlreadyExistsException raced) {
                // another replica stored it first
            }
        }
        Trigger stored = scheduler.getTrigger(TRIGGER);
        if (!(stored instanceof SimpleTrigger simple) || simple.getRepeatInterval() != every.toMillis()) {
            if (stored == null) {
                scheduler.scheduleJob(trigger(every));
            } else {
                scheduler.rescheduleJob(TRIGGER, trigger(every));
            }
        }
    }

    /** Installs the sweep at start on every replica. */
    @ApplicationScoped
    public static class Installer {
        void onStart(@Observes StartupEvent event, Scheduler quartz, WatchConfig config) throws SchedulerException {
            install(quartz, WatchSweepJob.class, config.sweepInterval());
        }
    }
}
