package org.alliancesearch.portal.sighting.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.connector.SightingResult;
import org.alliancesearch.connector.SightingSender;
import org.alliancesearch.model.indicator.CompositeHalf;
import org.alliancesearch.model.indicator.IndicatorKey;
import org.alliancesearch.model.indicator.Indicators;
import org.alliancesearch.model.mispapi.AllianceAttribute;
import org.alliancesearch.model.mispapi.AllianceMerge;
import org.alliancesearch.model.result.MemberRef;
import org.alliancesearch.model.summary.SearchedValue;
import org.alliancesearch.portal.changelog.service.ChangeLog;
import org.alliancesearch.portal.common.problem.CodedProblem;
import org.alliancesearch.portal.common.problem.FieldProblem;
import org.alliancesearch.portal.common.problem.Reason;
import org.alliancesearch.portal.search.service.CompletedSearch;
import org.alliancesearch.portal.search.service.KeptHits;
import org.alliancesearch.portal.search.service.PreparedSearch;
import org.alliancesearch.portal.search.service.SearchRequest;
import org.alliancesearch.portal.search.service.SearchService;
import org.alliancesearch.portal.search.service.SearchValidation;
import org.alliancesearch.portal.search.service.Searcher;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * "We saw this too": a sighting of one merged indicator's records, sent to the members holding them.
 * <p>
 * Nothing the caller names is trusted beyond the indicator itself: which members hold which attribute uuid comes from
 * a fresh federated search of the value under the caller's identity and the alliance policy of the moment (rate limit,
 * running-search slots and search audit included, source {@value #SOURCE}). A record the policy hides from the caller
 * is not among the records shown and is sent to nobody; a record nobody may see answers 404 like a record nobody
 * holds. Of the holders, only members that opted in are sent to; each send goes through the member's guard. The
 * result, without the value, is written to the admin change log.
 */
@ApplicationScoped
public class SightingService {
    /** No record of the indicator is visible to the caller (404). */
    public static final String NOTHING_TO_SIGHT = "sighting.nothing-to-sight";
    public static final String VALUE_REQUIRED = "sighting.value-required";
    public static final String FAMILY_INVALID = "sighting.family-invalid";

    private static final Logger LOG = Logger.getLogger(SightingService.class);
    /** The source the search audit names the fresh search with. */
    public static final String SOURCE = "sighting";
    /** The change log's action for one sighting request. */
    static final String ACTION = "sighting.send";
    private static final Pattern FAMILY = Pattern.compile("[a-z0-9][a-z0-9|_-]{0,63}");

    private final SearchService search;
    private final SightingSettings settings;
    private final SightingSender sender;
    private final ChangeLog changes;
    private final SightingConfig config;
    private final Vertx vertx;

    public SightingService(SearchService search, SightingSettings settings, SightingSender sender, ChangeLog changes,
            SightingConfig config, Vertx vertx) {
        this.search = search;
        this.settings = settings;
        this.sender = sender;
        this.changes = changes;
        this.config = config;
        this.vertx = vertx;
    }

    /**
     * Validates the indicator, finds its holders by a fresh search as {@code who}, and sends to those that opted in.
     *
     * @param family the indicator's type family as a search result names it ({@code ip}, {@code domain}, …), or null
     *        for the family of the value's detected type
     * @throws CodedProblem 400 for a bad value or family, 404 when no record of it is visible to the caller; the
     *         search's own refusals (429 rate limit, 503) as {@code SearchRefusedException}
     */
    public Uni<SightingReport> send(Searcher who, String family, String value) {
        return Uni.createFrom().deferred(() -> {
            PreparedSearch prepared = prepare(family, value);
            SearchedValue searched = prepared.searched().get(0);
            IndicatorKey detected = Indicators.key(searched.kind().mispType(), searched.value());
            IndicatorKey target = family == null || family.isBlank()
                    ? detected
                    : new IndicatorKey(family.strip(), detected.value());
            // The database is used on this request's context; member answers may complete on any thread.
            Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
            VertxContextSafetyToggle.setContextSafe(context, true);
            Executor onContext = task -> context.runOnContext(ignored -> task.run());
            return settings.enabledMembers()
                    .flatMap(optedIn -> search.start(prepared, who, SOURCE, null)
                            .flatMap(live -> live.result())
                            // merging a large answer is work for a worker thread, not the event loop
                            .emitOn(Infrastructure.getDefaultWorkerPool())
                            .flatMap(done -> {
                                Map<MemberRef, Set<String>> holders = holders(done.kept(), target);
                                if (holders.isEmpty()) {
                                    return Uni.createFrom().failure(CodedProblem.notFound(
                                            Reason.of(NOTHING_TO_SIGHT)));
                                }
                                return sendAll(done, target, source(who), holders, optedIn);
                            }))
                    .emitOn(onContext)
                    .call(report -> audit(who, report));
        });
    }

    static PreparedSearch prepare(String family, String value) {
        if (value == null || value.isBlank()) {
            throw CodedProblem.invalid(Reason.of(VALUE_REQUIRED),
                    List.of(new FieldProblem("indicator.value", "required", Reason.of(VALUE_REQUIRED))));
        }
        if (family != null && !family.isBlank() && !FAMILY.matcher(family.strip()).matches()) {
            throw CodedProblem.invalid(Reason.of(FAMILY_INVALID),
                    List.of(new FieldProblem("indicator.family", "invalid", Reason.of(FAMILY_INVALID))));
        }
        return SearchValidation.prepare(new SearchRequest(List.of(value), null, null, null, null, null, null, null));
    }

    /**
     * The records of the indicator the caller is shown, by holding member: the search's hits after each member's
     * stricter policy, then the alliance policy and the creator checks by the rules of the portal's own merge
     * ({@link AllianceMerge}), of which those filed under the indicator: its own records, and composites with a half
     * that is the indicator.
     */
    static Map<MemberRef, Set<String>> holders(KeptHits kept, IndicatorKey target) {
        Map<MemberRef, Set<String>> holders = new LinkedHashMap<>();
        for (AllianceAttribute a : AllianceMerge.merge(kept.hits(), kept.alliance(), kept.filter(), kept.claims())) {
            String uuid = a.attribute().uuid();
            if (uuid == null || uuid.isBlank() || !filedUnder(a, target)) {
                continue;
            }
            for (MemberRef holder : a.holders()) {
                holders.computeIfAbsent(holder, k -> new LinkedHashSet<>()).add(uuid.strip().toLowerCase(Locale.ROOT));
            }
        }
        return holders;
    }

    private static boolean filedUnder(AllianceAttribute a, IndicatorKey target) {
        String type = a.attribute().type() == null ? "" : a.attribute().type();
        String value = a.attribute().value() == null ? "" : a.attribute().value();
        if (Indicators.key(type, value).equals(target)) {
            return true;
        }
        return Indicators.isComposite(type, value) && (target.equals(Indicators.halfKey(type, value,
                CompositeHalf.LEFT)) || target.equals(Indicators.halfKey(type, value, CompositeHalf.RIGHT)));
    }

    private Uni<SightingReport> sendAll(CompletedSearch done, IndicatorKey target, String source,
            Map<MemberRef, Set<String>> holders, Set<String> optedIn) {
        List<MemberRef> members = new ArrayList<>(holders.keySet());
        members.sort(Comparator.comparing(MemberRef::name).thenComparing(MemberRef::id));
        record Send(MemberRef member, String uuid) {
        }
        List<Send> sends = new ArrayList<>();
        int room = Math.max(1, config.maxRecords());
        for (MemberRef m : members) {
            if (optedIn.contains(m.id())) {
                for (String uuid : holders.get(m)) {
                    if (sends.size() < room) {
                        sends.add(new Send(m, uuid));
                    }
                }
            }
        }
        Uni<List<Map.Entry<Send, SightingResult>>> results = sends.isEmpty()
                ? Uni.createFrom().item(List.of())
                : Multi.createFrom().iterable(sends)
                        .onItem().transformToUni(s -> sender.send(s.member().id(), s.uuid(), source)
                                .map(r -> Map.entry(s, r)))
                        .merge(Math.max(1, config.concurrency()))
                        .collect().asList();
        return results.map(list -> {
            Map<String, List<SightingReport.RecordSighting>> byMember = new LinkedHashMap<>();
            for (Map.Entry<Send, SightingResult> e : list) {
                byMember.computeIfAbsent(e.getKey().member().id(), k -> new ArrayList<>())
                        .add(new SightingReport.RecordSighting(e.getKey().uuid(), outcome(e.getValue()),
                                e.getValue().reason()));
            }
            List<SightingReport.MemberSighting> rows = new ArrayList<>();
            for (MemberRef m : members) {
                if (!optedIn.contains(m.id())) {
                    rows.add(new SightingReport.MemberSighting(m.id(), m.name(), m.organisation(),
                            SightingOutcome.SKIPPED, List.of()));
                    continue;
                }
                List<SightingReport.RecordSighting> records = byMember.getOrDefault(m.id(), List.of());
                records = records.stream().sorted(Comparator.comparing(SightingReport.RecordSighting::attributeUuid))
                        .toList();
                rows.add(new SightingReport.MemberSighting(m.id(), m.name(), m.organisation(), worst(records),
                        records));
            }
            return new SightingReport(done.response().searchId(), target.family(), target.value(), source, rows);
        });
    }

    private static SightingOutcome outcome(SightingResult r) {
        return switch (r.outcome()) {
            case OK -> SightingOutcome.SENT;
            case REFUSED -> SightingOutcome.REFUSED;
            case FAILED -> SightingOutcome.FAILED;
        };
    }

    /** FAILED before REFUSED before SENT; a member with no record sent (over the request's limit) failed. */
    static SightingOutcome worst(List<SightingReport.RecordSighting> records) {
        if (records.isEmpty()) {
            return SightingOutcome.FAILED;
        }
        SightingOutcome worst = SightingOutcome.SENT;
        for (SightingReport.RecordSighting r : records) {
            if (r.outcome() == SightingOutcome.FAILED) {
                return SightingOutcome.FAILED;
            }
            if (r.outcome() == SightingOutcome.REFUSED) {
                worst = SightingOutcome.REFUSED;
            }
        }
        return worst;
    }

    /** The portal's name; with the sender's organisation only where configured; never the user. */
    String source(Searcher who) {
        String source = config.source().strip();
        if (config.nameOrganisation() && who.organisation() != null && !who.organisation().isBlank()) {
            return source + " / " + who.organisation().strip();
        }
        return source;
    }

    /** The change log row: who, the search (its audit row holds the value's hash), each member's result per record. */
    private Uni<Void> audit(Searcher who, SightingReport report) {
        List<Map<String, Object>> members = report.members().stream().map(m -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("member", m.memberId());
            row.put("outcome", m.outcome().name());
            row.put("records", m.records().stream().map(r -> {
                Map<String, Object> rec = new LinkedHashMap<>();
                rec.put("uuid", r.attributeUuid());
                rec.put("outcome", r.outcome().name());
                if (r.reason() != null) {
                    rec.put("reason", r.reason());
                }
                return rec;
            }).toList());
            return (Map<String, Object>) row;
        }).toList();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("family", report.family());
        after.put("source", report.source());
        after.put("members", members);
        return Panache.withTransaction(() -> changes.recordAs(who.user(), who.organisation(), ACTION, "search",
                report.searchId(), null, after))
                // the sightings are sent already: the caller still learns what became of them
                .onFailure().invoke(e -> LOG.errorf("Sightings of search %s could not be audited: %s",
                        report.searchId(), e.getClass().getName()))
                .onFailure().recoverWithNull();
    }
}
