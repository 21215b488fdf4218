package org.alliancesearch.portal.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.alliancesearch.portal.db.EmbeddedDatabase;
import org.alliancesearch.portal.watch.service.WatchSweepJob;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;

/**
 * Two replicas' Quartz schedulers, configured as the portal configures Quartz (the quarkus.quartz settings of
 * application.properties, test profile), on one embedded PostgreSQL migrated like the portal's: the sweep job, defined
 * and triggered exactly as {@link WatchSweepJob} does, runs on one replica at a time; when the replica running it is
 * cut off mid-job (its database connections fail, so it stops checking in, without any clean shutdown), the other
 * takes the job over as a recovery, and never while the first one still checked in.
 */
class ClusteredSweepTest {
    /** One execution of the job: on which replica, and whether it was a recovery. */
    record Execution(String replica, boolean recovering) {
    }

    static final List<Execution> EXECUTIONS = new CopyOnWriteArrayList<>();
    /** Keeps the first replica's execution running until the end of the test (it is "killed" in between). */
    static final CountDownLatch HOLD = new CountDownLatch(1);

    /** Stands in for the sweep: on replica a it hangs (to be killed mid-job); elsewhere it ends at once. */
    @DisallowConcurrentExecution
    public static class StandInSweep implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            try {
                String replica = context.getScheduler().getSchedulerInstanceId();
                EXECUTIONS.add(new Execution(replica, context.isRecovering()));
                if (replica.equals("a")) {
                    HOLD.await(2, TimeUnit.MINUTES);
                }
            } catch (SchedulerException | InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Plain JDBC connections that fail once the replica is cut off, as if its process had died. */
    public static class CuttableConnections implements ConnectionProvider {
        static final java.util.Map<String, Boolean> CUT = new java.util.concurrent.ConcurrentHashMap<>();
        static volatile String url;
        private String replica;

        public void setReplica(String replica) {
            this.replica = replica;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (CUT.getOrDefault(replica, false)) {
                throw new SQLException("replica " + replica + " is gone");
            }
            return DriverManager.getConnection(url, EmbeddedDatabase.USER, "");
        }

        @Override
        public void shutdown() {
        }

        @Override
        public void initialize() {
        }
    }

    private Path dataDir;
    private EmbeddedDatabase database;
    private final List<Scheduler> schedulers = new ArrayList<>();

    @BeforeEach
    void database() throws IOException {
        dataDir = Files.createTempDirectory("quartz-cluster-pg");
        database = EmbeddedDatabase.start(dataDir.resolve("data"), 0);
        Flyway.configure().dataSource(database.jdbcUrl(), EmbeddedDatabase.USER, "")
                .locations("classpath:db/migration").load().migrate();
        CuttableConnections.url = database.jdbcUrl();
        EXECUTIONS.clear();
    }

    @AfterEach
    void stop() throws IOException {
        HOLD.countDown();
        for (Scheduler s : schedulers) {
            try {
                s.shutdown(false);
            } catch (SchedulerException e) {
                // already gone
            }
        }
        database.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The portal's quarkus.quartz settings (test profile first), as Quartz properties. */
    private static Properties portalQuartz(String replica) {
        Properties app = new Properties();
        try (InputStream in = ClusteredSweepTest.class.getResourceAsStream("/application.properties")) {
            app.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(app.getProperty("quarkus.quartz.store-type")).isEqualTo("jdbc-tx");
        assertThat(app.getProperty("quarkus.quartz.clustered")).isEqualTo("true");
        String checkin = app.getProperty("%test.quarkus.quartz.cluster-checkin-interval",
                app.getProperty("quarkus.quartz.cluster-checkin-interval"));
        Properties q = new Properties();
        q.setProperty("org.quartz.scheduler.instanceName", app.getProperty("quarkus.quartz.instance-name"));
        // AUTO in the portal (host name and time); named here so that the test can tell the replicas apart
        q.setProperty("org.quartz.scheduler.instanceId", replica);
        q.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        q.setProperty("org.quartz.threadPool.threadCount", app.getProperty("quarkus.quartz.thread-count"));
        q.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        q.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        q.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        q.setProperty("org.quartz.jobStore.isClustered", "true");
        q.setProperty("org.quartz.jobStore.clusterCheckinInterval", checkin);
        q.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        q.setProperty("org.quartz.jobStore.useProperties", "true");
        q.setProperty("org.quartz.jobStore.misfireThreshold",
                String.valueOf(Duration.parse("PT" + app.getProperty("quarkus.quartz.misfire-threshold")
                        .toUpperCase()).toMillis()));
        // Quartz registers data sources by name JVM-wide: one name per replica keeps their connections apart
        String dataSource = "portal-" + replica;
        q.setProperty("org.quartz.jobStore.dataSource", dataSource);
        q.setProperty("org.quartz.dataSource." + dataSource + ".connectionProvider.class",
                CuttableConnections.class.getName());
        q.setProperty("org.quartz.dataSource." + dataSource + ".replica", replica);
        return q;
    }

    private Scheduler replica(String name) throws SchedulerException {
        Scheduler s = new StdSchedulerFactory(portalQuartz(name)).getScheduler();
        // Quartz keeps one scheduler per name and JVM; each replica is its own process in production, so each one
        // here is taken out of that registry to let the next be made under the same (cluster) name.
        SchedulerRepository.getInstance().remove(s.getSchedulerName());
        schedulers.add(s);
        // every replica installs the sweep at start, as the portal does
        WatchSweepJob.install(s, StandInSweep.class, Duration.ofSeconds(1));
        s.start();
        return s;
    }

    private static List<Execution> on(String replica) {
        return EXECUTIONS.stream().filter(e -> e.replica().equals(replica)).toList();
    }

    private static void waitFor(Duration limit, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(100);
        }
    }

    @Test
    void oneReplicaRunsTheSweepAndTheOtherRecoversItWhenTheFirstDiesMidJob() throws Exception {
        replica("a");
        waitFor(Duration.ofSeconds(20), () -> !on("a").isEmpty());
        assertThat(on("a")).hasSize(1);
        replica("b");
        // while a is alive and still running the sweep, b never runs it (one sweep at a time, cluster-wide)
        Thread.sleep(5000);
        assertThat(on("b")).isEmpty();
        assertThat(on("a")).hasSize(1);

        // a dies mid-job: no more check-ins, no clean shutdown
        CuttableConnections.CUT.put("a", true);
        waitFor(Duration.ofSeconds(40), () -> !on("b").isEmpty());
        assertThat(on("b")).as("b takes over once a stops checking in").isNotEmpty();
        assertThat(on("b").get(0).recovering()).as("the first run on b is the recovery of a's cut-off run")
                .isTrue();
        assertThat(on("a")).as("a's sweep ran once and was not started again").hasSize(1);
        // and the sweep keeps running on b, one at a time
        int before = on("b").size();
        waitFor(Duration.ofSeconds(10), () -> on("b").size() > before);
        assertThat(on("b").size()).isGreaterThan(before);
    }
}
