package org.alliancesearch.model.mispapi;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.misp.MispEvent;
import org.alliancesearch.model.misp.MispTag;
import org.alliancesearch.model.result.MemberRef;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes alliance attributes as MISP's {@code attributes/restSearch} does, streamed: JSON with Jackson's generator,
 * CSV and text line by line, never the whole answer in memory. Ids are the portal's ({@link MispIds}); each attribute
 * carries one extra field MISP clients ignore, {@code alliance_holders}: the names of the members that hold it.
 *
 * <p>
 * What members do not send with an attribute is left out rather than invented: {@code Event.analysis} and
 * {@code Event.publish_timestamp} never appear, {@code date}, {@code threat_level_id} and {@code timestamp} only when
 * known. Tag ids are derived from the name, so they are the same for every member.
 */
public final class MispAttributeWriter {
    /** MISP's default CSV columns for attributes. */
    public static final List<String> CSV_COLUMNS = List.of("uuid", "event_id", "category", "type", "value", "comment",
            "to_ids", "timestamp", "object_relation", "attribute_tag");
    /** The event columns MISP adds with {@code includeContext}. */
    public static final List<String> CSV_CONTEXT_COLUMNS = List.of("event_info", "event_member_org",
            "event_source_org", "event_distribution", "event_threat_level_id", "event_analysis", "event_date",
            "event_tag", "event_timestamp");
    private static final JsonFactory JSON = new JsonFactory();

    private MispAttributeWriter() {
    }

    /** The media type of a format. */
    public static String mediaType(MispSearchRequest.ReturnFormat format) {
        return switch (format) {
            case JSON -> "application/json";
            case CSV -> "text/csv; charset=UTF-8";
            case TEXT -> "text/plain; charset=UTF-8";
        };
    }

    /** Writes the rows in the requested format; the stream is flushed, not closed. */
    public static void write(List<AllianceAttribute> rows, MispSearchRequest.Output output, OutputStream out)
            throws IOException {
        switch (output.format()) {
            case JSON -> json(rows, output, out);
            case CSV -> csv(rows, output, out);
            case TEXT -> text(rows, out);
        }
    }

    /** {@code {"response": {"Attribute": [...]}}}. */
    public static void json(List<AllianceAttribute> rows, MispSearchRequest.Output output, OutputStream out)
            throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeObjectFieldStart("response");
            g.writeArrayFieldStart("Attribute");
            for (AllianceAttribute a : rows) {
                attribute(g, a, output);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        }
        out.flush();
    }

    /** One attribute object, as inside MISP's answer (also for an event's {@code Attribute} list). */
    public static void attribute(JsonGenerator g, AllianceAttribute row, MispSearchRequest.Output output)
            throws IOException {
        MispAttribute a = row.attribute();
        MispEvent e = a.event();
        g.writeStartObject();
        g.writeStringField("id", attributeId(row));
        g.writeStringField("event_id", MispIds.of(row.eventUuid()));
        g.writeStringField("object_id", objectId(row));
        g.writeStringField("object_relation", blankToNull(a.objectRelation()));
        g.writeStringField("category", a.category());
        g.writeStringField("type", a.type());
        g.writeStringField("value", a.value());
        g.writeBooleanField("to_ids", a.toIds());
        g.writeStringField("uuid", a.uuid());
        g.writeStringField("timestamp", epoch(a.timestamp()));
        g.writeStringField("distribution", a.distribution() == null ? "5" : a.distribution().toString());
        g.writeStringField("sharing_group_id", "0");
        g.writeStringField("comment", a.comment() == null ? "" : a.comment());
        g.writeBooleanField("deleted", false);
        g.writeBooleanField("disable_correlation", false);
        g.writeStringField("first_seen", a.firstSeen() == null ? null : a.firstSeen().toString());
        g.writeStringField("last_seen", a.lastSeen() == null ? null : a.lastSeen().toString());
        if (e != null) {
            g.writeObjectFieldStart("Event");
            String orgId = organisationId(row);
            g.writeStringField("id", MispIds.of(e.uuid()));
            g.writeStringField("org_id", orgId);
            g.writeStringField("orgc_id", orgId);
            g.writeStringField("info", e.info() == null ? "" : e.info());
            g.writeStringField("uuid", e.uuid());
            g.writeStringField("distribution", e.distribution() == null ? "0" : e.distribution().toString());
            if (output.includeContext()) {
                if (e.date() != null) {
                    g.writeStringField("date", e.date().toString());
                }
                if (e.threatLevelId() != null) {
                    g.writeStringField("threat_level_id", e.threatLevelId().toString());
                }
                if (e.published() != null) {
                    g.writeBooleanField("published", e.published());
                }
                if (e.timestamp() != null) {
                    g.writeStringField("timestamp", epoch(e.timestamp()));
                }
                g.writeObjectFieldStart("Orgc");
                g.writeStringField("id", orgId);
                g.writeStringField("name", row.creator());
                g.writeStringField("uuid", row.creatorUuid());
                g.writeEndObject();
                g.writeArrayFieldStart("Tag");
                for (MispTag t : row.eventTags()) {
                    tag(g, t.name(), null);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        g.writeArrayFieldStart("Tag");
        for (MispTag t : row.tags()) {
            tag(g, t.name(), output.includeEventTags() ? Boolean.FALSE : null);
        }
        if (output.includeEventTags()) {
            Set<String> own = row.tags().stream().map(t -> t.name().strip().toLowerCase(Locale.ROOT))
                    .collect(Collectors.toSet());
            for (MispTag t : row.eventTags()) {
                if (!own.contains(t.name().strip().toLowerCase(Locale.ROOT))) {
                    tag(g, t.name(), Boolean.TRUE);
                }
            }
        }
        g.writeEndArray();
        g.writeArrayFieldStart("alliance_holders");
        for (MemberRef m : row.holders()) {
            g.writeString(m.name());
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void tag(JsonGenerator g, String name, Boolean inherited) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", MispIds.of("tag:" + name.strip().toLowerCase(Locale.ROOT)));
        g.writeStringField("name", name);
        g.writeStringField("colour", colour(name));
        g.writeBooleanField("exportable", true);
        g.writeStringField("user_id", "0");
        g.writeBooleanField("hide_tag", false);
        g.writeNullField("numerical_value");
        g.writeBooleanField("is_galaxy", name.startsWith("misp-galaxy:"));
        g.writeBooleanField("is_custom_galaxy", false);
        g.writeBooleanField("local_only", false);
        if (inherited != null) {
            g.writeNumberField("inherited", inherited ? 1 : 0);
        }
        g.writeEndObject();
    }

    /** The TLP colours MISP's taxonomy gives, else white. */
    private static String colour(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "tlp:red" -> "#CC0033";
            case "tlp:amber", "tlp:amber+strict" -> "#FFC000";
            case "tlp:green" -> "#339900";
            case "tlp:white", "tlp:clear" -> "#ffffff";
            default -> "#ffffff";
        };
    }

    /** CSV as MISP writes it: a header line (unless headerless), then every field in double quotes. */
    public static void csv(List<AllianceAttribute> rows, MispSearchRequest.Output output, OutputStream out)
            throws IOException {
        List<String> columns = new ArrayList<>(output.requestedAttributes().isEmpty()
                ? CSV_COLUMNS
                : output.requestedAttributes());
        if (output.requestedAttributes().isEmpty()) {
            if (output.includeContext()) {
                columns.addAll(CSV_CONTEXT_COLUMNS);
            }
            if (output.includeEventUuid()) {
                columns.add("event_uuid");
            }
        }
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
        if (!output.headerless()) {
            w.write(String.join(",", columns));
            w.write('\n');
        }
        for (AllianceAttribute row : rows) {
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) {
                    w.write(',');
                }
                w.write('"');
                w.write(cell(row, columns.get(c), output).replace("\"", "\"\""));
                w.write('"');
            }
            w.write('\n');
        }
        w.flush();
    }

    private static String cell(AllianceAttribute row, String column, MispSearchRequest.Output output) {
        MispAttribute a = row.attribute();
        MispEvent e = a.event();
        if (column.startsWith("event_") && !column.equals("event_id") && !column.equals("event_uuid")
                && !output.includeContext()) {
            return "";
        }
        return switch (column) {
            case "uuid" -> nz(a.uuid());
            case "id" -> attributeId(row);
            case "event_id" -> MispIds.of(row.eventUuid());
            case "event_uuid" -> nz(row.eventUuid());
            case "object_id" -> objectId(row);
            case "category" -> nz(a.category());
            case "type" -> nz(a.type());
            case "value" -> nz(a.value());
            case "comment" -> nz(a.comment());
            case "to_ids" -> a.toIds() ? "1" : "0";
            case "timestamp" -> epoch(a.timestamp());
            case "object_relation" -> nz(a.objectRelation());
            case "distribution" -> a.distribution() == null ? "5" : a.distribution().toString();
            case "sharing_group_id" -> "0";
            case "deleted" -> "0";
            case "first_seen" -> a.firstSeen() == null ? "" : a.firstSeen().toString();
            case "last_seen" -> a.lastSeen() == null ? "" : a.lastSeen().toString();
            case "attribute_tag" -> String.join(",", row.tags().stream().map(MispTag::name).toList());
            case "event_info" -> e == null ? "" : nz(e.info());
            case "event_member_org", "event_source_org" -> nz(row.creator());
            case "event_distribution" -> e == null || e.distribution() == null ? "" : e.distribution().toString();
            case "event_threat_level_id" -> e == null || e.threatLevelId() == null ? "" : e.threatLevelId().toString();
            case "event_date" -> e == null || e.date() == null ? "" : e.date().toString();
            case "event_tag" -> String.join(",", row.eventTags().stream().map(MispTag::name).toList());
            case "event_timestamp" -> e == null ? "" : epoch(e.timestamp());
            case "alliance_holders" -> String.join(",", row.holders().stream().map(MemberRef::name).toList());
            default -> "";
        };
    }

    /** One distinct value per line. */
    public static void text(List<AllianceAttribute> rows, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
        Set<String> seen = new LinkedHashSet<>();
        for (AllianceAttribute row : rows) {
            String v = row.attribute().value();
            if (v != null && seen.add(v)) {
                w.write(v);
                w.write('\n');
            }
        }
        w.flush();
    }

    /** The portal's id of the attribute: from its uuid, else from its member and its id there. */
    public static String attributeId(AllianceAttribute row) {
        MispAttribute a = row.attribute();
        if (a.uuid() != null && !a.uuid().isBlank()) {
            return MispIds.of(a.uuid());
        }
        return MispIds.of(row.source().id() + "/attribute/" + a.id());
    }

    /** "0" outside an object, else an id from the holder's object id within the event (stable across searches). */
    private static String objectId(AllianceAttribute row) {
        String objectId = row.attribute().objectId();
        if (objectId == null || objectId.isBlank() || objectId.equals("0")) {
            return "0";
        }
        return MispIds.of(row.source().id() + "/object/" + row.eventUuid() + "/" + objectId);
    }

    private static String organisationId(AllianceAttribute row) {
        return MispIds.of(row.creatorUuid() != null && !row.creatorUuid().isBlank()
                ? row.creatorUuid()
                : "organisation:" + nz(row.creator()));
    }

    private static String epoch(Instant t) {
        return t == null ? "0" : Long.toString(t.getEpochSecond());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
