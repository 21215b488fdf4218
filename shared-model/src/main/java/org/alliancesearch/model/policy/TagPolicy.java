package org.alliancesearch.model.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The compiled form of an {@link AlliancePolicy} and a search's {@link TagFilter}: decides, from a record's tags (its
 * own and its event's), whether the record may be shown. Immutable and thread-safe. Whatever the policy says, the
 * floor holds: {@link AlliancePolicy#FLOOR_TAGS} always drop a record and the ceiling is never above
 * {@link AlliancePolicy#FLOOR_MAX_TLP}.
 */
public final class TagPolicy {
    /** Why a record is kept or removed; when several reasons apply, the first in this order is reported. */
    public enum Verdict {
        KEEP, DROPPING_TAG, OVER_MAX_TLP, EXCLUDED_BY_FILTER
    }

    /**
     * What the policy makes of one tag name.
     *
     * @param name the tag as sent
     * @param key the comparison key (see {@link TagNames#key(String)})
     * @param tlp the TLP level the tag names, or null
     * @param dropping the tag removes the record (alliance policy)
     * @param included the tag matches one of the search's include patterns
     * @param excluded the tag matches one of the search's exclude patterns
     */
    public record TagInfo(String name, String key, Tlp tlp, boolean dropping, boolean included, boolean excluded) {
    }

    private final Tlp maxTlp;
    private final TagPattern[] drop;
    private final TagPattern[] include;
    private final TagPattern[] exclude;

    private TagPolicy(Tlp maxTlp, TagPattern[] drop, TagPattern[] include, TagPattern[] exclude) {
        this.maxTlp = maxTlp;
        this.drop = drop;
        this.include = include;
        this.exclude = exclude;
    }

    /**
     * Compiles a policy and a search's tag filter.
     *
     * @throws IllegalArgumentException when a pattern is blank
     */
    public static TagPolicy of(AlliancePolicy policy, TagFilter filter) {
        Objects.requireNonNull(policy, "policy");
        TagFilter f = filter == null ? TagFilter.none() : filter;
        Tlp max = policy.maxTlp().isMoreRestrictiveThan(AlliancePolicy.FLOOR_MAX_TLP)
                ? AlliancePolicy.FLOOR_MAX_TLP
                : policy.maxTlp();
        LinkedHashSet<String> drop = new LinkedHashSet<>(AlliancePolicy.FLOOR_TAGS);
        drop.addAll(policy.dropTags());
        return new TagPolicy(max, compile(new ArrayList<>(drop)), compile(f.include()), compile(f.exclude()));
    }

    private static TagPattern[] compile(List<String> patterns) {
        TagPattern[] out = new TagPattern[patterns.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = TagPattern.of(patterns.get(i));
        }
        return out;
    }

    /** The most restrictive TLP that may be shown. */
    public Tlp maxTlp() {
        return maxTlp;
    }

    /** True when the search filter requires at least one matching tag. */
    public boolean hasIncludeFilter() {
        return include.length > 0;
    }

    /** Classifies one tag name (callers cache the answer per distinct name). */
    public TagInfo classify(String tag) {
        return new TagInfo(tag, TagNames.key(tag), Tlp.fromTag(tag), any(drop, tag), any(include, tag),
                any(exclude, tag));
    }

    /** The verdict for one record carrying these tags (its own and its event's, in any case). */
    public Verdict verdict(Collection<String> tags) {
        boolean dropping = false;
        boolean excluded = false;
        boolean included = false;
        Tlp tlp = null;
        for (String tag : tags) {
            TagInfo info = classify(tag);
            dropping |= info.dropping();
            excluded |= info.excluded();
            included |= info.included();
            tlp = Tlp.mostRestrictive(tlp, info.tlp());
        }
        return verdict(dropping, tlp, included, excluded);
    }

    /** The verdict from a record's combined tag facts. */
    public Verdict verdict(boolean dropping, Tlp tlp, boolean included, boolean excluded) {
        if (dropping) {
            return Verdict.DROPPING_TAG;
        }
        if (tlp != null && tlp.isMoreRestrictiveThan(maxTlp)) {
            return Verdict.OVER_MAX_TLP;
        }
        if (excluded || (include.length > 0 && !included)) {
            return Verdict.EXCLUDED_BY_FILTER;
        }
        return Verdict.KEEP;
    }

    private static boolean any(TagPattern[] patterns, String tag) {
        for (TagPattern p : patterns) {
            if (p.matches(tag)) {
                return true;
            }
        }
        return false;
    }
}
