package org.alliancesearch.connector.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.connector.EventMemberOutcome;
import org.alliancesearch.connector.EventSearchRun;
import org.alliancesearch.connector.FederatedSearch;
import org.alliancesearch.connector.MemberMessage;
import org.alliancesearch.connector.MemberOutcome;
import org.alliancesearch.connector.MemberStatus;
import org.alliancesearch.connector.SearchRun;
import org.alliancesearch.connector.client.SearchBudget;
import org.alliancesearch.connector.config.ConnectorConfig;
import org.alliancesearch.connector.registry.MemberInstance;
import org.alliancesearch.connector.registry.MemberRegistryService;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.query.SearchQuery;
import org.alliancesearch.model.query.TimeWindow;
import org.alliancesearch.model.result.MemberRef;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/**
 * Fans a search out to every enabled member at once (or {@code member-concurrency} at a time). Each member's branch
 * recovers on its own (every failure becomes a status) before the branches are combined, so one member can never fail
 * or delay the search beyond the deadline. Identical searches running at the same moment share each member's answer
 * (coalescing); optionally, complete answers are reused for a short time (cache, off by default).
 */
@ApplicationScoped
public class FederatedSearchService implements FederatedSearch {
    private static final Logger LOG = Logger.getLogger(FederatedSearchService.class);

    private final MemberRegistryService registry;
    private final SearchBodies bodies;
    private final HitMerger merger;
    private final ConnectorConfig config;
    private final ConcurrentMap<AnswerKey, InFlight> inFlight = new ConcurrentHashMap<>();
    private final AnswerCache cache;

    public FederatedSearchService(MemberRegistryService registry, SearchBodies bodies, HitMerger merger,
            ConnectorConfig config) {
        this.registry = registry;
        this.bodies = bodies;
        this.merger = merger;
        this.config = config;
        this.cache = new AnswerCache(config.cache().enabled(), config.cache().ttl().toNanos(),
                config.cache().maxEntries());
    }

    @Override
    public SearchRun start(SearchQuery query, AlliancePolicy policy) {
        long startNanos = System.nanoTime();
        long deadlineNanos = startNanos + config.deadline().toNanos();
        QueryKey key = QueryKey.of(query, policy);
        SearchBudget budget = new SearchBudget(config.searchBudgetBytes(), config.searchPageBudget());
        FanOut<MemberOutcome> branches = branches(
                member -> branch(member, key, query, policy, startNanos, deadlineNanos, budget),
                ref -> new MemberOutcome(ref, MemberStatus.DISABLED, 0, 0, 0, MemberMessage.DISABLED.format(),
                        List.of()));
        return new FederatedSearchRun(branches, policy, query, merger);
    }

    /**
     * {@inheritDoc}
     *
     * <p>
     * Every member is asked as by {@link #start} (member concurrency, deadline, one byte and page budget for the
     * search, each member's guard and byte budget); answers are neither coalesced nor cached.
     */
    @Override
    public EventSearchRun startEvents(SearchQuery query, AlliancePolicy policy) {
        long startNanos = System.nanoTime();
        long deadlineNanos = startNanos + config.deadline().toNanos();
        SearchBudget budget = new SearchBudget(config.searchBudgetBytes(), config.searchPageBudget());
        return new FederatedEventSearchRun(branches(
                member -> eventBranch(member,
                        () -> new EventMemberSearch(member, query, policy, bodies, config, budget), startNanos,
                        deadlineNanos),
                ref -> new EventMemberOutcome(ref, MemberStatus.DISABLED, 0, 0, 0, 0, MemberMessage.DISABLED.format(),
                        List.of(), 0)));
    }

    /**
     * {@inheritDoc}
     *
     * <p>
     * Asked as by {@link #startEvents}; answers are neither coalesced nor cached.
     */
    @Override
    public EventSearchRun startWindow(TimeWindow window, AlliancePolicy policy) {
        long startNanos = System.nanoTime();
        long deadlineNanos = startNanos + config.deadline().toNanos();
        SearchBudget budget = new SearchBudget(config.searchBudgetBytes(), config.searchPageBudget());
        return new FederatedEventSearchRun(branches(
                member -> eventBranch(member, () -> new EventMemberSearch(member, window, policy, config, budget),
                        startNanos, deadlineNanos),
                ref -> new EventMemberOutcome(ref, MemberStatus.DISABLED, 0, 0, 0, 0, MemberMessage.DISABLED.format(),
                        List.of(), 0)));
    }

    /** One branch per member: enabled members are asked (at most {@code member-concurrency} at a time). */
    private <T> FanOut<T> branches(Function<MemberInstance, Uni<T>> branch, Function<MemberRef, T> disabled) {
        List<Supplier<Uni<T>>> branches = new ArrayList<>();
        for (MemberInstance member : registry.instances()) {
            if (!member.endpoint().enabled()) {
                T outcome = disabled.apply(member.endpoint().ref());
                branches.add(() -> Uni.createFrom().item(outcome));
            } else {
                branches.add(() -> branch.apply(member));
            }
        }
        return new FanOut<>(branches, config.memberConcurrency());
    }

    private Uni<EventMemberOutcome> eventBranch(MemberInstance member,
            java.util.function.Supplier<EventMemberSearch> searches, long startNanos, long deadlineNanos) {
        MemberRef ref = member.endpoint().ref();
        if (System.nanoTime() >= deadlineNanos) {
            return Uni.createFrom().item(new EventMemberOutcome(ref, MemberStatus.TIMEOUT,
                    (System.nanoTime() - startNanos) / 1_000_000, 0, 0, 0, "not asked before the search deadline",
                    List.of(), 0));
        }
        EventMemberSearch search = searches.get();
        return search.run()
                .ifNoItem()
                .after(remaining(deadlineNanos))
                .recoverWithItem(search::deadlineAnswer)
                .onFailure()
                .recoverWithItem(search::failedAnswer)
                .invoke(a -> {
                    member.recordAnswer(a.status(), a.message(), a.durationMs());
                    LOG.debugf("member %s answered the event search %s in %d ms: %d events, %d skipped%s",
                            member.id(), a.status(), a.durationMs(), a.events().size(), a.skipped(),
                            a.message() == null ? "" : " (" + a.message() + ")");
                })
                .map(a -> new EventMemberOutcome(ref, a.status(), (System.nanoTime() - startNanos) / 1_000_000,
                        a.events().size(), a.attributes(), a.skipped(), a.message(), a.events(), a.truncated()));
    }

    /** Number of member answers in flight (for tests and diagnostics). */
    int inFlightCount() {
        return inFlight.size();
    }

    private Uni<MemberOutcome> branch(MemberInstance member, QueryKey key, SearchQuery query, AlliancePolicy policy,
            long startNanos, long deadlineNanos, SearchBudget budget) {
        MemberRef ref = member.endpoint().ref();
        if (System.nanoTime() >= deadlineNanos) {
            // Only when members wait their turn (member-concurrency): this one's turn came after the deadline.
            return Uni.createFrom().item(new MemberOutcome(ref, MemberStatus.TIMEOUT,
                    (System.nanoTime() - startNanos) / 1_000_000, 0, 0, "not asked before the search deadline",
                    List.of()));
        }
        AnswerKey answerKey = new AnswerKey(member, key);
        Uni<MemberAnswer> answer = cache.get(answerKey)
                .map(a -> Uni.createFrom().item(a))
                .orElseGet(() -> {
                    InFlight f = inFlight.computeIfAbsent(answerKey,
                            k -> newInFlight(k, member, query, policy, deadlineNanos, budget));
                    return f.answer()
                            .ifNoItem()
                            .after(remaining(deadlineNanos))
                            .recoverWithItem(f.search()::deadlineAnswer);
                });
        return answer.onFailure()
                .recoverWithItem(t -> new MemberAnswer(MemberStatus.ERROR, "internal error", List.of(), 0, 0))
                .map(a -> new MemberOutcome(ref, a.status(), (System.nanoTime() - startNanos) / 1_000_000,
                        a.hits().size(), a.skipped(), a.message(), a.hits(), a.truncated()));
    }

    private InFlight newInFlight(AnswerKey key, MemberInstance member, SearchQuery query, AlliancePolicy policy,
            long deadlineNanos, SearchBudget budget) {
        // A search joining one already running for the same member shares its answer, read within the budget of the
        // search that started it.
        MemberSearch search = new MemberSearch(member, query, policy, bodies, config, deadlineNanos, budget);
        InFlight[] self = new InFlight[1];
        Uni<MemberAnswer> shared = search.run()
                .ifNoItem()
                .after(remaining(deadlineNanos))
                .recoverWithItem(search::deadlineAnswer)
                .onFailure()
                .recoverWithItem(search::failedAnswer)
                .invoke(a -> {
                    member.recordAnswer(a.status(), a.message(), a.durationMs());
                    if (a.status() == MemberStatus.OK) {
                        cache.put(key, a);
                    }
                    LOG.debugf("member %s answered %s in %d ms: %d attributes, %d skipped%s", member.id(), a.status(),
                            a.durationMs(), a.hits().size(), a.skipped(),
                            a.message() == null ? "" : " (" + a.message() + ")");
                })
                .onTermination()
                .invoke(() -> inFlight.remove(key, self[0]))
                .memoize()
                .indefinitely();
        self[0] = new InFlight(search, shared);
        return self[0];
    }

    private static Duration remaining(long deadlineNanos) {
        return Duration.ofNanos(Math.max(1_000_000, deadlineNanos - System.nanoTime()));
    }

    private record InFlight(MemberSearch search, Uni<MemberAnswer> answer) {
    }
}
