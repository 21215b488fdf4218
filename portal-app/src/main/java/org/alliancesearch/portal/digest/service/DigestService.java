package org.alliancesearch.portal.digest.service;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.connector.EventMemberOutcome;
import org.alliancesearch.connector.FederatedEventResult;
import org.alliancesearch.connector.FederatedSearch;
import org.alliancesearch.connector.MemberStatus;
import org.alliancesearch.model.digest.Digest;
import org.alliancesearch.model.digest.DigestBuilder;
import org.alliancesearch.model.digest.MemberWindow;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.query.TimeWindow;
import org.alliancesearch.portal.changelog.service.ChangeLog;
import org.alliancesearch.portal.digest.persistence.DigestRepository;
import org.alliancesearch.portal.digest.persistence.WeeklyDigestRow;
import org.alliancesearch.portal.member.service.MemberService;
import org.alliancesearch.portal.policy.service.PolicyService;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Builds, stores and reads the alliance's weekly digest. A build asks every enabled member for the events changed in
 * the window ({@link FederatedSearch#startWindow}: the searches' timeouts, byte budgets and circuit breakers), then
 * counts under the alliance policy of the moment and each member's stricter policy ({@link DigestBuilder}); a member
 * that fails is named in the digest and counts for nothing, it never fails the build. The latest build of each week
 * replaces the week's row.
 */
@ApplicationScoped
public class DigestService {
    private static final Logger LOG = Logger.getLogger(DigestService.class);

    private final FederatedSearch federated;
    private final PolicyService policies;
    private final MemberService members;
    private final DigestRepository repository;
    private final DigestConfig config;
    private final Vertx vertx;
    private final ObjectMapper json;
    private final ChangeLog audit;

    public DigestService(FederatedSearch federated, PolicyService policies, MemberService members,
            DigestRepository repository, DigestConfig config, Vertx vertx, ObjectMapper mapper, ChangeLog audit) {
        this.audit = audit;
        this.federated = federated;
        this.policies = policies;
        this.members = members;
        this.repository = repository;
        this.config = config;
        this.vertx = vertx;
        // a digest stored by an older version may hold fields this one no longer has
        this.json = mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    public DigestConfig config() {
        return config;
    }

    /** Builds the digest of the window ending now and stores it as this week's. */
    public Uni<StoredDigest> rebuild() {
        return rebuild(Instant.now());
    }

    /** An administrator's rebuild: as {@link #rebuild()}, and audited (the week, the counts, who asked). */
    public Uni<StoredDigest> rebuildOnDemand() {
        return rebuild().call(stored -> io.quarkus.hibernate.reactive.panache.Panache.withTransaction(
                () -> audit.record("digest.rebuild", "digest", stored.weekStart().toString(), null,
                        Map.of("indicators", stored.digest().indicatorCount(), "membersFailed",
                                stored.digest().failedMembers().size()))));
    }

    /** Builds the digest of the window ending at {@code end} and stores it as the digest of that week. */
    public Uni<StoredDigest> rebuild(Instant end) {
        Executor onContext = onContext();
        TimeWindow window = TimeWindow.ending(end, config.window());
        return Uni.createFrom().voidItem().emitOn(onContext)
                .flatMap(ignored -> policies.current())
                .flatMap(alliance -> members.effectivePolicies(alliance)
                        .flatMap(perMember -> federated.startWindow(window, alliance).result()
                                // counting whole events is work for a worker thread, not the event loop
                                .emitOn(Infrastructure.getDefaultWorkerPool())
                                .map(result -> build(window, end, alliance, perMember, result))))
                .emitOn(onContext)
                .flatMap(this::store);
    }

    Digest build(TimeWindow window, Instant builtAt, AlliancePolicy alliance, Map<String, AlliancePolicy> perMember,
            FederatedEventResult result) {
        List<MemberWindow> answers = new ArrayList<>();
        for (EventMemberOutcome o : result.members()) {
            if (o.status() == MemberStatus.DISABLED) {
                continue;
            }
            boolean failed = o.status() != MemberStatus.OK;
            answers.add(new MemberWindow(o.member(), o.status().name(), failed, failed ? o.message() : null,
                    o.events()));
        }
        return new DigestBuilder(config.maxIndicators(), config.maxRanked()).build(window, builtAt, answers, alliance,
                perMember);
    }

    private Uni<StoredDigest> store(Digest digest) {
        WeeklyDigestRow row = new WeeklyDigestRow();
        row.weekStart = weekOf(digest.window().to());
        row.windowFrom = digest.window().from().atOffset(ZoneOffset.UTC);
        row.windowTo = digest.window().to().atOffset(ZoneOffset.UTC);
        row.builtAt = digest.builtAt().atOffset(ZoneOffset.UTC);
        row.membersAsked = digest.members().size();
        row.membersFailed = digest.failedMembers().size();
        try {
            row.failedMembers = json.writeValueAsString(digest.failedMembers());
            row.body = json.writeValueAsString(digest);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("digest not writable as JSON", e));
        }
        return repository.upsert(row).map(stored -> {
            LOG.infof("Weekly digest of %s built: %d shared indicators, %d of %d members failed%s", row.weekStart,
                    digest.indicatorCount(), row.membersFailed, row.membersAsked,
                    stored == 0 ? " (a later build of the week was kept)" : "");
            return new StoredDigest(row.weekStart, digest);
        });
    }

    /** The latest stored digest, if any was built (callable from any thread: a mailer's too). */
    public Uni<Optional<StoredDigest>> latest() {
        return Uni.createFrom().voidItem().emitOn(onContext())
                .flatMap(ignored -> repository.latest())
                .map(row -> Optional.ofNullable(row).map(this::read));
    }

    /** The stored digest of one week (the Monday, UTC), if it was built and is still kept. */
    public Uni<Optional<StoredDigest>> week(LocalDate weekStart) {
        return Uni.createFrom().voidItem().emitOn(onContext())
                .flatMap(ignored -> io.quarkus.hibernate.reactive.panache.Panache
                        .withSession(() -> repository.findById(weekStart)))
                .map(row -> Optional.ofNullable(row).map(this::read));
    }

    /**
     * Runs on a Vert.x context, which Hibernate Reactive needs: the caller may be a scheduler or a worker thread, and
     * member answers complete on any thread.
     */
    private Executor onContext() {
        Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
        VertxContextSafetyToggle.setContextSafe(context, true);
        return task -> context.runOnContext(ignored -> task.run());
    }

    private StoredDigest read(WeeklyDigestRow row) {
        try {
            return new StoredDigest(row.weekStart, json.readValue(row.body, Digest.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored digest of " + row.weekStart + " is not readable", e);
        }
    }

    /** The Monday (UTC) of the week an instant falls in: the key of that week's digest. */
    public static LocalDate weekOf(Instant t) {
        return t.atZone(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
