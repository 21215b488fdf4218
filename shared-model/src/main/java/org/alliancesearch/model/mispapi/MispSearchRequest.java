package org.alliancesearch.model.mispapi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.alliancesearch.model.misp.MispLike;
import org.alliancesearch.model.query.InvalidQueryException;
import org.alliancesearch.model.query.QueryViolation;
import org.alliancesearch.model.query.SearchQuery;
import org.alliancesearch.model.query.SearchQueryValidator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A MISP {@code restSearch} body translated for the alliance: the query sent to every member, the filter the portal
 * applies itself to what comes back, paging and output options. The portal answers as if the alliance were one MISP
 * server, but it federates by value: a body without values is refused (an empty value filter matches everything in
 * MISP), and so is every filter it cannot honour, rather than answering more than was asked.
 *
 * <p>
 * How each key is handled is in {@link #KEYS}, the one table of them (the documentation mirrors it).
 *
 * @param scope attributes or events
 * @param query the query sent to the members, validated ({@link SearchQueryValidator#prepare})
 * @param filter what the portal checks on each returned attribute
 * @param paging {@code limit} and {@code page}, applied after merge and policy
 * @param output output options
 */
public record MispSearchRequest(Scope scope, SearchQuery query, LocalFilter filter, Paging paging, Output output) {

    /** How the portal handles a key of the body. */
    public enum Handling {
        /** Sent to the members, and checked again by the portal where a member may ignore it. */
        SENT,
        /** Honoured by the portal on what the members return. */
        LOCAL,
        /** Paging or output. */
        OPTION,
        /** Refused with 400 when given: the portal cannot honour it across members. */
        REFUSED,
        /** Accepted and ignored: a presentation flag the portal cannot fill. */
        IGNORED
    }

    /** Every key the portal knows, with its handling; any other key is ignored, as MISP does. */
    public static final Map<String, Handling> KEYS = keys();

    private static Map<String, Handling> keys() {
        Map<String, Handling> k = new LinkedHashMap<>();
        for (String key : List.of("value", "type", "category", "tags", "to_ids", "published", "from", "to")) {
            k.put(key, Handling.SENT);
        }
        for (String key : List.of("eventid", "uuid", "org", "distribution", "object_relation", "threat_level_id",
                "last", "timestamp", "publish_timestamp", "attribute_timestamp", "event_timestamp", "deleted")) {
            k.put(key, Handling.LOCAL);
        }
        for (String key : List.of("limit", "page", "returnFormat", "includeEventTags", "includeContext",
                "includeEventUuid", "requested_attributes", "headerless", "enforceWarninglist")) {
            k.put(key, Handling.OPTION);
        }
        for (String key : List.of("searchall", "quickFilter", "sharinggroup", "analysis", "eventinfo", "value1",
                "value2", "first_seen", "last_seen", "attackGalaxy", "excludeDecayed", "decayingModel", "score",
                "modelOverrides", "event_uuid")) {
            k.put(key, Handling.REFUSED);
        }
        for (String key : List.of("includeSightings", "includeCorrelations", "includeDecayScore", "includeGalaxy",
                "includeFullModel", "includeProposals", "includeWarninglistHits", "includeSightingdb",
                "includeAllTags", "excludeLocalTags", "withAttachments", "metadata", "sgReferenceOnly")) {
            k.put(key, Handling.IGNORED);
        }
        return Collections.unmodifiableMap(k);
    }

    /** What the answer is written as. */
    public enum ReturnFormat {
        JSON, CSV, TEXT;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Paging as MISP does it: {@code page} is 1-based and only counts with a {@code limit}.
     *
     * @param limit rows per page, or null for all
     * @param page the page, from 1
     */
    public record Paging(Integer limit, int page) {
        public static final Paging ALL = new Paging(null, 1);

        /** The rows of this page. */
        public <T> List<T> apply(List<T> rows) {
            if (limit == null) {
                return rows;
            }
            long from = (long) (page - 1) * limit;
            if (from >= rows.size()) {
                return List.of();
            }
            return rows.subList((int) from, (int) Math.min(rows.size(), from + limit));
        }

        /** MISP's {@code X-Result-Count}: the rows of this page, plus one when a limited page came back full. */
        public int resultCount(int rows) {
            return limit != null && rows == limit ? rows + 1 : rows;
        }
    }

    /**
     * Output options.
     *
     * @param requestedAttributes CSV columns, or empty for MISP's default ones
     */
    public record Output(ReturnFormat format, boolean includeEventTags, boolean includeContext,
            boolean includeEventUuid, List<String> requestedAttributes, boolean headerless) {
        public Output {
            requestedAttributes = List.copyOf(requestedAttributes);
        }
    }

    /** Reads a body for now. */
    public static MispSearchRequest parse(JsonNode body, Scope scope) {
        return parse(body, scope, Instant.now());
    }

    /**
     * Reads a MISP search body.
     *
     * @param now the time relative filters ({@code 7d}) count back from
     * @throws MispRequestException naming the filter when the body cannot be honoured
     */
    public static MispSearchRequest parse(JsonNode body, Scope scope, Instant now) {
        if (body == null || !body.isObject()) {
            throw new MispRequestException(null, "The search takes a JSON object of filters, such as"
                    + " {\"value\": \"198.51.100.7\"}.");
        }
        for (Map.Entry<String, Handling> key : KEYS.entrySet()) {
            if (key.getValue() == Handling.REFUSED && given(body.get(key.getKey()))) {
                throw new MispRequestException(key.getKey(), "The filter '" + key.getKey() + "' is not supported:"
                        + " the alliance cannot honour it across its members.");
            }
        }
        if (truthy("enforceWarninglist", body.get("enforceWarninglist"))) {
            throw new MispRequestException("enforceWarninglist", "The filter 'enforceWarninglist' is not supported"
                    + " yet.");
        }

        MispTerms value = MispTerms.parse("value", body.get("value"));
        List<String> sent = value.positive().stream().filter(v -> !v.isBlank()).toList();
        if (sent.isEmpty()) {
            throw new MispRequestException("value", "The alliance searches by value: give at least one 'value'"
                    + " (an empty value filter would match everything).");
        }
        for (String v : sent) {
            if (MispLike.isPattern(v)) {
                throw new MispRequestException("value", "The value '" + TimeRange.shorten(v) + "' is a LIKE pattern:"
                        + " the alliance searches exact values only.");
            }
        }
        MispTerms type = MispTerms.parse("type", body.get("type"));
        MispTerms category = MispTerms.parse("category", body.get("category"));
        MispTerms tags = MispTerms.parse("tags", body.get("tags"));
        for (String t : tags.all()) {
            if (t.strip().chars().allMatch(Character::isDigit)) {
                throw new MispRequestException("tags", "The tag '" + TimeRange.shorten(t) + "' is a tag id: ids"
                        + " differ between members; give the tag name.");
            }
        }
        MispTerms org = MispTerms.parse("org", body.get("org"));
        for (String o : org.all()) {
            if (o.strip().chars().allMatch(Character::isDigit)) {
                throw new MispRequestException("org", "The organisation '" + TimeRange.shorten(o) + "' is an id:"
                        + " ids differ between members; give the organisation's name or uuid.");
            }
        }
        Boolean toIds = flag("to_ids", body.get("to_ids"));
        Boolean published = flag("published", body.get("published"));
        LocalDate from = date("from", body.get("from"));
        LocalDate to = date("to", body.get("to"));

        SearchQuery query;
        try {
            query = SearchQueryValidator.prepare(new SearchQuery(sent, sendable(type), sendable(category),
                    tags.positive(), tags.not(), from, to, toIds, published, null, false));
        } catch (InvalidQueryException e) {
            QueryViolation v = e.violations().get(0);
            throw new MispRequestException(key(v.field()), v.message());
        }

        TimeRange attributeTime = intersect(TimeRange.parse("timestamp", body.get("timestamp"), now),
                TimeRange.parse("attribute_timestamp", body.get("attribute_timestamp"), now));
        TimeRange eventTime = TimeRange.parse("event_timestamp", body.get("event_timestamp"), now);
        TimeRange publishTime = intersect(TimeRange.parse("last", body.get("last"), now),
                TimeRange.parse("publish_timestamp", body.get("publish_timestamp"), now));
        if (scope == Scope.EVENTS && attributeTime != null) {
            // on events, 'timestamp' is the event's
            eventTime = intersect(eventTime, attributeTime);
            attributeTime = TimeRange.parse("attribute_timestamp", body.get("attribute_timestamp"), now);
        }
        JsonNode deleted = body.get("deleted");
        boolean onlyDeleted = deleted != null && deleted.isTextual() && deleted.asText().equalsIgnoreCase("only");
        LocalFilter filter = new LocalFilter(new MispTerms(List.of(), value.and(), value.not()), type, category, tags,
                MispTerms.parse("eventid", body.get("eventid")), MispTerms.parse("uuid", body.get("uuid")), org,
                MispTerms.parse("distribution", body.get("distribution")),
                MispTerms.parse("object_relation", body.get("object_relation")),
                MispTerms.parse("threat_level_id", body.get("threat_level_id")), attributeTime, eventTime,
                publishTime, onlyDeleted);

        Integer limit = number("limit", body.get("limit"));
        Integer page = number("page", body.get("page"));
        Paging paging = limit == null || limit == 0 ? Paging.ALL : new Paging(limit, page == null ? 1 : page);

        ReturnFormat format = format(body.get("returnFormat"), scope);
        List<String> requested = new ArrayList<>();
        JsonNode ra = body.get("requested_attributes");
        if (ra != null && !ra.isNull()) {
            if (ra.isArray()) {
                ra.forEach(n -> requested.add(n.asText().strip()));
            } else {
                for (String c : ra.asText().split(",")) {
                    requested.add(c.strip());
                }
            }
            requested.removeIf(String::isEmpty);
        }
        Output output = new Output(format, truthy("includeEventTags", body.get("includeEventTags")),
                truthy("includeContext", body.get("includeContext")),
                truthy("includeEventUuid", body.get("includeEventUuid")), requested,
                truthy("headerless", body.get("headerless")));
        return new MispSearchRequest(scope, query, filter, paging, output);
    }

    /** OR elements are sent; with none, AND elements are (a superset the portal narrows). */
    private static List<String> sendable(MispTerms terms) {
        return terms.or().isEmpty() ? terms.and() : terms.or();
    }

    private static String key(String modelField) {
        if (modelField.startsWith("values")) {
            return "value";
        }
        if (modelField.startsWith("types")) {
            return "type";
        }
        if (modelField.startsWith("categories")) {
            return "category";
        }
        if (modelField.contains("Tags")) {
            return "tags";
        }
        return modelField;
    }

    private static ReturnFormat format(JsonNode node, Scope scope) {
        if (node == null || node.isNull() || node.asText().isBlank()) {
            return ReturnFormat.JSON;
        }
        String f = node.asText().strip().toLowerCase(Locale.ROOT);
        List<ReturnFormat> supported = scope == Scope.EVENTS
                ? List.of(ReturnFormat.JSON)
                : List.of(ReturnFormat.JSON, ReturnFormat.CSV, ReturnFormat.TEXT);
        for (ReturnFormat r : supported) {
            if (r.code().equals(f)) {
                return r;
            }
        }
        throw new MispRequestException("returnFormat", "The returnFormat '" + TimeRange.shorten(f) + "' is not"
                + " supported; supported: " + String.join(", ", supported.stream().map(ReturnFormat::code).toList())
                + ".");
    }

    /** Whether a refused key was really given (PHP's empty(): null, "", [], "0", 0 and false are not). */
    static boolean given(JsonNode node) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (node.isContainerNode()) {
            return node.size() > 0;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        String t = node.asText().strip();
        return !t.isEmpty() && !t.equals("0");
    }

    private static boolean truthy(String key, JsonNode node) {
        Boolean b = flag(key, node);
        return b != null && b;
    }

    /** 0/1, true/false, "0"/"1", "true"/"false"; null or "" is not given. */
    static Boolean flag(String key, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        String t = node.isValueNode() ? node.asText().strip().toLowerCase(Locale.ROOT) : "?";
        return switch (t) {
            case "" -> null;
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new MispRequestException(key, "The option '" + key + "' takes 0, 1, true or false.");
        };
    }

    private static Integer number(String key, JsonNode node) {
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            return null;
        }
        String t = node.isValueNode() ? node.asText().strip() : "?";
        if (!t.matches("\\d{1,9}")) {
            throw new MispRequestException(key, "The option '" + key + "' takes a whole number.");
        }
        int n = Integer.parseInt(t);
        if (key.equals("page") && n < 1) {
            throw new MispRequestException(key, "The option 'page' starts at 1.");
        }
        return n;
    }

    private static LocalDate date(String key, JsonNode node) {
        if (node == null || node.isNull() || (node.isValueNode() && node.asText().isBlank())) {
            return null;
        }
        String t = node.isValueNode() ? node.asText().strip() : "?";
        if (t.matches("\\d{1,12}")) {
            return Instant.ofEpochSecond(Long.parseLong(t)).atZone(ZoneOffset.UTC).toLocalDate();
        }
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw new MispRequestException(key, "The filter '" + key + "' takes a date (YYYY-MM-DD) or epoch"
                    + " seconds.");
        }
    }

    private static TimeRange intersect(TimeRange a, TimeRange b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        Long from = a.from() == null ? b.from() : b.from() == null ? a.from() : Math.max(a.from(), b.from());
        Long to = a.to() == null ? b.to() : b.to() == null ? a.to() : Math.min(a.to(), b.to());
        return new TimeRange(from, to);
    }
}
