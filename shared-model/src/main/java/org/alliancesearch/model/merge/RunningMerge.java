package org.alliancesearch.model.merge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.alliancesearch.model.indicator.SearchedValues;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.policy.TagFilter;
import org.alliancesearch.model.policy.TagPolicy;
import org.alliancesearch.model.result.MemberHit;
import org.alliancesearch.model.result.MemberRef;

/**
 * A merge that reads each member's answer as it arrives, so that what is left once the slowest member has answered is
 * the creator claims and the result, not the reading of every hit. {@link #finish} gives what
 * {@link IndicatorMerger#merge(Collection, AlliancePolicy, TagFilter, OrganisationClaims, SearchedValues)} gives for
 * all the answers, with the claims checked over them, whatever order they came in.
 *
 * <p>
 * Answers are read as if every creator claim stood, which is what claims come to unless some record names another
 * alliance member's organisation as its creator (a synchronised copy, or a forgery); the claims can only be checked once
 * every answer is in, and when they find such a record, {@link #finish} merges all the answers again with them. Answers
 * may be added from any thread (one at a time is read); {@link #finish} is called once, after the last.
 */
public final class RunningMerge {
    /**
     * The most hits the tables start sized for (a first answer times the members asked); beyond it they grow. Growing a
     * table of hundreds of thousands of hits rehashes it at random: with a bound of 65,536, scenario 5 of the benchmarks
     * (10 × 50,000 hits) took 8.5 s instead of 6.6 s (docs/benchmarks.md, seventh round).
     */
    static final int MAX_EXPECTED_HITS = 1 << 20;

    private final AlliancePolicy policy;
    private final TagFilter filter;
    private final TagPolicy tagPolicy;
    private final SearchedValues searched;
    private final int expectedAnswers;
    private final List<Collection<MemberHit>> answers = new ArrayList<>();
    private int hitCount;
    private HitReader read;
    /** Why an answer could not be read: the merge is then spoilt and {@link #finish} throws it. */
    private RuntimeException failure;
    private boolean finished;

    /**
     * @param policy the alliance policy; null is {@link AlliancePolicy#defaults()}
     * @param filter the search's tag filter
     * @param searched the searched values (composites are filed under the halves they ask for), or null
     * @param expectedAnswers how many answers will come (the members asked), to size the tables
     */
    RunningMerge(AlliancePolicy policy, TagFilter filter, SearchedValues searched, int expectedAnswers) {
        this.policy = policy == null ? AlliancePolicy.defaults() : policy;
        this.filter = filter == null ? TagFilter.none() : filter;
        this.tagPolicy = TagPolicy.of(this.policy, this.filter);
        this.searched = searched;
        this.expectedAnswers = Math.max(1, expectedAnswers);
    }

    /**
     * Reads one member's answer. Should reading it fail (a record the merge cannot handle), the merge is spoilt and
     * {@link #finish} throws why, so that the caller can tell which member's records break it.
     */
    public synchronized void add(Collection<MemberHit> hits) {
        if (finished) {
            throw new IllegalStateException("the merge is finished");
        }
        if (hits.isEmpty()) {
            return;
        }
        answers.add(hits);
        hitCount += hits.size();
        if (failure != null) {
            return;
        }
        try {
            if (read == null) {
                read = reader((int) Math.min(MAX_EXPECTED_HITS, (long) hits.size() * expectedAnswers),
                        OrganisationClaims.none());
            }
            read.read(hits);
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    /**
     * The merged result of every answer added.
     *
     * @param alliance every member asked, answered or not: no member may speak for another's organisation
     * @throws RuntimeException what reading an answer threw
     */
    public synchronized MergedResult finish(Collection<MemberRef> alliance) {
        if (finished) {
            throw new IllegalStateException("the merge is finished");
        }
        finished = true;
        if (failure != null) {
            throw failure;
        }
        List<MemberHit> all = new ArrayList<>(hitCount);
        answers.forEach(all::addAll);
        OrganisationClaims claims = OrganisationClaims.check(alliance, all);
        if (!claims.isEmpty()) {
            // some speakers and organisations read above may not stand: read again knowing which, without holding
            // the first reading's tables meanwhile
            read = null;
            return new IndicatorMerger().merge(all, policy, filter, claims, searched);
        }
        if (read == null) {
            read = reader(0, OrganisationClaims.none());
        }
        return MergeOutput.build(read, tagPolicy, hitCount, searched);
    }

    private HitReader reader(int expectedHits, OrganisationClaims claims) {
        return new HitReader(tagPolicy, expectedHits, searched == null ? -1 : searched.exactValueCount(), claims);
    }
}
