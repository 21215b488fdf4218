package org.alliancesearch.model.misp;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a MISP {@code events/restSearch} answer token by token, as it arrives: {@code {"response": [{"Event": …}]}}
 * or a bare list {@code [{"Event": …}]} (MISP sends both, depending on its version). Only one attribute's tokens are
 * held as a tree at a time; the event's header, {@code Orgc}, {@code Org} and {@code Tag} are kept as small trees
 * until the event ends. Of {@code Galaxy} only each cluster's {@code tag_name}, {@code type} and {@code value} are kept
 * (at most {@link #MAX_CLUSTERS_PER_EVENT} per event; descriptions and meta pass by token by token).
 * {@code RelatedEvent}, {@code ShadowAttribute}, {@code EventReport} and any other part are skipped token by token
 * without being kept.
 *
 * <p>
 * Lenient per record: an attribute that cannot be read ({@link MispJson#attribute}) or an event without a uuid is
 * skipped and counted, never the whole answer. Bounded: an event holding more than {@link Limits#attributesPerEvent}
 * attributes keeps the first ones and counts the rest as cut ({@link MispEventDocument#cutAttributes()}); once
 * {@link Limits#events} events or {@link Limits#attributes} attributes were read, the reader is {@link #full()} and
 * the caller stops reading (the event being read then is not delivered). Not thread-safe: one reader per answer.
 */
public final class MispEventReader {
    /** Galaxy clusters kept at most of one event: a member cannot grow an event without bound through its galaxies. */
    public static final int MAX_CLUSTERS_PER_EVENT = 200;

    /**
     * Caps of one answer.
     *
     * @param events events delivered at most
     * @param attributes attributes (all events together) kept at most
     * @param attributesPerEvent attributes kept at most of one event
     * @param strings cuts a record's overlong strings in place and says whether it cut any (applied to each
     *        attribute, and to the event's header as {@code {"Event": header}}); null for none
     */
    public record Limits(int events, int attributes, int attributesPerEvent, Predicate<JsonNode> strings) {
        public static Limits none() {
            return new Limits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, null);
        }
    }

    private enum Mode {
        ROOT_OBJECT, LIST, WRAPPER, EVENT, OBJECTS, OBJECT, ATTRIBUTES, GALAXIES, GALAXY, CLUSTERS, CLUSTER
    }

    private enum Target {
        ATTRIBUTE, ORGC, ORG, TAGS
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Limits limits;
    private final Consumer<MispEventDocument> sink;
    private final Deque<Mode> stack = new ArrayDeque<>();
    private String field;
    private int skipDepth;
    private JsonTreeBuilder tree;
    private Target target;
    private boolean sawRoot;
    private boolean full;

    // The event being read.
    private boolean wrapperHadEvent;
    private ObjectNode header;
    private JsonNode orgc;
    private JsonNode org;
    private JsonNode tags;
    private List<MispAttribute> eventAttributes;
    private List<MispObject> objects;
    private List<MispGalaxyCluster> clusters;
    private ObjectNode clusterNode;
    private int eventKept;
    private int eventCut;
    private boolean eventTruncated;
    // The object being read.
    private ObjectNode objectHeader;
    private List<MispAttribute> objectAttributes;

    private int events;
    private int attributes;
    private int records;
    private int skipped;
    private int truncated;

    public MispEventReader(Limits limits, Consumer<MispEventDocument> sink) {
        this.limits = limits == null ? Limits.none() : limits;
        this.sink = sink;
    }

    /**
     * Reads a whole answer from a stream with a blocking parser (tests, fixtures, the simulator).
     *
     * @throws IOException when the JSON itself is malformed
     */
    public static Result read(InputStream in, Limits limits) throws IOException {
        List<MispEventDocument> out = new ArrayList<>();
        MispEventReader reader = new MispEventReader(limits, out::add);
        try (JsonParser parser = new ObjectMapper().getFactory().createParser(in)) {
            reader.readAll(parser);
        }
        return new Result(out, reader.records(), reader.skipped(), reader.truncated(), reader.full());
    }

    /** Reads an answer given as text. */
    public static Result read(String json, Limits limits) throws IOException {
        return read(new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                limits);
    }

    /**
     * What {@link #read} found.
     *
     * @param events the events read
     * @param records events in the answer, readable or not
     * @param skipped events and attributes that could not be read
     * @param truncated events with a string cut to its cap or attributes beyond the per-event cap
     * @param full a cap on events or attributes ended the read
     */
    public record Result(List<MispEventDocument> events, int records, int skipped, int truncated, boolean full) {
        public Result {
            events = List.copyOf(events);
        }
    }

    /** Feeds every token of a blocking parser until its end or until {@link #full()}. */
    public void readAll(JsonParser parser) throws IOException {
        JsonToken token;
        while (!full && (token = parser.nextToken()) != null) {
            token(parser, token);
        }
    }

    /** Whether a cap on events or attributes was reached: the caller stops reading. */
    public boolean full() {
        return full;
    }

    /** Whether any token was read (an empty answer is malformed). */
    public boolean sawRoot() {
        return sawRoot;
    }

    /** Events in the answer so far, readable or not (drives paging). */
    public int records() {
        return records;
    }

    /** Events and attributes that could not be read. */
    public int skipped() {
        return skipped;
    }

    /** Events with a string cut or attributes beyond the per-event cap. */
    public int truncated() {
        return truncated;
    }

    /** Events delivered. */
    public int events() {
        return events;
    }

    /** Attributes kept in delivered events and the event being read. */
    public int attributes() {
        return attributes;
    }

    /** Handles the parser's current token (which must not be {@code NOT_AVAILABLE}). */
    public void token(JsonParser p, JsonToken t) throws IOException {
        if (full) {
            return;
        }
        sawRoot = true;
        if (tree != null) {
            if (tree.add(p, t)) {
                JsonNode node = tree.tree();
                tree = null;
                built(node);
            }
            return;
        }
        if (skipDepth > 0) {
            if (t.isStructStart()) {
                skipDepth++;
            } else if (t.isStructEnd()) {
                skipDepth--;
            }
            return;
        }
        if (t == JsonToken.FIELD_NAME) {
            field = p.currentName();
            return;
        }
        if (t.isStructEnd()) {
            Mode ended = stack.pop();
            ended(ended);
            return;
        }
        Mode m = stack.peek();
        if (m == null) {
            if (t == JsonToken.START_ARRAY) {
                stack.push(Mode.LIST);
            } else if (t == JsonToken.START_OBJECT) {
                stack.push(Mode.ROOT_OBJECT);
            } else {
                throw new IOException("answer is not a JSON object or array");
            }
            return;
        }
        switch (m) {
            case ROOT_OBJECT -> {
                if ("response".equals(field) && t == JsonToken.START_ARRAY) {
                    stack.push(Mode.LIST);
                } else {
                    skip(t);
                }
            }
            case LIST -> {
                if (t == JsonToken.START_OBJECT) {
                    stack.push(Mode.WRAPPER);
                    wrapperHadEvent = false;
                } else {
                    skip(t);
                    records++;
                    skipped++;
                }
            }
            case WRAPPER -> {
                if ("Event".equals(field) && t == JsonToken.START_OBJECT && !wrapperHadEvent) {
                    if (events >= limits.events()) {
                        full = true;
                        return;
                    }
                    wrapperHadEvent = true;
                    startEvent();
                    stack.push(Mode.EVENT);
                } else {
                    skip(t);
                }
            }
            case EVENT -> {
                if (t == JsonToken.START_ARRAY && "Attribute".equals(field)) {
                    stack.push(Mode.ATTRIBUTES);
                } else if (t == JsonToken.START_ARRAY && "Object".equals(field)) {
                    stack.push(Mode.OBJECTS);
                } else if (t == JsonToken.START_ARRAY && "Galaxy".equals(field)) {
                    stack.push(Mode.GALAXIES);
                } else if (t.isStructStart() && ("Orgc".equals(field) || "Org".equals(field)
                        || "Tag".equals(field))) {
                    target = "Orgc".equals(field) ? Target.ORGC : "Org".equals(field) ? Target.ORG : Target.TAGS;
                    tree = new JsonTreeBuilder(p, t);
                } else if (t.isStructStart()) {
                    skip(t);
                } else {
                    scalar(header, p, t);
                }
            }
            case OBJECTS -> {
                if (t == JsonToken.START_OBJECT) {
                    objectHeader = NODES.objectNode();
                    objectAttributes = new ArrayList<>();
                    stack.push(Mode.OBJECT);
                } else {
                    skip(t);
                }
            }
            case OBJECT -> {
                if (t == JsonToken.START_ARRAY && "Attribute".equals(field)) {
                    stack.push(Mode.ATTRIBUTES);
                } else if (t.isStructStart()) {
                    skip(t);
                } else {
                    scalar(objectHeader, p, t);
                }
            }
            case ATTRIBUTES -> {
                if (t != JsonToken.START_OBJECT) {
                    skip(t);
                    skipped++;
                } else if (eventKept >= limits.attributesPerEvent()) {
                    // Beyond the per-event cap: the attribute's tokens pass by without being kept.
                    eventCut++;
                    skipDepth = 1;
                } else if (attributes >= limits.attributes()) {
                    full = true;
                } else {
                    target = Target.ATTRIBUTE;
                    tree = new JsonTreeBuilder(p, t);
                }
            }
            case GALAXIES -> {
                if (t == JsonToken.START_OBJECT) {
                    stack.push(Mode.GALAXY);
                } else {
                    skip(t);
                }
            }
            case GALAXY -> {
                if (t == JsonToken.START_ARRAY && "GalaxyCluster".equals(field)) {
                    stack.push(Mode.CLUSTERS);
                } else {
                    skip(t);
                }
            }
            case CLUSTERS -> {
                if (t == JsonToken.START_OBJECT && clusters.size() < MAX_CLUSTERS_PER_EVENT) {
                    clusterNode = NODES.objectNode();
                    stack.push(Mode.CLUSTER);
                } else {
                    skip(t);
                }
            }
            case CLUSTER -> {
                if (t.isStructStart()) {
                    skip(t);
                } else if ("tag_name".equals(field) || "type".equals(field) || "value".equals(field)) {
                    scalar(clusterNode, p, t);
                }
            }
            default -> skip(t);
        }
    }

    private void skip(JsonToken t) {
        if (t.isStructStart()) {
            skipDepth = 1;
        }
    }

    private static void scalar(ObjectNode into, JsonParser p, JsonToken t) throws IOException {
        String name = p.currentName();
        if (into == null || name == null) {
            return;
        }
        switch (t) {
            case VALUE_STRING -> into.put(name, p.getText());
            case VALUE_NUMBER_INT -> into.put(name, p.getLongValue());
            case VALUE_NUMBER_FLOAT -> into.put(name, p.getDoubleValue());
            case VALUE_TRUE -> into.put(name, true);
            case VALUE_FALSE -> into.put(name, false);
            default -> into.putNull(name);
        }
    }

    private void startEvent() {
        header = NODES.objectNode();
        orgc = null;
        org = null;
        tags = null;
        eventAttributes = new ArrayList<>();
        objects = new ArrayList<>();
        clusters = new ArrayList<>();
        eventKept = 0;
        eventCut = 0;
        eventTruncated = false;
    }

    private void built(JsonNode node) {
        switch (target) {
            case ORGC -> orgc = node;
            case ORG -> org = node;
            case TAGS -> tags = node;
            case ATTRIBUTE -> {
                if (limits.strings() != null && limits.strings().test(node)) {
                    eventTruncated = true;
                }
                try {
                    MispAttribute a = MispJson.attribute(node);
                    (objectAttributes != null ? objectAttributes : eventAttributes).add(a);
                    eventKept++;
                    attributes++;
                } catch (MispFormatException e) {
                    skipped++;
                }
            }
            default -> {
            }
        }
    }

    private void ended(Mode m) {
        switch (m) {
            case WRAPPER -> {
                if (!wrapperHadEvent) {
                    records++;
                    skipped++;
                }
            }
            case EVENT -> endEvent();
            case OBJECT -> {
                // The object's comment is capped as an attribute's is.
                if (limits.strings() != null && limits.strings().test(objectHeader)) {
                    eventTruncated = true;
                }
                objects.add(new MispObjectDraft(objectHeader, objectAttributes).object());
                objectHeader = null;
                objectAttributes = null;
            }
            case CLUSTER -> {
                cluster(clusterNode);
                clusterNode = null;
            }
            default -> {
            }
        }
    }

    private void endEvent() {
        records++;
        ObjectNode wrapped = NODES.objectNode();
        ObjectNode e = header;
        if (orgc != null) {
            e.set("Orgc", orgc);
        }
        if (org != null) {
            e.set("Org", org);
        }
        if (tags != null) {
            e.set("Tag", tags);
        }
        wrapped.set("Event", e);
        if (limits.strings() != null && limits.strings().test(wrapped)) {
            eventTruncated = true;
        }
        String uuid = MispJson.text(e, "uuid");
        if (uuid == null || uuid.isBlank()) {
            skipped++;
            attributes -= eventKept;
            return;
        }
        MispEvent context = MispJson.event(e);
        List<MispAttribute> own = new ArrayList<>(eventAttributes.size());
        eventAttributes.forEach(a -> own.add(MispJson.withEvent(a, context)));
        List<MispObject> objs = new ArrayList<>(objects.size());
        for (MispObject o : objects) {
            List<MispAttribute> in = new ArrayList<>(o.attributes().size());
            o.attributes().forEach(a -> in.add(MispJson.withEvent(a, context)));
            objs.add(new MispObject(o.id(), o.uuid(), o.name(), o.metaCategory(), o.templateUuid(),
                    o.templateVersion(), o.distribution(), o.timestamp(), o.comment(), o.deleted(), in));
        }
        MispEventDocument doc = new MispEventDocument(MispJson.text(e, "id"), uuid.strip().toLowerCase(Locale.ROOT),
                MispJson.text(e, "info"), MispJson.date(e, "date"), MispJson.integer(e, "threat_level_id"),
                MispJson.integer(e, "analysis"), MispJson.bool(e, "published"), MispJson.epoch(e, "timestamp"),
                MispJson.epoch(e, "publish_timestamp"), MispJson.integer(e, "distribution"), organisation(orgc),
                organisation(org), context.tags().stream().map(t -> MispTag.of(t.name())).toList(), own, objs,
                eventCut, clusters);
        if (eventTruncated || eventCut > 0) {
            truncated++;
        }
        events++;
        header = null;
        eventAttributes = null;
        objects = null;
        clusters = null;
        sink.accept(doc);
    }

    /**
     * Keeps one galaxy cluster: its tag name as sent, else the name MISP gives such a tag
     * ({@code misp-galaxy:type="value"}); a cluster with neither is not kept. Strings are capped as tags and values.
     */
    private void cluster(ObjectNode c) {
        String type = MispJson.text(c, "type");
        String value = MispJson.text(c, "value");
        String tagName = MispJson.text(c, "tag_name");
        if (tagName == null || tagName.isBlank()) {
            if (type == null || type.isBlank() || value == null || value.isBlank()) {
                return;
            }
            tagName = "misp-galaxy:" + type.strip() + "=\"" + value.strip() + "\"";
        }
        if (limits.strings() != null) {
            ObjectNode capped = NODES.objectNode();
            if (value != null) {
                capped.put("value", value);
            }
            capped.putArray("Tag").addObject().put("name", tagName);
            if (limits.strings().test(capped)) {
                eventTruncated = true;
            }
            value = MispJson.text(capped, "value");
            tagName = capped.get("Tag").get(0).get("name").asText();
        }
        clusters.add(new MispGalaxyCluster(tagName.strip(), type, value));
    }

    private static MispOrganisation organisation(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        String name = MispJson.text(node, "name");
        String uuid = MispJson.text(node, "uuid");
        if ((name == null || name.isBlank()) && (uuid == null || uuid.isBlank())) {
            return null;
        }
        return new MispOrganisation(name, uuid == null ? null : uuid.strip().toLowerCase(Locale.ROOT));
    }

    /** An object's header fields as read, and its attributes (without event context yet). */
    private record MispObjectDraft(ObjectNode h, List<MispAttribute> attributes) {
        MispObject object() {
            String uuid = MispJson.text(h, "uuid");
            return new MispObject(MispJson.text(h, "id"), uuid == null ? null : uuid.strip().toLowerCase(Locale.ROOT),
                    MispJson.text(h, "name"), MispJson.text(h, "meta-category"), MispJson.text(h, "template_uuid"),
                    MispJson.text(h, "template_version"), MispJson.integer(h, "distribution"),
                    MispJson.epoch(h, "timestamp"), MispJson.text(h, "comment"), MispJson.bool(h, "deleted"),
                    attributes);
        }
    }
}
