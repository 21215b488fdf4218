package org.alliancesearch.model.merge;

import java.util.Collection;
import java.util.Comparator;

import org.alliancesearch.model.indicator.IndicatorKey;
import org.alliancesearch.model.indicator.Indicators;
import org.alliancesearch.model.indicator.SearchedValues;
import org.alliancesearch.model.misp.MispEvent;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.policy.TagFilter;
import org.alliancesearch.model.policy.TagPolicy;
import org.alliancesearch.model.query.SearchQuery;
import org.alliancesearch.model.result.MemberHit;
import org.alliancesearch.model.result.MemberRef;

/**
 * Merges the hits of all members into indicators: deduplicates synchronised copies (same attribute uuid with the same
 * content: indicator key and event uuid), applies the tag policy, groups by {@link IndicatorKey} and orders the result.
 * A copy under a known uuid with other content is a separate attribute of the member that sent it. Stateless and
 * thread-safe.
 *
 * <p>
 * How the policy is applied, and why: every copy of an attribute (same uuid and content) and every copy of an event (same event
 * uuid) is looked at first, then an attribute is removed when any copy of it or of its event carries a dropping tag,
 * a TLP above the maximum, or fails the search's tag filter. Removal happens before grouping, so a removed record
 * gives nothing to an indicator: no member name, organisation, event, tag or timestamp. An indicator whose records
 * were all removed does not appear; an indicator that other, allowed records also carry is shown from those alone.
 * Attributes any member marks {@code deleted} are never shown either.
 *
 * <p>
 * Composite records ({@code domain|ip}, {@code filename|sha256}, {@code ip-dst|port} …) are filed under the indicator
 * of each half the search asked for ({@link SearchedValues#matchedHalves}, judged on the value of the copy that speaks
 * for the record): {@code evil.example|203.0.113.5} found by searching {@code 203.0.113.5} shows under the IP's
 * indicator, and under the name's as well when the name was searched too, each listing it in
 * {@link MergedIndicator#composites()} with the half that matched. A composite none of whose halves was searched
 * (and every composite in a merge without a query) is filed under its usual key ({@link Indicators#key}). Counting:
 * each indicator counts the records filed under it ({@link MergedIndicator#attributeCount()},
 * {@link MergedIndicator#copyCount()}, holders, organisations), so a record filed under two indicators counts in
 * both; the {@link MergeTotals} and the tally by member count every distinct attribute once, and
 * {@link MergeTotals#indicators()} counts the indicators listed.
 *
 * <p>
 * The result does not depend on the order of the hits: everything kept is a union, a count, a minimum or a maximum,
 * and where one copy has to stand for several the order is fixed: an attribute's fields (type, category, tags,
 * to_ids, timestamps, creator) are those of the copy that {@link #compareSpeakers speaks first}, an event's info and
 * link those of the copy from the instance of the organisation that created the event, else the one from the member
 * with the smallest id. Holders are every copy's members.
 */
public final class IndicatorMerger {
    /** More organisations first, then the most recently seen (never seen last), then by value and family. */
    public static final Comparator<MergedIndicator> ORDER = ResultOrder::compareIndicators;

    /** Merges without a search tag filter. */
    public MergedResult merge(Collection<MemberHit> hits, AlliancePolicy policy) {
        return merge(hits, policy, TagFilter.none());
    }

    /**
     * Merges, applies the query's own include/exclude tag patterns again (members may ignore filters) and files
     * composite records under the halves the query searched.
     */
    public MergedResult merge(Collection<MemberHit> hits, AlliancePolicy policy, SearchQuery query) {
        return merge(hits, policy, query, OrganisationClaims.none());
    }

    /**
     * Merges, deduplicates and applies the policy and the tag filter; the result does not depend on the order of the
     * hits. A null policy is {@link AlliancePolicy#defaults()}.
     */
    public MergedResult merge(Collection<MemberHit> hits, AlliancePolicy policy, TagFilter filter) {
        return merge(hits, policy, filter, OrganisationClaims.none());
    }

    /**
     * Merges like {@link #merge(Collection, AlliancePolicy, SearchQuery)} and files the creator claims that
     * {@code claims} found unconfirmed under {@link MergedIndicator#unconfirmedOrganisations()}.
     */
    public MergedResult merge(Collection<MemberHit> hits, AlliancePolicy policy, SearchQuery query,
            OrganisationClaims claims) {
        return merge(hits, policy,
                query == null ? TagFilter.none() : new TagFilter(query.includeTags(), query.excludeTags()), claims,
                query == null ? null : SearchedValues.of(query.values()));
    }

    /**
     * Merges, deduplicates and applies the policy and the tag filter; a creator claim that {@code claims} found
     * unconfirmed counts under no organisation. A null policy is {@link AlliancePolicy#defaults()}.
     */
    public MergedResult merge(Collection<MemberHit> hits, AlliancePolicy policy, TagFilter filter,
            OrganisationClaims claims) {
        return merge(hits, policy, filter, claims, null);
    }

    /**
     * Merges like {@link #merge(Collection, AlliancePolicy, TagFilter, OrganisationClaims)} and files each composite
     * record under the indicators of the halves {@code searched} asks for (under its usual key when none; null files
     * every record under its usual key).
     */
    public MergedResult merge(Collection<MemberHit> hits, AlliancePolicy policy, TagFilter filter,
            OrganisationClaims claims, SearchedValues searched) {
        TagPolicy tagPolicy = TagPolicy.of(policy == null ? AlliancePolicy.defaults() : policy, filter);
        HitReader read = new HitReader(tagPolicy, hits.size(), searched == null ? -1 : searched.exactValueCount(),
                claims == null ? OrganisationClaims.none() : claims);
        read.read(hits);
        return MergeOutput.build(read, tagPolicy, hits.size(), searched);
    }

    /**
     * A merge that reads the answers as they arrive and gives, once finished, what
     * {@link #merge(Collection, AlliancePolicy, SearchQuery, OrganisationClaims)} gives for all of them with their
     * creator claims checked.
     *
     * @param expectedAnswers how many answers will come
     */
    public RunningMerge start(AlliancePolicy policy, SearchQuery query, int expectedAnswers) {
        return start(policy, query == null ? TagFilter.none() : new TagFilter(query.includeTags(), query.excludeTags()),
                query == null ? null : SearchedValues.of(query.values()), expectedAnswers);
    }

    /**
     * Like {@link #start(AlliancePolicy, SearchQuery, int)}, with the tag filter and the searched values given apart
     * (null searched values file every record under its usual key).
     */
    public RunningMerge start(AlliancePolicy policy, TagFilter filter, SearchedValues searched, int expectedAnswers) {
        return new RunningMerge(policy, filter, searched, expectedAnswers);
    }

    /**
     * The order in which copies of one record (same uuid and content) speak for its fields: the copy of the member
     * whose organisation created it ({@link #fromCreator(String, MemberRef)}) first, then a copy whose creator claim
     * stands ({@link OrganisationClaims}), then the smallest member id; copies alike so far (one member sending the
     * record twice) in a fixed order of their content, so that the order of the hits does not matter. Negative when
     * {@code a} speaks before {@code b}.
     */
    public static int compareSpeakers(MemberHit a, MemberHit b, OrganisationClaims claims) {
        OrganisationClaims c = claims == null ? OrganisationClaims.none() : claims;
        return compareSpeakers(a, !c.unconfirmed(a), b, !c.unconfirmed(b));
    }

    static int compareSpeakers(MemberHit a, boolean aStands, MemberHit b, boolean bStands) {
        if (a == b) {
            return 0;
        }
        int c = Boolean.compare(fromCreator(b), fromCreator(a));
        if (c == 0) {
            c = Boolean.compare(bStands, aStands);
        }
        if (c == 0) {
            c = a.member().id().compareTo(b.member().id());
        }
        return c != 0 ? c : a.toString().compareTo(b.toString());
    }

    private static boolean fromCreator(MemberHit h) {
        MispEvent e = h.attribute().event();
        return e != null && fromCreator(e.orgcName(), h.member());
    }

    /** Whether this copy of an event comes from the instance of the organisation that created it. */
    static boolean fromCreator(MispEvent e, MemberRef m) {
        return fromCreator(e.orgcName(), m);
    }

    /**
     * Whether member {@code m} is the organisation that created a record whose event names {@code orgcName} as its
     * creator: its copy then speaks for the record over every other member's (possibly doctored) copy. Decided by the
     * organisation the admin gave the member only: what a member's MISP says of itself must not let it stand for
     * another member's events.
     */
    public static boolean fromCreator(String orgcName, MemberRef m) {
        return orgcName != null && m.organisation() != null && orgcName.equalsIgnoreCase(m.organisation());
    }
}
