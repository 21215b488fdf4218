package org.alliancesearch.portal.search.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.connector.EventMemberOutcome;
import org.alliancesearch.connector.EventSearchRun;
import org.alliancesearch.connector.FederatedEventResult;
import org.alliancesearch.connector.FederatedResult;
import org.alliancesearch.connector.FederatedSearch;
import org.alliancesearch.connector.MemberOutcome;
import org.alliancesearch.connector.MemberRegistry;
import org.alliancesearch.connector.SearchRun;
import org.alliancesearch.model.indicator.IndicatorKey;
import org.alliancesearch.model.indicator.Indicators;
import org.alliancesearch.model.merge.IndicatorEvent;
import org.alliancesearch.model.merge.IndicatorMember;
import org.alliancesearch.model.merge.IndicatorMerger;
import org.alliancesearch.model.merge.MergeTotals;
import org.alliancesearch.model.merge.MergedIndicator;
import org.alliancesearch.model.merge.MergedResult;
import org.alliancesearch.model.merge.OrganisationClaims;
import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.misp.MispTag;
import org.alliancesearch.model.mispapi.EventMerger;
import org.alliancesearch.model.mispapi.MergedEvents;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.policy.TagFilter;
import org.alliancesearch.model.policy.TagPolicy;
import org.alliancesearch.model.result.MemberHit;
import org.alliancesearch.model.summary.SearchedValue;
import org.alliancesearch.model.summary.SightingCounts;
import org.alliancesearch.model.summary.ValueSummaries;
import org.alliancesearch.model.summary.ValueSummary;
import org.alliancesearch.portal.common.persistence.DatabaseUnavailable;
import org.alliancesearch.portal.warninglist.service.ActiveWarninglists;
import org.jboss.logging.Logger;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs federated searches for people and scripts: rate limit, the alliance policy with each member's stricter
 * overrides, the merge, and the audit row. Holds nothing between requests.
 */
@ApplicationScoped
public class SearchService {
    private static final Logger LOG = Logger.getLogger(SearchService.class);

    /** Where a search came from, as the audit trail names it. */
    public static final String SOURCE_API = "api";
    public static final String SOURCE_PAGE = "page";
    public static final String SOURCE_SAVED = "saved";
    public static final String SOURCE_EXPORT = "export";
    /** A watched saved search run in the background under its watcher. */
    public static final String SOURCE_WATCH = "watch";
    /** The MISP-compatible API ({@code /attributes/restSearch}). */
    public static final String SOURCE_MISP_API = "misp-api";

    private final FederatedSearch federated;
    private final MemberRegistry registry;
    private final SearchPolicies searchPolicies;
    private final SearchRecorder audit;
    private final SearchRateLimiter limiter;
    private final SearchSlots slots;
    private final Vertx vertx;
    private final ActiveWarninglists warninglists;
    private final SearchHistory history;
    private final IndicatorMerger merger = new IndicatorMerger();

    public SearchService(FederatedSearch federated, MemberRegistry registry, SearchPolicies searchPolicies,
            SearchRecorder audit, SearchRateLimiter limiter, SearchSlots slots,
            Vertx vertx, ActiveWarninglists warninglists, SearchHistory history) {
        this.warninglists = warninglists;
        this.history = history;
        this.federated = federated;
        this.registry = registry;
        this.searchPolicies = searchPolicies;
        this.audit = audit;
        this.limiter = limiter;
        this.slots = slots;
        this.vertx = vertx;
    }

    /**
     * Starts a search: takes one of the user's running-search slots, counts it against the user's rate limit, reads
     * the policies and asks every member. The slot is given back when the search completes or fails.
     *
     * @param savedSearchId the saved search being run, or null
     * @return fails with {@link TooManySearchesException} when the user (or this replica) runs as many searches as
     *     allowed, {@link RateLimitedException} when the user has reached the rate limit
     */
    public Uni<LiveSearch> start(PreparedSearch prepared, Searcher who, String source, UUID savedSearchId) {
        return limited(who, slot -> begin(prepared, who, source, savedSearchId, slot));
    }

    /**
     * Starts a search for whole events (MISP's {@code events/restSearch}) under the same running-search slots, rate
     * limit, policies and audit as {@link #start}: every member is asked for its events holding a searched value,
     * and their answers are merged with the alliance policy, each member's stricter policy on its own copies, the
     * creator claims checked, and {@code attributeFilter} deciding which attributes answer the search.
     *
     * @return the merged events and each member's member-facing outcome (counting only attributes shown), after the
     *     audit row is written; fails like {@link #start}
     */
    public Uni<CompletedEventSearch> startEvents(PreparedSearch prepared, Searcher who, String source,
            Predicate<MispAttribute> attributeFilter) {
        return limited(who, slot -> beginEvents(prepared, who, source, attributeFilter, slot));
    }

    /** Takes a running-search slot and counts the search against the user's rate limit, then begins it. */
    private <T> Uni<T> limited(Searcher who, Function<SearchSlots.Slot, Uni<T>> begin) {
        return Uni.createFrom().deferred(() -> {
            String key = who.subject() == null ? who.user() : who.subject();
            SearchSlots.Slot slot = slots.take(key);
            return limiter.acquire(key)
                    .flatMap(counted -> begin.apply(slot))
                    .onFailure().invoke(slot::release)
                    .onCancellation().invoke(slot::release);
        });
    }

    private Uni<CompletedEventSearch> beginEvents(PreparedSearch prepared, Searcher who, String source,
            Predicate<MispAttribute> attributeFilter, SearchSlots.Slot slot) {
        Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
        VertxContextSafetyToggle.setContextSafe(context, true);
        Executor onContext = task -> context.runOnContext(ignored -> task.run());
        return searchPolicies.current().flatMap(policy -> {
            AlliancePolicy alliance = policy.alliance();
            Map<String, AlliancePolicy> perMember = policy.perMember();
            UUID id = UUID.randomUUID();
            EventSearchRun run = federated.startEvents(prepared.query(), alliance);
            Uni<CompletedEventSearch> result = run.result()
                    // merging whole events is work for a worker thread, not the event loop
                    .emitOn(Infrastructure.getDefaultWorkerPool())
                    .map(r -> completeEvents(id, prepared, alliance, perMember, attributeFilter, r))
                    .emitOn(onContext)
                    .call(done -> recorded(id, who, source, null, prepared, done.audited()))
                    .memoize().indefinitely();
            // Completed and audited even if the client goes away before the end.
            result.subscribe().with(ignored -> slot.release(), ignored -> slot.release());
            return result;
        });
    }

    /**
     * The audit row and the history entry in one statement: one round trip per search, and a history entry only for a
     * search the audit holds. Should the pair fail, the audit row alone: the history is a convenience, the audit is
     * not, and a search it does not hold is not answered.
     */
    private Uni<Void> recorded(UUID id, Searcher who, String source, UUID savedSearchId, PreparedSearch prepared,
            CompletedSearch done) {
        Uni<Boolean> auditAlone = Uni.createFrom()
                .deferred(() -> audit.record(id, who, source, savedSearchId, prepared, done, List.of()))
                .replaceWith(false);
        Uni<Boolean> entryWritten = !history.keeps(who, source)
                ? auditAlone
                : Uni.createFrom().deferred(() -> audit.record(id, who, source, savedSearchId, prepared, done,
                        List.of(history.entry(who, source, prepared, done)))).replaceWith(true)
                        // a database out of reach would refuse the audit row alone as well, only later
                        .onFailure(e -> !DatabaseUnavailable.causedBy(e)).recoverWithUni(e -> {
                            // never the values, nor the message (a driver may quote parameters in it)
                            LOG.warnf("Search %s: its audit row and history entry could not be written together (%s);"
                                    + " writing the audit row alone", id, e.getClass().getName());
                            return auditAlone;
                        });
        return entryWritten.onFailure().transform(e -> {
            LOG.errorf("Search %s could not be audited: %s", id, e.getClass().getName());
            return new SearchNotRecordedException();
        }).call(written -> written ? history.written(who) : Uni.createFrom().voidItem()).replaceWithVoid();
    }

    static CompletedEventSearch completeEvents(UUID id, PreparedSearch prepared, AlliancePolicy alliance,
            Map<String, AlliancePolicy> perMember, Predicate<MispAttribute> attributeFilter,
            FederatedEventResult result) {
        MergedEvents merged = new EventMerger().merge(result.answers(),
                new EventMerger.Rules(alliance, perMember, prepared.query(), attributeFilter, result.alliance()));
        Map<String, MergedEvents.Tally> tallies = new HashMap<>();
        merged.tallies().forEach(t -> tallies.put(t.member().id(), t));
        Map<String, Integer> received = new HashMap<>();
        Map<String, Integer> notShown = new HashMap<>();
        List<MemberOutcome> outcomes = new ArrayList<>();
        int shownAttributes = 0;
        for (EventMemberOutcome o : result.members()) {
            MergedEvents.Tally tally = tallies.get(o.member().id());
            int shown = tally == null ? 0 : tally.attributes();
            shownAttributes += shown;
            received.merge(o.member().id(), o.attributeCount(), Integer::sum);
            if (o.attributeCount() > shown) {
                notShown.merge(o.member().id(), o.attributeCount() - shown, Integer::sum);
            }
            outcomes.add(new MemberOutcome(o.member(), o.status(), o.latencyMs(), shown, o.skipped(),
                    message(o.message(), shown), List.of()));
        }
        List<SearchResponse.Member> memberRows = outcomes.stream()
                .map(o -> new SearchResponse.Member(o.member().id(), o.member().name(), o.member().organisation(),
                        o.status().name(), o.latencyMs(), o.hitCount(), o.skipped(), o.message()))
                .toList();
        // For the audit row: events stand for indicators; what members sent but the answer does not show (hidden by
        // a policy, or in an event that does not answer the search) stands for what the policy removed.
        SearchResponse response = new SearchResponse(id.toString(), memberRows, List.of(),
                new SearchResponse.Totals(merged.events().size(), shownAttributes, 0), null);
        CompletedSearch audited = new CompletedSearch(response,
                new MergedResult(List.of(), new MergeTotals(0, 0, 0, 0)),
                outcomes, new CompletedSearch.Removed(notShown.values().stream().mapToInt(Integer::intValue).sum(),
                        notShown, received));
        return new CompletedEventSearch(merged, outcomes, audited);
    }

    private Uni<LiveSearch> begin(PreparedSearch prepared, Searcher who, String source, UUID savedSearchId,
            SearchSlots.Slot slot) {
        // Hibernate Reactive must run on a Vert.x context; member answers may complete on any thread.
        Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
        VertxContextSafetyToggle.setContextSafe(context, true);
        Executor onContext = task -> context.runOnContext(ignored -> task.run());
        return searchPolicies.current().map(policy -> {
            AlliancePolicy alliance = policy.alliance();
            Map<String, AlliancePolicy> perMember = policy.perMember();
            UUID id = UUID.randomUUID();
            int memberCount = registry.all().size();
            SearchRun run = federated.start(prepared.query(), alliance);
            Uni<CompletedSearch> result = run.result()
                    .map(federatedResult -> complete(id, prepared, alliance, perMember, federatedResult,
                            !SOURCE_MISP_API.equals(source)))
                    .emitOn(onContext)
                    .call(done -> recorded(id, who, source, savedSearchId, prepared, done))
                    .memoize().indefinitely();
            // Completed and audited even if the caller goes away before the end (a closed browser tab).
            result.subscribe().with(ignored -> slot.release(), ignored -> slot.release());
            // While the search runs, each member's status only: its raw count would tell hidden records apart.
            Multi<MemberOutcome> statuses = run.outcomes().map(o -> new MemberOutcome(o.member(), o.status(),
                    o.latencyMs(), 0, 0, message(o.message(), 0), List.of()));
            return new LiveSearch(id, memberCount, statuses, result);
        });
    }

    /**
     * @param summarise whether the answer gets its summary per searched value (a MISP-compatible pull does not show
     *     one, so it does not pay for it)
     */
    CompletedSearch complete(UUID id, PreparedSearch prepared, AlliancePolicy alliance,
            Map<String, AlliancePolicy> perMember, FederatedResult result, boolean summarise) {
        boolean stricter = result.members().stream().anyMatch(o -> !o.hits().isEmpty()
                && perMember.containsKey(o.member().id()) && !perMember.get(o.member().id()).equals(alliance));
        MergedResult merged;
        Set<String> removedByOverride = new HashSet<>();
        Map<String, Integer> removedByMember = new HashMap<>();
        List<MemberHit> all = allHits(result);
        List<MemberHit> kept;
        if (!stricter) {
            // the connector merged with the alliance policy and the query's tag filter already
            merged = result.merged();
            kept = all;
        } else {
            kept = new ArrayList<>();
            for (MemberOutcome outcome : result.members()) {
                AlliancePolicy own = perMember.get(outcome.member().id());
                if (own == null || own.equals(alliance)) {
                    kept.addAll(outcome.hits());
                    continue;
                }
                // A member's stricter override applies to its own records only.
                TagPolicy policy = TagPolicy.of(own, TagFilter.none());
                for (MemberHit hit : outcome.hits()) {
                    if (policy.verdict(tags(hit)) == TagPolicy.Verdict.KEEP) {
                        kept.add(hit);
                    } else if (removedByOverride.add(hit.member().id() + "/" + hit.attribute().uuid())) {
                        removedByMember.merge(hit.member().id(), 1, Integer::sum);
                    }
                }
            }
            // Claims are checked against every hit the members returned, before their own stricter policies.
            merged = merger.merge(kept, alliance, prepared.query(), OrganisationClaims.check(result.members().stream()
                    .map(MemberOutcome::member).toList(), all));
        }
        merged.byMember().forEach((member, tally) -> {
            if (tally.removedByPolicy() > 0) {
                removedByMember.merge(member, tally.removedByPolicy(), Integer::sum);
            }
        });
        CompletedSearch.Removed removed = new CompletedSearch.Removed(
                merged.totals().removedByPolicy() + removedByOverride.size(), removedByMember,
                result.members().stream().collect(Collectors.toMap(o -> o.member().id(), MemberOutcome::hitCount,
                        Integer::sum)));
        // Member-facing from here: only what passed the policy is counted, so that a value held only under a hidden
        // marking answers exactly like a value nobody holds.
        MergedResult shown = shown(merged);
        MergeTotals t = shown.totals();
        SearchResponse.Totals totals = new SearchResponse.Totals(t.indicators(), t.attributes(), t.duplicates());
        List<MemberOutcome> outcomes = result.members().stream()
                .map(o -> {
                    int hits = merged.tally(o.member().id()).shown();
                    return new MemberOutcome(o.member(), o.status(), o.latencyMs(), hits, o.skipped(),
                            message(o.message(), hits), List.of());
                })
                .toList();
        List<SearchResponse.Member> memberRows = outcomes.stream()
                .map(o -> new SearchResponse.Member(o.member().id(), o.member().name(), o.member().organisation(),
                        o.status().name(), o.latencyMs(), o.hitCount(), o.skipped(), o.message()))
                .toList();
        Map<IndicatorKey, String> pivots = pivotsByKey(prepared.searched());
        List<SearchResponse.Indicator> indicators = shown.indicators().stream()
                .map(i -> indicator(i, null, pivots.get(new IndicatorKey(i.family(), i.value()))))
                .toList();
        TagFilter tagFilter = new TagFilter(prepared.query().includeTags(), prepared.query().excludeTags());
        List<SearchResponse.Summary> summary = summarise
                ? summaries(ValueSummaries.summarise(prepared.searched(), shown.indicators(), warninglists.current(),
                        SightingCounts.of(kept, TagPolicy.of(alliance, tagFilter))::of,
                        Instant.now()))
                : List.of();
        KeptHits keptHits = new KeptHits(kept, all, result.members().stream().map(MemberOutcome::member).toList(),
                alliance, tagFilter);
        return new CompletedSearch(new SearchResponse(id.toString(), memberRows, indicators, totals, null, summary),
                shown,
                outcomes, removed, keptHits);
    }

    private static final Pattern KEPT = Pattern.compile("\\b\\d+ attributes kept");

    /** A member's message with the count of attributes it names replaced by the count shown. */
    static String message(String message, int shown) {
        return message == null ? null : KEPT.matcher(message).replaceAll(shown + " attributes kept");
    }

    /** The merged result without what the policy removed: its totals count the records shown, and nothing else. */
    static MergedResult shown(MergedResult merged) {
        int copies = 0;
        int duplicates = 0;
        for (MergedIndicator i : merged.indicators()) {
            copies += i.copyCount();
            duplicates += i.copyCount() - i.attributeCount();
        }
        return new MergedResult(merged.indicators(),
                new MergeTotals(merged.indicators().size(), copies, duplicates, 0));
    }

    private static List<MemberHit> allHits(FederatedResult result) {
        List<MemberHit> all = new ArrayList<>();
        result.members().forEach(o -> all.addAll(o.hits()));
        return all;
    }

    private static List<String> tags(MemberHit hit) {
        List<String> names = new ArrayList<>();
        hit.attribute().tags().stream().map(MispTag::name).forEach(names::add);
        if (hit.attribute().event() != null) {
            hit.attribute().event().tags().stream().map(MispTag::name).forEach(names::add);
        }
        return names;
    }

    /** The API form of one merged indicator. */
    public static SearchResponse.Indicator indicator(MergedIndicator i, Boolean isNew) {
        return indicator(i, isNew, null);
    }

    /** The API form of one merged indicator that may answer a pivot of a searched value. */
    public static SearchResponse.Indicator indicator(MergedIndicator i, Boolean isNew, String pivotOf) {
        List<SearchResponse.Event> events = i.events().stream().map(SearchService::event).toList();
        return new SearchResponse.Indicator(i.value(), i.family(), i.types(), i.categories(), i.organisations(),
                i.members().stream().map(IndicatorMember::name).toList(), i.tlp() == null ? null : i.tlp().tagName(),
                i.tags(), i.toIds(), i.firstSeen(), i.lastSeen(), events, isNew, i.unconfirmedOrganisations(),
                pivotOf, i.composites().stream()
                        .map(c -> new SearchResponse.Composite(c.type(), c.value(), c.half().name())).toList());
    }

    /**
     * One summary per searched value, reasons as codes (the resources put them in words), and for each indicator
     * that answers only a pivot, the searched value it was derived from.
     */
    static List<SearchResponse.Summary> summaries(List<ValueSummary> summaries) {
        return summaries.stream()
                .map(s -> new SearchResponse.Summary(s.value(), s.type(), s.found(), s.heldBy(), s.sightings(),
                        s.toIds(), s.firstSeen(), s.lastSeen(), s.warninglists(), s.score(),
                        s.reasons().stream()
                                .map(r -> new SearchResponse.Reason(r.code().name(), r.weight(), r.detail(), null))
                                .toList(),
                        s.pivotOf()))
                .toList();
    }

    /** The searched value each pivot indicator answers, by indicator key; the searcher's own values win. */
    static Map<IndicatorKey, String> pivotsByKey(List<SearchedValue> searched) {
        Map<IndicatorKey, String> pivots = new HashMap<>();
        Set<IndicatorKey> own = new HashSet<>();
        for (SearchedValue value : searched) {
            String type = value.kind().mispType();
            if (type == null) {
                continue;
            }
            IndicatorKey key = Indicators.key(type, value.value());
            if (value.isPivot()) {
                pivots.putIfAbsent(key, value.pivotOf());
            } else {
                own.add(key);
            }
        }
        own.forEach(pivots::remove);
        return pivots;
    }

    private static SearchResponse.Event event(IndicatorEvent e) {
        return new SearchResponse.Event(e.uuid(), e.info(), e.date(), e.organisation(), e.memberName(), e.url(),
                e.unconfirmedOrganisation());
    }

    /**
     * The key that identifies an indicator across runs (type family and canonical value), as HMAC under the server
     * secret.
     */
    public static String indicatorKeyHash(ValueKey key, MergedIndicator i) {
        return key.hash(i.family() + ":" + i.value());
    }
}
