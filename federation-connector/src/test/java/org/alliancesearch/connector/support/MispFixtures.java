package org.alliancesearch.connector.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** MISP answers built from real MISP JSON (PyMISP test files) or shaped exactly like them. */
public final class MispFixtures {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private MispFixtures() {
    }

    /**
     * The attributes of {@code existing_event.json} (event and object attributes) as {@code attributes/restSearch}
     * returns them with {@code includeContext: 1}: each with its {@code Event} context and the event's tags.
     */
    public static List<ObjectNode> existingEventAttributes() {
        JsonNode root = read("/misp/existing_event.json");
        JsonNode event = root.has("Event") ? root.get("Event") : root;
        ObjectNode context = MAPPER.createObjectNode();
        for (String f : List.of("id", "org_id", "orgc_id", "info", "uuid", "distribution", "date", "threat_level_id",
                "published", "analysis", "timestamp", "publish_timestamp")) {
            if (event.has(f)) {
                context.set(f, event.get(f));
            }
        }
        context.set("Orgc", event.get("Orgc"));
        context.set("Tag", event.get("Tag"));
        List<ObjectNode> out = new ArrayList<>();
        event.get("Attribute").forEach(a -> out.add(withEvent((ObjectNode) a.deepCopy(), context)));
        event.get("Object").forEach(o -> o.path("Attribute").forEach(a -> out.add(withEvent((ObjectNode) a.deepCopy(),
                context))));
        return out;
    }

    private static ObjectNode withEvent(ObjectNode attribute, ObjectNode context) {
        attribute.set("Event", context.deepCopy());
        return attribute;
    }

    /** {@code {"response": {"Attribute": [...]}}}. */
    public static String response(List<? extends JsonNode> attributes) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode array = root.putObject("response").putArray("Attribute");
        attributes.forEach(array::add);
        return root.toString();
    }

    /** A synthetic attribute, shaped like MISP's (strings of digits, booleans as 0/1 sometimes). */
    public static ObjectNode attribute(String prefix, int i) {
        ObjectNode a = MAPPER.createObjectNode();
        a.put("id", String.valueOf(1000 + i));
        a.put("event_id", "42");
        a.put("object_id", "0");
        a.put("category", "Network activity");
        a.put("type", "ip-dst");
        a.put("value", "198.51." + (i / 250) + "." + (i % 250));
        a.put("to_ids", i % 2 == 0 ? "1" : "0");
        a.put("uuid", String.format("%s-0000-4000-8000-%012d", prefix, i));
        a.put("timestamp", "1700000000");
        a.put("distribution", "5");
        a.put("comment", "");
        a.put("deleted", false);
        ObjectNode event = a.putObject("Event");
        event.put("id", "42");
        event.put("info", "synthetic event " + prefix);
        event.put("uuid", prefix + "-1111-4000-8000-000000000042");
        event.put("distribution", "1");
        a.putArray("Tag").addObject().put("name", "tlp:green").put("user_id", false);
        return a;
    }

    /** A page of {@code count} synthetic attributes starting at {@code from}. */
    public static String page(String prefix, int from, int count) {
        List<ObjectNode> list = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            list.add(attribute(prefix, i));
        }
        return response(list);
    }

    /** A MISP error body. */
    public static String error(String name, String message, String url) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("name", name);
        n.put("message", message);
        n.put("url", url);
        return n.toString();
    }

    public static JsonNode read(String resource) {
        try (InputStream in = MispFixtures.class.getResourceAsStream(resource)) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
