package org.alliancesearch.model.digest;

import java.time.Instant;
import java.util.List;

import org.alliancesearch.model.query.TimeWindow;

/**
 * The alliance's digest of one window, after the alliance policy: nothing a policy hides is counted anywhere in it.
 * A plain value, so that the page, the API and a mail can each render it.
 *
 * @param window the window the digest covers
 * @param builtAt when it was built
 * @param indicators indicators first reported in the window that two or more organisations hold, most organisations
 *        first (at most the builder's cap)
 * @param indicatorCount how many such indicators there were before the cap
 * @param tags the tags most organisations used in the window (TLP markings and galaxy tags left out)
 * @param clusters the galaxy clusters (threat actors, malware …) most organisations used in the window
 * @param members every member asked, in name order, with what it added in the window and whether it failed
 */
public record Digest(TimeWindow window, Instant builtAt, List<SharedIndicator> indicators, int indicatorCount,
        List<RankedTag> tags, List<RankedCluster> clusters, List<MemberActivity> members) {
    public Digest {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        tags = tags == null ? List.of() : List.copyOf(tags);
        clusters = clusters == null ? List.of() : List.copyOf(clusters);
        members = members == null ? List.of() : List.copyOf(members);
    }

    /** The members that failed or answered only in part. */
    public List<MemberActivity> failedMembers() {
        return members.stream().filter(MemberActivity::failed).toList();
    }

    /**
     * An indicator several organisations reported in the window.
     *
     * @param family the indicator's type family ({@code ip}, {@code domain}, {@code sha256} …)
     * @param value its canonical value
     * @param types the MISP types its records carry
     * @param organisations the organisations holding a record of it in the window, sorted
     * @param firstReported the earliest timestamp of any of its records the members returned
     */
    public record SharedIndicator(String family, String value, List<String> types, List<String> organisations,
            Instant firstReported) {
        public SharedIndicator {
            types = List.copyOf(types);
            organisations = List.copyOf(organisations);
        }
    }

    /**
     * A tag and how many organisations used it in the window.
     *
     * @param name the tag as the first member (by id) spelt it
     */
    public record RankedTag(String name, int organisations) {
    }

    /**
     * A galaxy cluster and how many organisations used it in the window.
     *
     * @param tagName its tag ({@code misp-galaxy:threat-actor="Sofacy"})
     * @param type the galaxy type, or null
     * @param value the cluster's name, or null
     */
    public record RankedCluster(String tagName, String type, String value, int organisations) {
    }

    /**
     * What one member added in the window, as far as the policy lets it be counted.
     *
     * @param status its status name
     * @param failed it did not answer in full
     * @param message the reason, or null
     * @param events its events changed in the window that hold at least one record the policy keeps
     * @param attributes its records (attributes) the policy keeps whose timestamp is in the window
     */
    public record MemberActivity(String memberId, String name, String organisation, String status, boolean failed,
            String message, int events, int attributes) {
    }
}
