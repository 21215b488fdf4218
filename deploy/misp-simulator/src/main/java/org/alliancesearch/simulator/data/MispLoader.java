package org.alliancesearch.simulator.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import org.alliancesearch.simulator.store.AttributeDraft;
import org.alliancesearch.simulator.store.EventDraft;
import org.alliancesearch.simulator.store.MispStore;
import org.alliancesearch.simulator.store.ObjectDraft;
import org.alliancesearch.simulator.store.Organisation;
import org.alliancesearch.simulator.store.TagDraft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Loads MISP event JSON into a {@link MispStore}: single files ({@code {"Event": …}}, a bare event, a list of them,
 * or a restSearch answer {@code {"response": [...]}}) and MISP feed directories ({@code manifest.json} plus
 * {@code <uuid>.json} per event; a directory without manifest loads every {@code *.json}). Reading is lenient: ids and
 * booleans as strings or numbers; an attribute without type and value is skipped. Local ids are assigned anew, uuids
 * are kept (missing ones are derived from the content, so a reload gives the same uuids).
 */
public final class MispLoader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MispLoader() {
    }

    /** Loads a file or a feed directory; returns the number of events added. */
    public static int load(MispStore store, Path path) throws IOException {
        if (Files.isDirectory(path)) {
            Path manifest = path.resolve("manifest.json");
            List<Path> files = new ArrayList<>();
            if (Files.isRegularFile(manifest)) {
                JsonNode m = MAPPER.readTree(manifest.toFile());
                for (Iterator<String> it = m.fieldNames(); it.hasNext();) {
                    Path f = path.resolve(it.next() + ".json");
                    if (Files.isRegularFile(f)) {
                        files.add(f);
                    }
                }
            } else {
                try (Stream<Path> s = Files.list(path)) {
                    s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().forEach(files::add);
                }
            }
            int n = 0;
            for (Path f : files) {
                n += loadTree(store, MAPPER.readTree(f.toFile()), f.getFileName().toString());
            }
            return n;
        }
        return loadTree(store, MAPPER.readTree(path.toFile()), path.getFileName().toString());
    }

    /** Loads events from an already parsed JSON tree; {@code origin} seeds uuids missing from the data. */
    public static int loadTree(MispStore store, JsonNode root, String origin) {
        if (root == null) {
            return 0;
        }
        if (root.isArray()) {
            int n = 0;
            int i = 0;
            for (JsonNode e : root) {
                n += loadTree(store, e, origin + "#" + i++);
            }
            return n;
        }
        if (root.has("response")) {
            return loadTree(store, root.get("response"), origin);
        }
        JsonNode event = root.has("Event") && root.get("Event").isObject() ? root.get("Event") : root;
        if (!event.isObject()) {
            return 0;
        }
        store.addEvent(draft(event, store.owner(), origin));
        return 1;
    }

    static EventDraft draft(JsonNode e, Organisation owner, String origin) {
        EventDraft d = new EventDraft();
        d.uuid = uuid(text(e, "uuid"), origin);
        d.info = text(e, "info") == null ? "" : text(e, "info");
        String date = text(e, "date");
        try {
            d.dateEpochDay = date == null ? 0 : LocalDate.parse(date.trim()).toEpochDay();
        } catch (RuntimeException ex) {
            d.dateEpochDay = 0;
        }
        JsonNode orgc = e.get("Orgc");
        if (orgc != null && orgc.isObject() && text(orgc, "name") != null) {
            String orgcUuid = text(orgc, "uuid");
            d.orgc = new Organisation(text(orgc, "name"), orgcUuid != null
                    ? uuid(orgcUuid, "org:" + text(orgc, "name"))
                    : UUID.nameUUIDFromBytes(("org:" + text(orgc, "name")).getBytes()));
        } else {
            d.orgc = owner;
        }
        d.distribution = integer(e, "distribution", 1);
        d.threatLevelId = integer(e, "threat_level_id", 4);
        d.analysis = integer(e, "analysis", 0);
        d.published = bool(e, "published");
        d.timestamp = longValue(e, "timestamp", d.dateEpochDay * 86400);
        d.publishTimestamp = longValue(e, "publish_timestamp", 0);
        tags(e.get("Tag"), d.tags);
        JsonNode eventTags = e.get("EventTag");
        if (eventTags != null && eventTags.isArray()) {
            for (JsonNode et : eventTags) {
                tags(et.get("Tag"), d.tags);
            }
        }
        galaxies(e.get("Galaxy"), d.tags);
        int ordinal = 0;
        JsonNode attrs = e.get("Attribute");
        if (attrs != null && attrs.isArray()) {
            for (JsonNode a : attrs) {
                AttributeDraft ad = attribute(a, d, origin + "/a" + ordinal++);
                if (ad != null) {
                    d.attributes.add(ad);
                }
            }
        }
        JsonNode objects = e.get("Object");
        if (objects != null && objects.isArray()) {
            for (JsonNode o : objects) {
                ObjectDraft od = new ObjectDraft();
                od.uuid = uuid(text(o, "uuid"), origin + "/o" + d.objects.size());
                od.name = orEmpty(text(o, "name"));
                od.metaCategory = orEmpty(text(o, "meta-category"));
                od.description = orEmpty(text(o, "description"));
                od.templateUuid = orEmpty(text(o, "template_uuid"));
                od.templateVersion = text(o, "template_version") == null ? "1" : text(o, "template_version");
                od.distribution = integer(o, "distribution", 5);
                od.timestamp = longValue(o, "timestamp", d.timestamp);
                od.comment = orEmpty(text(o, "comment"));
                int objectIndex = d.objects.size();
                d.objects.add(od);
                JsonNode oa = o.get("Attribute");
                if (oa != null && oa.isArray()) {
                    for (JsonNode a : oa) {
                        AttributeDraft ad = attribute(a, d, origin + "/a" + ordinal++);
                        if (ad != null) {
                            ad.objectIndex = objectIndex;
                            d.attributes.add(ad);
                        }
                    }
                }
            }
        }
        return d;
    }

    private static AttributeDraft attribute(JsonNode a, EventDraft event, String origin) {
        String type = text(a, "type");
        String value = text(a, "value");
        if (type == null || type.isBlank() || value == null) {
            return null;
        }
        AttributeDraft d = new AttributeDraft();
        d.uuid = uuid(text(a, "uuid"), origin + ":" + type + ":" + value);
        d.type = type;
        d.category = text(a, "category") == null ? "Other" : text(a, "category");
        d.value = value;
        d.toIds = bool(a, "to_ids");
        d.deleted = bool(a, "deleted");
        d.disableCorrelation = bool(a, "disable_correlation");
        d.distribution = integer(a, "distribution", 5);
        d.timestamp = longValue(a, "timestamp", event.timestamp);
        d.comment = orEmpty(text(a, "comment"));
        d.objectRelation = text(a, "object_relation");
        tags(a.get("Tag"), d.tags);
        return d;
    }

    private static void tags(JsonNode tags, List<TagDraft> out) {
        if (tags == null) {
            return;
        }
        if (tags.isObject()) {
            String name = text(tags, "name");
            if (name != null && !name.isBlank()) {
                out.add(new TagDraft(name, text(tags, "colour")));
            }
            return;
        }
        if (tags.isArray()) {
            for (JsonNode t : tags) {
                tags(t, out);
            }
        }
    }

    /**
     * Galaxy clusters attached to the event become the event's {@code misp-galaxy:} tags (as MISP keeps them), unless
     * the event already carries the tag: the writer gives them back as {@code Galaxy} from those tags.
     */
    private static void galaxies(JsonNode galaxies, List<TagDraft> out) {
        if (galaxies == null || !galaxies.isArray()) {
            return;
        }
        for (JsonNode g : galaxies) {
            JsonNode clusters = g.get("GalaxyCluster");
            if (clusters == null || !clusters.isArray()) {
                continue;
            }
            for (JsonNode c : clusters) {
                String name = text(c, "tag_name");
                if ((name == null || name.isBlank()) && text(c, "type") != null && text(c, "value") != null) {
                    name = "misp-galaxy:" + text(c, "type") + "=\"" + text(c, "value") + "\"";
                }
                String tag = name;
                if (tag != null && !tag.isBlank() && out.stream().noneMatch(t -> t.name().equalsIgnoreCase(tag))) {
                    out.add(new TagDraft(tag, null));
                }
            }
        }
    }

    private static UUID uuid(String text, String seed) {
        if (text != null) {
            try {
                return UUID.fromString(text.trim());
            } catch (IllegalArgumentException e) {
                // not a uuid (PyMISP fixtures use "a", "b"): derive a stable one below
            }
        }
        return UUID.nameUUIDFromBytes((seed + "|" + text).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static int integer(JsonNode n, String field, int dflt) {
        String s = text(n, field);
        try {
            return s == null ? dflt : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    private static long longValue(JsonNode n, String field, long dflt) {
        String s = text(n, field);
        try {
            return s == null ? dflt : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    private static boolean bool(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        String s = v.asText().trim().toLowerCase(Locale.ROOT);
        return s.equals("1") || s.equals("true");
    }
}
