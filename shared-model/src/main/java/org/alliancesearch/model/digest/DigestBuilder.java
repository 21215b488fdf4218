package org.alliancesearch.model.digest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.alliancesearch.model.indicator.IndicatorKey;
import org.alliancesearch.model.indicator.Indicators;
import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.misp.MispEventDocument;
import org.alliancesearch.model.misp.MispGalaxyCluster;
import org.alliancesearch.model.misp.MispTag;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.policy.TagFilter;
import org.alliancesearch.model.policy.TagPolicy;
import org.alliancesearch.model.policy.Tlp;
import org.alliancesearch.model.query.TimeWindow;
import org.alliancesearch.model.result.MemberRef;

/**
 * Builds a {@link Digest} from the members' answers for a window.
 *
 * <p>
 * <b>Policy first</b>, by the rules of the event merge ({@link org.alliancesearch.model.mispapi.EventMerger}): an
 * event is hidden everywhere when any member's copy of it carries, among its event tags or galaxy clusters, a dropping
 * tag or a TLP above the ceiling; an attribute is hidden everywhere when any copy of it (by uuid), with its tags and
 * the tags of every copy of its event, fails the policy, or any member marks it deleted. A member's own stricter
 * policy removes that member's copies only. A hidden record counts nowhere: not for an indicator, a tag, a cluster or
 * a member's totals; an event left without a kept attribute does not count either.
 *
 * <p>
 * <b>Counting by organisation</b> (the organisation the admin named for the member): an indicator is listed when its
 * earliest record (the smallest attribute {@code timestamp} any member returned, MISP having no creation time for an
 * attribute) is in the window and members of two or more organisations hold a kept record of it timestamped in the
 * window; indicators are keyed as the search merges them ({@link Indicators#key}). A tag or cluster counts once per
 * organisation however many records carry it: from the event tags and galaxies of each kept event changed in the
 * window or holding a kept record timestamped in it, and from the tags of those records. TLP tags are left out of
 * the tag ranking (every record has one); {@code misp-galaxy:} tags rank as clusters.
 *
 * <p>
 * Deterministic: the result does not depend on the order of the answers. Stateless.
 */
public final class DigestBuilder {
    private static final Comparator<MemberWindow> BY_ID = Comparator.comparing(m -> m.member().id());

    private final int maxIndicators;
    private final int maxRanked;

    /**
     * @param maxIndicators indicators listed at most
     * @param maxRanked tags and clusters listed at most (each)
     */
    public DigestBuilder(int maxIndicators, int maxRanked) {
        this.maxIndicators = Math.max(0, maxIndicators);
        this.maxRanked = Math.max(0, maxRanked);
    }

    /**
     * @param policy the alliance policy of the moment
     * @param memberPolicies member id to that member's stricter policy; may be empty
     */
    public Digest build(TimeWindow window, Instant builtAt, List<MemberWindow> answers, AlliancePolicy policy,
            Map<String, AlliancePolicy> memberPolicies) {
        List<MemberWindow> ordered = new ArrayList<>(answers);
        ordered.sort(BY_ID);
        AlliancePolicy alliance = policy == null ? AlliancePolicy.defaults() : policy;
        TagPolicy allianceTags = TagPolicy.of(alliance, TagFilter.none());
        Map<String, AlliancePolicy> own = memberPolicies == null ? Map.of() : memberPolicies;

        // Pass 1: what the alliance policy hides, looking at every copy.
        Set<String> hiddenEvents = new HashSet<>();
        Map<String, List<String>> eventTags = new HashMap<>();
        for (MemberWindow m : ordered) {
            for (MispEventDocument doc : m.events()) {
                List<String> tags = eventTags(doc);
                if (!eventPasses(allianceTags, tags)) {
                    hiddenEvents.add(doc.uuid());
                }
                eventTags.computeIfAbsent(doc.uuid(), k -> new ArrayList<>()).addAll(tags);
            }
        }
        Set<String> hiddenAttributes = new HashSet<>();
        for (MemberWindow m : ordered) {
            for (MispEventDocument doc : m.events()) {
                List<String> all = eventTags.get(doc.uuid());
                for (MispAttribute a : doc.allAttributes()) {
                    if (a.uuid() == null) {
                        continue;
                    }
                    if (a.deleted() || allianceTags.verdict(withOwn(all, a)) != TagPolicy.Verdict.KEEP) {
                        hiddenAttributes.add(uuid(a));
                    }
                }
            }
        }

        // Pass 2: what each member's kept records count for.
        Map<IndicatorKey, IndicatorTally> indicators = new LinkedHashMap<>();
        Map<String, RankTally> tags = new LinkedHashMap<>();
        Map<String, RankTally> clusters = new LinkedHashMap<>();
        List<Digest.MemberActivity> activity = new ArrayList<>();
        for (MemberWindow m : ordered) {
            MemberRef ref = m.member();
            String org = ref.organisation();
            AlliancePolicy mine = own.get(ref.id());
            TagPolicy mineTags = mine == null || mine.equals(alliance) ? null : TagPolicy.of(mine, TagFilter.none());
            int events = 0;
            int attributes = 0;
            for (MispEventDocument doc : m.events()) {
                if (hiddenEvents.contains(doc.uuid())) {
                    continue;
                }
                List<String> ownEventTags = eventTags(doc);
                if (mineTags != null && !eventPasses(mineTags, ownEventTags)) {
                    continue;
                }
                List<MispAttribute> kept = new ArrayList<>();
                for (MispAttribute a : doc.allAttributes()) {
                    if (a.deleted() || a.uuid() == null
                            && allianceTags.verdict(withOwn(eventTags.get(doc.uuid()), a)) != TagPolicy.Verdict.KEEP) {
                        continue;
                    }
                    if (a.uuid() != null && hiddenAttributes.contains(uuid(a))) {
                        continue;
                    }
                    if (mineTags != null && mineTags.verdict(withOwn(ownEventTags, a)) != TagPolicy.Verdict.KEEP) {
                        continue;
                    }
                    kept.add(a);
                }
                if (kept.isEmpty()) {
                    continue;
                }
                boolean eventInWindow = window.contains(doc.timestamp());
                List<MispAttribute> inWindow = kept.stream().filter(a -> window.contains(a.timestamp())).toList();
                if (eventInWindow) {
                    events++;
                }
                attributes += inWindow.size();
                for (MispAttribute a : kept) {
                    IndicatorTally t = indicators.computeIfAbsent(Indicators.key(a.type(), a.value()),
                            k -> new IndicatorTally());
                    t.seen(a.timestamp());
                }
                for (MispAttribute a : inWindow) {
                    IndicatorTally t = indicators.get(Indicators.key(a.type(), a.value()));
                    t.organisations.add(org);
                    if (a.type() != null) {
                        t.types.add(a.type());
                    }
                }
                if (!eventInWindow && inWindow.isEmpty()) {
                    continue;
                }
                for (MispTag tag : doc.tags()) {
                    count(tag.name(), org, tags, clusters);
                }
                for (MispGalaxyCluster c : doc.galaxies()) {
                    clusters.computeIfAbsent(c.key(), k -> new RankTally(c)).organisations.add(org);
                }
                for (MispAttribute a : inWindow) {
                    for (MispTag tag : a.tags()) {
                        count(tag.name(), org, tags, clusters);
                    }
                }
            }
            activity.add(new Digest.MemberActivity(ref.id(), ref.name(), org, m.status(), m.failed(), m.message(),
                    events, attributes));
        }

        List<Digest.SharedIndicator> shared = new ArrayList<>();
        indicators.forEach((key, t) -> {
            if (t.organisations.size() >= 2 && window.contains(t.first)) {
                shared.add(new Digest.SharedIndicator(key.family(), key.value(), new ArrayList<>(t.types),
                        new ArrayList<>(t.organisations), t.first));
            }
        });
        shared.sort(Comparator.comparingInt((Digest.SharedIndicator i) -> -i.organisations().size())
                .thenComparing(Digest.SharedIndicator::firstReported, Comparator.reverseOrder())
                .thenComparing(Digest.SharedIndicator::family)
                .thenComparing(Digest.SharedIndicator::value));
        activity.sort(Comparator.comparing((Digest.MemberActivity a) -> a.name().toLowerCase(Locale.ROOT))
                .thenComparing(Digest.MemberActivity::memberId));
        return new Digest(window, builtAt, shared.subList(0, Math.min(maxIndicators, shared.size())), shared.size(),
                ranked(tags).stream().map(r -> new Digest.RankedTag(r.name, r.organisations.size())).toList(),
                ranked(clusters).stream().map(r -> new Digest.RankedCluster(r.cluster.tagName(), r.cluster.type(),
                        r.cluster.value(), r.organisations.size())).toList(),
                activity);
    }

    private List<RankTally> ranked(Map<String, RankTally> tallies) {
        List<RankTally> list = new ArrayList<>(tallies.values());
        list.sort(Comparator.comparingInt((RankTally r) -> -r.organisations.size())
                .thenComparing(r -> r.name.toLowerCase(Locale.ROOT)));
        return list.subList(0, Math.min(maxRanked, list.size()));
    }

    /** A tag counts as a cluster when it is a galaxy tag, as a tag unless it is a TLP marking. */
    private static void count(String tag, String org, Map<String, RankTally> tags, Map<String, RankTally> clusters) {
        if (tag == null || tag.isBlank()) {
            return;
        }
        MispGalaxyCluster cluster = MispGalaxyCluster.fromTag(tag);
        if (cluster != null) {
            clusters.computeIfAbsent(cluster.key(), k -> new RankTally(cluster)).organisations.add(org);
        } else if (Tlp.fromTag(tag) == null) {
            tags.computeIfAbsent(tag.strip().toLowerCase(Locale.ROOT), k -> new RankTally(tag.strip())).organisations
                    .add(org);
        }
    }

    /** The event's own tags and its galaxy clusters' tags: the policy reads both. */
    private static List<String> eventTags(MispEventDocument doc) {
        List<String> tags = new ArrayList<>(doc.tags().size() + doc.galaxies().size());
        doc.tags().forEach(t -> tags.add(t.name()));
        doc.galaxies().forEach(c -> tags.add(c.tagName()));
        return tags;
    }

    private static List<String> withOwn(List<String> eventTags, MispAttribute a) {
        List<String> tags = new ArrayList<>(eventTags.size() + a.tags().size());
        tags.addAll(eventTags);
        a.tags().forEach(t -> tags.add(t.name()));
        return tags;
    }

    /** An event's own markings: only the alliance's dropping tags and ceiling decide it. */
    private static boolean eventPasses(TagPolicy policy, List<String> tags) {
        boolean dropping = false;
        Tlp tlp = null;
        for (String tag : tags) {
            TagPolicy.TagInfo info = policy.classify(tag);
            dropping |= info.dropping();
            tlp = Tlp.mostRestrictive(tlp, info.tlp());
        }
        return policy.verdict(dropping, tlp, true, false) == TagPolicy.Verdict.KEEP;
    }

    private static String uuid(MispAttribute a) {
        return a.uuid().strip().toLowerCase(Locale.ROOT);
    }

    private static final class IndicatorTally {
        private final Set<String> organisations = new TreeSet<>();
        private final Set<String> types = new TreeSet<>();
        private Instant first;

        void seen(Instant t) {
            if (t != null && (first == null || t.isBefore(first))) {
                first = t;
            }
        }
    }

    private static final class RankTally {
        private final String name;
        private final MispGalaxyCluster cluster;
        private final Set<String> organisations = new HashSet<>();

        RankTally(String name) {
            this.name = name;
            this.cluster = null;
        }

        RankTally(MispGalaxyCluster cluster) {
            this.name = cluster.tagName();
            this.cluster = cluster;
        }
    }
}
