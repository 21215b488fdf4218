package org.alliancesearch.model.mispapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.alliancesearch.model.misp.MispEventDocument;
import org.alliancesearch.model.misp.MispEventReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Events shaped as MISP sends them, built for tests and read back with the shared model's reader. */
final class EventJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private EventJson() {
    }

    /** An event with MISP's field types (strings of digits, booleans). */
    static ObjectNode event(String uuid, String orgc, String date, String... tags) {
        ObjectNode e = MAPPER.createObjectNode();
        e.put("id", "12");
        e.put("orgc_id", "3");
        e.put("org_id", "3");
        e.put("date", date);
        e.put("threat_level_id", "2");
        e.put("info", "event " + uuid);
        e.put("published", true);
        e.put("uuid", uuid);
        e.put("attribute_count", "0");
        e.put("analysis", "1");
        e.put("timestamp", "1700000000");
        e.put("distribution", "1");
        e.put("publish_timestamp", "1700000100");
        e.put("sharing_group_id", "0");
        if (orgc != null) {
            e.putObject("Orgc").put("id", "3").put("name", orgc).put("uuid", "00000000-0000-4000-8000-0000000000"
                    + String.format("%02d", Math.abs(orgc.hashCode()) % 100));
            e.putObject("Org").put("id", "3").put("name", orgc);
        }
        e.putArray("Attribute");
        e.putArray("Object");
        e.putArray("RelatedEvent").addObject().putObject("Event").put("id", "99").put("info", "related");
        ArrayNode t = e.putArray("Tag");
        for (String tag : tags) {
            t.addObject().put("id", "7").put("name", tag).put("colour", "#fff").put("exportable", true);
        }
        return e;
    }

    static ObjectNode attribute(ObjectNode event, String uuid, String type, String value, String... tags) {
        return attribute((ArrayNode) event.get("Attribute"), uuid, type, value, tags);
    }

    static ObjectNode attribute(ArrayNode into, String uuid, String type, String value, String... tags) {
        ObjectNode a = into.addObject();
        a.put("id", "100");
        a.put("event_id", "12");
        a.put("object_id", "0");
        a.put("category", "Network activity");
        a.put("type", type);
        a.put("value", value);
        a.put("to_ids", true);
        a.put("uuid", uuid);
        a.put("timestamp", "1700000000");
        a.put("distribution", "5");
        a.put("comment", "");
        a.put("deleted", false);
        ArrayNode t = a.putArray("Tag");
        for (String tag : tags) {
            t.addObject().put("name", tag);
        }
        return a;
    }

    static ObjectNode object(ObjectNode event, String uuid, String name) {
        ObjectNode o = ((ArrayNode) event.get("Object")).addObject();
        o.put("id", "5");
        o.put("name", name);
        o.put("meta-category", "file");
        o.put("template_uuid", "688c46fb-5edb-40a3-8273-1af7923e2215");
        o.put("template_version", "25");
        o.put("uuid", uuid);
        o.put("timestamp", "1700000000");
        o.put("distribution", "5");
        o.put("comment", "");
        o.put("deleted", false);
        o.putArray("ObjectReference");
        o.putArray("Attribute");
        return o;
    }

    static String response(JsonNode... events) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode list = root.putArray("response");
        for (JsonNode e : events) {
            list.addObject().set("Event", e);
        }
        return root.toString();
    }

    static List<MispEventDocument> read(JsonNode... events) {
        try {
            return MispEventReader.read(response(events), MispEventReader.Limits.none()).events();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode resource(String name) {
        try (InputStream in = EventJson.class.getResourceAsStream(name)) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
