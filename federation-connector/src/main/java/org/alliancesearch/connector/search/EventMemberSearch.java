package org.alliancesearch.connector.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.alliancesearch.connector.MemberMessage;
import org.alliancesearch.connector.MemberStatus;
import org.alliancesearch.connector.client.EventPageResult;
import org.alliancesearch.connector.client.ReadBudget;
import org.alliancesearch.connector.client.SearchBudget;
import org.alliancesearch.connector.client.StringCaps;
import org.alliancesearch.connector.config.ConnectorConfig;
import org.alliancesearch.connector.guard.FailureMapping;
import org.alliancesearch.connector.guard.FailureMapping.Failure;
import org.alliancesearch.connector.registry.MemberInstance;
import org.alliancesearch.model.indicator.SearchedValues;
import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.misp.MispEventDocument;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.query.MispRestSearch;
import org.alliancesearch.model.query.SearchQuery;
import org.alliancesearch.model.query.TimeWindow;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * One member's part of one event search: as {@link MemberSearch} does for attributes (every value batch, paged with
 * {@code limit}/{@code page} over events until a short page or a cap, the member's guard, its byte budget within the
 * search's, the deadline), on {@code events/restSearch}. An event comes back whole, so caps hold events and
 * attributes: events per member, attributes per member (all events together) and attributes per event
 * ({@link ConnectorConfig.Events}). An event that holds no attribute (of its own or of its objects) answering a
 * searched value ({@link SearchedValues}) is dropped and counted as skipped: one member cannot add events nobody
 * asked for. An event returned for several batches is kept once.
 *
 * <p>
 * A window search ({@link #EventMemberSearch(MemberInstance, TimeWindow, AlliancePolicy, ConnectorConfig,
 * SearchBudget)}) asks for the events changed in a time window instead of values, in one "batch" paged the same way
 * under the same caps, guard and budgets; an event whose {@code timestamp} lies outside the window (a member that
 * ignores the filter) is dropped and counted as skipped.
 */
final class EventMemberSearch {
    private final MemberInstance member;
    private final SearchQuery query;
    private final TimeWindow window;
    private final AlliancePolicy policy;
    private final SearchBodies bodies;
    private final int batchConcurrency;
    private final int maxEvents;
    private final int maxAttributes;
    private final int maxAttributesPerEvent;
    private final int limit;
    private final int maxPages;
    private final long startNanos;
    private final ReadBudget budget;
    private final StringCaps caps;

    private final List<MispEventDocument> events = new ArrayList<>();
    private final Set<String> uuids = new HashSet<>();
    private volatile SearchedValues searched;
    private int attributes;
    private int skipped;
    private int truncated;
    private Failure failure;
    private String cutMessage;
    private String capMessage;
    private String budgetMessage;

    EventMemberSearch(MemberInstance member, SearchQuery query, AlliancePolicy policy, SearchBodies bodies,
            ConnectorConfig config, SearchBudget searchBudget) {
        this(member, query, null, policy, bodies, config, searchBudget);
    }

    /** A search for the events changed in a window. */
    EventMemberSearch(MemberInstance member, TimeWindow window, AlliancePolicy policy, ConnectorConfig config,
            SearchBudget searchBudget) {
        this(member, null, window, policy, null, config, searchBudget);
    }

    private EventMemberSearch(MemberInstance member, SearchQuery query, TimeWindow window, AlliancePolicy policy,
            SearchBodies bodies, ConnectorConfig config, SearchBudget searchBudget) {
        this.member = member;
        this.query = query;
        this.window = window;
        this.policy = policy;
        this.bodies = bodies;
        this.batchConcurrency = Math.max(1, config.batchConcurrency());
        ConnectorConfig.Events e = config.events();
        this.maxEvents = Math.max(1, e.maxEventsPerMember());
        this.maxAttributes = Math.max(1, e.maxAttributesPerMember());
        this.maxAttributesPerEvent = Math.max(1, e.maxAttributesPerEvent());
        this.limit = Math.max(1, Math.min(e.pageSize(), maxEvents));
        this.maxPages = (maxEvents + limit - 1) / limit + 1;
        this.startNanos = System.nanoTime();
        this.budget = new ReadBudget(config.memberBudgetBytes(), searchBudget);
        ConnectorConfig.Strings s = config.strings();
        this.caps = new StringCaps(s.value(), s.comment(), s.eventInfo(), s.tag(), s.organisation());
    }

    Uni<EventAnswer> run() {
        if (window != null) {
            return page(List.of(), 1).map(ignored -> finish());
        }
        List<List<String>> batches;
        try {
            batches = bodies.batches(query);
        } catch (RuntimeException e) {
            return Uni.createFrom().item(answer(MemberStatus.ERROR, MemberMessage.SEARCH_NOT_SENDABLE.format()));
        }
        if (batches.isEmpty()) {
            // An empty value filter matches a member's whole database: never sent.
            return Uni.createFrom().item(answer(MemberStatus.OK, null));
        }
        List<String> values = new ArrayList<>();
        batches.forEach(values::addAll);
        searched = SearchedValues.of(values);
        return Multi.createFrom()
                .iterable(batches)
                .onItem()
                .transformToUni(batch -> page(batch, 1))
                .merge(batchConcurrency)
                .collect()
                .last()
                .map(ignored -> finish());
    }

    private Uni<Boolean> page(List<String> batch, int page) {
        int eventsLeft;
        int attributesLeft;
        synchronized (this) {
            if (capMessage != null || failure != null || cutMessage != null || budgetMessage != null) {
                return Uni.createFrom().item(Boolean.TRUE);
            }
            eventsLeft = Math.max(1, maxEvents - events.size());
            attributesLeft = Math.max(1, maxAttributes - attributes);
        }
        ObjectNode body;
        try {
            body = window != null
                    ? MispRestSearch.windowBody(window, policy, limit, page)
                    : bodies.body(query, batch, policy, limit, page);
        } catch (RuntimeException e) {
            fail(new Failure(MemberStatus.ERROR, MemberMessage.SEARCH_NOT_SENDABLE.format()));
            return Uni.createFrom().item(Boolean.TRUE);
        }
        return member.guard()
                .call(() -> member.client().searchEventsPage(body, eventsLeft, attributesLeft, maxAttributesPerEvent,
                        budget, caps))
                .onItemOrFailure()
                .transformToUni((result, error) -> {
                    if (error != null) {
                        Failure f = FailureMapping.of(error);
                        if (f.status() == MemberStatus.PARTIAL) {
                            budgetCut(f.message());
                        } else {
                            fail(f);
                        }
                        return Uni.createFrom().item(Boolean.TRUE);
                    }
                    if (accept(result) && page < maxPages) {
                        return page(batch, page + 1);
                    }
                    return Uni.createFrom().item(Boolean.TRUE);
                });
    }

    /** Keeps a page; true when the next page must be asked for. */
    private synchronized boolean accept(EventPageResult page) {
        for (MispEventDocument e : page.events()) {
            if (!answers(e)) {
                // A member speaks only to what was asked: an event holding no searched value is not taken from it.
                skipped++;
                continue;
            }
            if (uuids.contains(e.uuid())) {
                continue;
            }
            if (events.size() >= maxEvents) {
                capMessage = MemberMessage.EVENT_CAP.format(maxEvents);
                break;
            }
            uuids.add(e.uuid());
            events.add(e);
            attributes += e.attributeCount();
        }
        skipped += page.skipped();
        truncated += page.truncated();
        switch (page.cut()) {
            case BUDGET -> {
                budgetCut(page.cutMessage());
                return false;
            }
            case BYTE_CAP, MALFORMED -> {
                cutMessage = page.cutMessage();
                return false;
            }
            case RECORD_CAP -> {
                capMessage = page.cutMessage();
                return false;
            }
            default -> {
            }
        }
        boolean full = page.records() + page.serverSkipped() >= limit;
        if (full && (events.size() >= maxEvents || attributes >= maxAttributes)) {
            capMessage = events.size() >= maxEvents
                    ? MemberMessage.EVENT_CAP.format(maxEvents)
                    : MemberMessage.ATTRIBUTE_CAP.format(maxAttributes);
            return false;
        }
        return full;
    }

    private boolean answers(MispEventDocument e) {
        if (window != null) {
            return window.contains(e.timestamp());
        }
        for (MispAttribute a : e.attributes()) {
            if (searched.matches(a.type(), a.value())) {
                return true;
            }
        }
        for (var o : e.objects()) {
            for (MispAttribute a : o.attributes()) {
                if (searched.matches(a.type(), a.value())) {
                    return true;
                }
            }
        }
        return false;
    }

    private synchronized void budgetCut(String message) {
        if (budgetMessage == null) {
            budgetMessage = message;
        }
    }

    private synchronized void fail(Failure f) {
        if (failure == null) {
            failure = f;
        }
    }

    private synchronized EventAnswer finish() {
        if (budgetMessage != null) {
            return answer(MemberStatus.PARTIAL, budgetMessage + "; " + events.size() + " events kept");
        }
        if (failure != null) {
            return events.isEmpty()
                    ? answer(failure.status(), failure.message())
                    : answer(MemberStatus.PARTIAL, failure.message() + "; " + events.size() + " events kept");
        }
        if (cutMessage != null) {
            return answer(events.isEmpty() ? MemberStatus.ERROR : MemberStatus.PARTIAL, cutMessage);
        }
        if (capMessage != null) {
            return answer(MemberStatus.PARTIAL, capMessage);
        }
        return answer(MemberStatus.OK, null);
    }

    /** The answer when the search deadline passed first. */
    synchronized EventAnswer deadlineAnswer() {
        budget.stop(MemberMessage.SEARCH_DEADLINE.format());
        return events.isEmpty()
                ? answer(MemberStatus.TIMEOUT, MemberMessage.NO_ANSWER_BEFORE_DEADLINE.format())
                : answer(MemberStatus.PARTIAL, MemberMessage.DEADLINE_WHILE_PAGING.format() + MemberMessage.SEPARATOR
                        + MemberMessage.EVENTS_KEPT.format(events.size()));
    }

    /** The answer when something unexpected failed (never expected; keeps the fan-out going). */
    synchronized EventAnswer failedAnswer(Throwable t) {
        Failure f = FailureMapping.of(t);
        return answer(f.status(), f.message());
    }

    private EventAnswer answer(MemberStatus status, String message) {
        return new EventAnswer(status, message, List.copyOf(events), attributes, skipped,
                (System.nanoTime() - startNanos) / 1_000_000, truncated);
    }

    /** One member's answer to one event search. */
    record EventAnswer(MemberStatus status, String message, List<MispEventDocument> events, int attributes,
            int skipped, long durationMs, int truncated) {
    }
}
