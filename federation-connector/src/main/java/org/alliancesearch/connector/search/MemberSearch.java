package org.alliancesearch.connector.search;

import java.util.ArrayList;
import java.util.List;

import org.alliancesearch.connector.MemberMessage;
import org.alliancesearch.connector.MemberStatus;
import org.alliancesearch.connector.client.PageResult;
import org.alliancesearch.connector.client.ReadBudget;
import org.alliancesearch.connector.client.SearchBudget;
import org.alliancesearch.connector.client.StringCaps;
import org.alliancesearch.connector.config.ConnectorConfig;
import org.alliancesearch.connector.guard.FailureMapping;
import org.alliancesearch.connector.guard.FailureMapping.Failure;
import org.alliancesearch.connector.registry.MemberInstance;
import org.alliancesearch.model.indicator.SearchedValues;
import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.query.SearchQuery;
import org.alliancesearch.model.result.MemberHit;
import org.alliancesearch.model.result.MemberRef;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * One member's part of one search: every value batch (a few at a time), each paged with {@code limit}/{@code page}
 * until a short page or the result cap. {@code X-Result-Count} is not a total, so only the size of a page decides; a
 * page shortened by the member's warninglists ({@code X-Skipped-Elements-Count}) still counts as full. What was read
 * is kept when a later call fails, the cap is hit or the deadline passes (status PARTIAL). A record whose value (or
 * either half of a composite value) answers none of the searched values ({@link SearchedValues}) is dropped and
 * counted as skipped: one member cannot add values to an answer.
 */
final class MemberSearch {
    private final MemberInstance member;
    private final SearchQuery query;
    private final AlliancePolicy policy;
    private final SearchBodies bodies;
    private final int batchConcurrency;
    private final int cap;
    private final int limit;
    private final int maxPages;
    private final long startNanos;
    private final long deadlineNanos;
    private final MemberRef ref;
    private final ReadBudget budget;
    private final StringCaps caps;

    private final List<MemberHit> hits = new ArrayList<>();
    /** What the member may answer with: the searched values (set when the batches are made). */
    private volatile SearchedValues searched;
    // The searched values, type and value of the last record checked, and the verdict (answersTheSearch).
    private SearchedValues lastSearched;
    private String lastType;
    private String lastValue;
    private boolean lastAnswers;
    private int skipped;
    private Failure failure;
    private String cutMessage;
    private boolean capped;
    private String budgetMessage;
    private int truncated;

    MemberSearch(MemberInstance member, SearchQuery query, AlliancePolicy policy, SearchBodies bodies,
            ConnectorConfig config, long deadlineNanos, SearchBudget searchBudget) {
        this.member = member;
        this.query = query;
        this.policy = policy;
        this.bodies = bodies;
        this.batchConcurrency = Math.max(1, config.batchConcurrency());
        int c = Math.max(1, config.maxResultsPerMember());
        if (query.limitPerMember() != null && query.limitPerMember() > 0) {
            c = Math.min(c, query.limitPerMember());
        }
        this.cap = c;
        this.limit = Math.max(1, Math.min(config.pageSize(), c));
        this.maxPages = (cap + limit - 1) / limit + 1;
        this.startNanos = System.nanoTime();
        this.deadlineNanos = deadlineNanos;
        this.ref = member.endpoint().ref();
        this.budget = new ReadBudget(config.memberBudgetBytes(), searchBudget);
        ConnectorConfig.Strings s = config.strings();
        this.caps = new StringCaps(s.value(), s.comment(), s.eventInfo(), s.tag(), s.organisation());
    }

    Uni<MemberAnswer> run() {
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
        synchronized (this) {
            if (hits.size() >= cap || failure != null || cutMessage != null || budgetMessage != null) {
                return Uni.createFrom().item(Boolean.TRUE);
            }
        }
        int remaining = remaining();
        ObjectNode body;
        try {
            body = bodies.body(query, batch, policy, limit, page);
        } catch (RuntimeException e) {
            // Not the member's fault: never counted by its circuit breaker.
            fail(new Failure(MemberStatus.ERROR, MemberMessage.SEARCH_NOT_SENDABLE.format()));
            return Uni.createFrom().item(Boolean.TRUE);
        }
        return member.guard()
                .call(() -> member.client().searchPage(body, remaining, budget, caps))
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

    private synchronized int remaining() {
        return Math.max(1, cap - hits.size());
    }

    /** Keeps a page; true when the next page must be asked for. */
    private synchronized boolean accept(PageResult page) {
        for (MispAttribute a : page.attributes()) {
            if (hits.size() >= cap) {
                capped = true;
                break;
            }
            if (!answersTheSearch(a)) {
                // A member speaks only to what was asked: a value nobody searched is not taken from it.
                skipped++;
                continue;
            }
            hits.add(new MemberHit(ref, a));
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
                capped = true;
                return false;
            }
            default -> {
            }
        }
        boolean full = page.records() + page.serverSkipped() >= limit;
        if (full && hits.size() >= cap) {
            capped = true;
            return false;
        }
        return full;
    }

    /**
     * Whether the record answers the search: the last record's verdict when it has the same type and value, the same
     * strings (a member's records mostly repeat them, and the reader shares equal strings between records).
     */
    private boolean answersTheSearch(MispAttribute a) {
        SearchedValues values = searched;
        String type = a.type();
        String value = a.value();
        if (value == null || value != lastValue || type != lastType || values != lastSearched) {
            lastAnswers = values.matches(type, value);
            lastSearched = values;
            lastType = type;
            lastValue = value;
        }
        return lastAnswers;
    }

    /** A budget of the search is used up: the member stops with what it sent (PARTIAL, never an error). */
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

    private synchronized MemberAnswer finish() {
        if (budgetMessage != null) {
            return answer(MemberStatus.PARTIAL, budgetMessage + "; " + hits.size() + " attributes kept");
        }
        if (failure != null) {
            return hits.isEmpty()
                    ? answer(failure.status(), failure.message())
                    : answer(MemberStatus.PARTIAL, failure.message() + MemberMessage.SEPARATOR
                            + MemberMessage.ATTRIBUTES_KEPT.format(hits.size()));
        }
        if (cutMessage != null) {
            return answer(hits.isEmpty() ? MemberStatus.ERROR : MemberStatus.PARTIAL, cutMessage);
        }
        if (capped) {
            return answer(MemberStatus.PARTIAL, MemberMessage.ATTRIBUTE_CAP.format(cap));
        }
        return answer(MemberStatus.OK, null);
    }

    /** The answer when the search deadline passed first. */
    synchronized MemberAnswer deadlineAnswer() {
        // Every exchange still open with the member is reset: nothing of it outlives the search.
        budget.stop(MemberMessage.SEARCH_DEADLINE.format());
        return hits.isEmpty()
                ? answer(MemberStatus.TIMEOUT, MemberMessage.NO_ANSWER_BEFORE_DEADLINE.format())
                : answer(MemberStatus.PARTIAL, MemberMessage.DEADLINE_WHILE_PAGING.format() + MemberMessage.SEPARATOR
                        + MemberMessage.ATTRIBUTES_KEPT.format(hits.size()));
    }

    /** The answer when something unexpected failed (never expected; keeps the fan-out going). */
    synchronized MemberAnswer failedAnswer(Throwable t) {
        Failure f = FailureMapping.of(t);
        return answer(f.status(), f.message());
    }

    private MemberAnswer answer(MemberStatus status, String message) {
        return new MemberAnswer(status, message, hits, skipped, (System.nanoTime() - startNanos) / 1_000_000,
                truncated);
    }

    long deadlineNanos() {
        return deadlineNanos;
    }
}
