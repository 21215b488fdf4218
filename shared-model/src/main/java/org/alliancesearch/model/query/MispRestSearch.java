package org.alliancesearch.model.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.policy.Tlp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Translates a {@link SearchQuery} into MISP {@code attributes/restSearch} bodies.
 *
 * <p>
 * Every body is built from a prepared query ({@link SearchQueryValidator#prepare}), so no empty or blank filter is
 * ever sent: MISP reads one as "everything". {@code deleted: 0} is sent explicitly so that soft-deleted attributes
 * never come back, whatever a member's default.
 */
public final class MispRestSearch {
    /** The largest number of values sent in one request. */
    public static final int MAX_VALUES_PER_REQUEST = 100;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private MispRestSearch() {
    }

    /**
     * The query's values, normalised and deduplicated, split into batches of at most
     * {@link #MAX_VALUES_PER_REQUEST}.
     *
     * @throws InvalidQueryException if the query may not be sent
     */
    public static List<List<String>> batches(SearchQuery query) {
        List<String> values = SearchQueryValidator.prepare(query).values();
        List<List<String>> batches = new ArrayList<>((values.size() + MAX_VALUES_PER_REQUEST - 1)
                / MAX_VALUES_PER_REQUEST);
        for (int from = 0; from < values.size(); from += MAX_VALUES_PER_REQUEST) {
            batches.add(List.copyOf(values.subList(from, Math.min(values.size(), from + MAX_VALUES_PER_REQUEST))));
        }
        return List.copyOf(batches);
    }

    /**
     * The JSON body for one batch and one page: {@code returnFormat: json}, the values, {@code type} and
     * {@code category} lists when set, {@code tags} as {@code {"OR": [included], "NOT": [excluded, the policy's
     * dropping tags and the TLP levels above its maximum]}} with {@code *} wildcards as MISP's {@code %}, {@code from}/{@code to} as {@code Y-m-d},
     * {@code to_ids}/{@code published} as 0/1 when set, {@code includeEventTags: 1}, {@code includeContext: 1},
     * {@code deleted: 0}, and explicit {@code limit} and {@code page}.
     *
     * @param policy the alliance policy whose dropping tags are excluded at the source (null: the defaults)
     * @param limit the page size, 1 or more
     * @param page the 1-based page
     * @throws InvalidQueryException if the query, with this batch as its values, may not be sent
     * @throws IllegalArgumentException for a batch larger than {@link #MAX_VALUES_PER_REQUEST}, or a limit or page
     *         below 1
     */
    public static ObjectNode body(SearchQuery query, List<String> batch, AlliancePolicy policy, int limit, int page) {
        if (batch != null && batch.size() > MAX_VALUES_PER_REQUEST) {
            throw new IllegalArgumentException(
                    "A batch holds at most " + MAX_VALUES_PER_REQUEST + " values, not " + batch.size());
        }
        if (limit < 1 || page < 1) {
            throw new IllegalArgumentException("limit and page start at 1, got limit " + limit + ", page " + page);
        }
        SearchQuery prepared = SearchQueryValidator.prepare(query == null
                ? null
                : new SearchQuery(batch, query.types(), query.categories(), query.includeTags(),
                        query.excludeTags(), query.from(), query.to(), query.toIds(), query.published(),
                        query.limitPerMember(), query.withSightings()));
        AlliancePolicy effectivePolicy = policy == null ? AlliancePolicy.defaults() : policy;

        ObjectNode body = JSON.objectNode();
        body.put("returnFormat", "json");
        body.set("value", array(prepared.values()));
        if (!prepared.types().isEmpty()) {
            body.set("type", array(prepared.types()));
        }
        if (!prepared.categories().isEmpty()) {
            body.set("category", array(prepared.categories()));
        }
        List<String> notSent = new ArrayList<>(effectivePolicy.dropTags());
        notSent.addAll(aboveCeiling(effectivePolicy.maxTlp()));
        ObjectNode tags = tags(prepared.includeTags(), prepared.excludeTags(), notSent);
        if (tags.size() > 0) {
            body.set("tags", tags);
        }
        if (prepared.from() != null) {
            body.put("from", prepared.from().toString());
        }
        if (prepared.to() != null) {
            body.put("to", prepared.to().toString());
        }
        if (prepared.toIds() != null) {
            body.put("to_ids", prepared.toIds() ? 1 : 0);
        }
        if (prepared.published() != null) {
            body.put("published", prepared.published() ? 1 : 0);
        }
        body.put("includeEventTags", 1);
        body.put("includeContext", 1);
        if (prepared.withSightings()) {
            // sightings count in the summary's score; MISP adds a Sighting array to each attribute
            body.put("includeSightings", 1);
        }
        body.put("deleted", 0);
        body.put("limit", limit);
        body.put("page", page);
        return body;
    }

    /**
     * The JSON body of one page of an {@code events/restSearch} over a time window: {@code returnFormat: json},
     * {@code timestamp: [from, to]} in epoch seconds (events changed in the window, as MISP filters events by their
     * {@code timestamp}), {@code tags: {"NOT": [the policy's dropping tags and the TLP levels above its maximum]}},
     * {@code deleted: 0}, and explicit {@code limit} and {@code page}. No value filter: the window itself bounds the
     * answer, and the caller pages it under the same caps as any search.
     *
     * @param policy the alliance policy whose dropping tags are excluded at the source (null: the defaults)
     * @throws IllegalArgumentException for a limit or page below 1
     */
    public static ObjectNode windowBody(TimeWindow window, AlliancePolicy policy, int limit, int page) {
        java.util.Objects.requireNonNull(window, "window");
        if (limit < 1 || page < 1) {
            throw new IllegalArgumentException("limit and page start at 1, got limit " + limit + ", page " + page);
        }
        AlliancePolicy effectivePolicy = policy == null ? AlliancePolicy.defaults() : policy;
        ObjectNode body = JSON.objectNode();
        body.put("returnFormat", "json");
        ArrayNode timestamp = body.putArray("timestamp");
        timestamp.add(Long.toString(window.from().getEpochSecond()));
        timestamp.add(Long.toString(window.to().getEpochSecond()));
        List<String> notSent = new ArrayList<>(effectivePolicy.dropTags());
        notSent.addAll(aboveCeiling(effectivePolicy.maxTlp()));
        ObjectNode tags = tags(List.of(), List.of(), notSent);
        if (tags.size() > 0) {
            body.set("tags", tags);
        }
        body.put("deleted", 0);
        body.put("limit", limit);
        body.put("page", page);
        return body;
    }

    /**
     * The TLP tags above a ceiling, most restrictive first ({@code tlp:red}, {@code tlp:amber+strict}, …), in their
     * TLP 2.0 names: members are asked not to send what the portal would remove anyway. The merge checks the TLP again
     * (members may ignore filters, or spell a level another way).
     */
    public static List<String> aboveCeiling(Tlp ceiling) {
        List<String> above = new ArrayList<>();
        Tlp[] levels = Tlp.values();
        for (int i = levels.length - 1; i >= 0 && levels[i].isMoreRestrictiveThan(ceiling); i--) {
            above.add(levels[i].tagName());
        }
        return List.copyOf(above);
    }

    private static ObjectNode tags(List<String> include, List<String> exclude, List<String> drop) {
        ObjectNode tags = JSON.objectNode();
        List<String> or = likePatterns(include);
        List<String> excluded = new ArrayList<>(exclude);
        excluded.addAll(drop);
        List<String> not = likePatterns(excluded);
        if (!or.isEmpty()) {
            tags.set("OR", array(or));
        }
        if (!not.isEmpty()) {
            tags.set("NOT", array(not));
        }
        return tags;
    }

    /**
     * Patterns with {@code *} as MISP's LIKE wildcard {@code %}, deduplicated ignoring case (MISP matches tags
     * case-insensitively); blank or wildcard-only patterns (which would match every tag) are left out.
     */
    private static List<String> likePatterns(List<String> patterns) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pattern : patterns) {
            if (pattern == null) {
                continue;
            }
            String like = pattern.strip().replace('*', '%');
            if (like.isEmpty() || like.chars().allMatch(c -> c == '%')) {
                continue;
            }
            out.putIfAbsent(like.toLowerCase(Locale.ROOT), like);
        }
        return List.copyOf(out.values());
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode array = JSON.arrayNode(values.size());
        values.forEach(array::add);
        return array;
    }
}
