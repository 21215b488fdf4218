package org.alliancesearch.model.mispapi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.alliancesearch.model.misp.MispAttribute;
import org.alliancesearch.model.misp.MispEventDocument;
import org.alliancesearch.model.misp.MispObject;
import org.alliancesearch.model.misp.MispOrganisation;
import org.alliancesearch.model.misp.MispTag;
import org.alliancesearch.model.result.MemberRef;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes merged events as MISP's {@code events/restSearch} answers them: {@code {"response": [{"Event": {…}}, …]}},
 * event by event with Jackson's generator (no tree of the whole answer is built).
 *
 * <p>
 * As MISP does, ids, timestamps, {@code distribution}, {@code threat_level_id} and {@code analysis} are strings of
 * digits and {@code published}, {@code to_ids}, {@code deleted} are booleans. Ids are the portal's own, derived from
 * uuids ({@link MispIds}): a member's ids are local to its server. Organisations without a known uuid get a stable
 * name-based one. Each event, object and attribute also carries {@value #HOLDERS}: the names of the members holding
 * it (MISP clients ignore fields they do not know). Parts the portal does not merge ({@code RelatedEvent},
 * {@code Galaxy}, {@code ShadowAttribute}, {@code EventReport}, {@code ObjectReference}) are written empty.
 */
public final class MispEventJsonWriter {
    /** The extra field naming the members that hold an event, object or attribute. */
    public static final String HOLDERS = "alliance_holders";

    private static final JsonFactory FACTORY = new JsonFactory();

    /** Writes the page {@code page} (1-based) of {@code limit} events (a limit below 1: all) of the answer. */
    public void write(OutputStream out, MergedEvents merged, int limit, int page) throws IOException {
        write(out, merged.page(limit, page));
    }

    /** Writes these events as one answer; the stream is flushed, not closed. */
    public void write(OutputStream out, List<MergedEvents.Event> events) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeArrayFieldStart("response");
            for (MergedEvents.Event e : events) {
                g.writeStartObject();
                g.writeFieldName("Event");
                event(g, e);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void event(JsonGenerator g, MergedEvents.Event e) throws IOException {
        MispEventDocument h = e.header();
        String eventId = MispIds.of(h.uuid());
        g.writeStartObject();
        g.writeStringField("id", eventId);
        g.writeStringField("orgc_id", organisationId(e.orgc()));
        g.writeStringField("org_id", organisationId(e.org()));
        g.writeStringField("date", h.date() == null ? "" : h.date().toString());
        g.writeStringField("threat_level_id", digits(h.threatLevelId(), 4));
        g.writeStringField("info", h.info() == null ? "" : h.info());
        g.writeBooleanField("published", h.published());
        g.writeStringField("uuid", h.uuid());
        g.writeStringField("attribute_count", Integer.toString(e.attributeCount()));
        g.writeStringField("analysis", digits(h.analysis(), 0));
        g.writeStringField("timestamp", epoch(h.timestamp()));
        g.writeStringField("distribution", digits(h.distribution(), 0));
        g.writeBooleanField("proposal_email_lock", false);
        g.writeBooleanField("locked", false);
        g.writeStringField("publish_timestamp", epoch(h.publishTimestamp()));
        g.writeStringField("sharing_group_id", "0");
        g.writeBooleanField("disable_correlation", false);
        g.writeStringField("extends_uuid", "");
        organisation(g, "Org", e.org(), true);
        organisation(g, "Orgc", e.orgc(), false);
        g.writeArrayFieldStart("Attribute");
        for (MergedEvents.Attribute a : e.attributes()) {
            attribute(g, a, eventId, "0");
        }
        g.writeEndArray();
        g.writeArrayFieldStart("ShadowAttribute");
        g.writeEndArray();
        g.writeArrayFieldStart("RelatedEvent");
        g.writeEndArray();
        g.writeArrayFieldStart("Galaxy");
        g.writeEndArray();
        g.writeArrayFieldStart("Object");
        for (MergedEvents.EventObject o : e.objects()) {
            object(g, o, eventId);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("EventReport");
        g.writeEndArray();
        tags(g, e.tags());
        holders(g, e.holders());
        g.writeEndObject();
    }

    private static void object(JsonGenerator g, MergedEvents.EventObject o, String eventId) throws IOException {
        MispObject h = o.header();
        String objectId = MispIds.of(h.uuid());
        g.writeStartObject();
        g.writeStringField("id", objectId);
        g.writeStringField("name", text(h.name()));
        g.writeStringField("meta-category", text(h.metaCategory()));
        g.writeStringField("description", "");
        g.writeStringField("template_uuid", text(h.templateUuid()));
        g.writeStringField("template_version", h.templateVersion() == null ? "0" : h.templateVersion());
        g.writeStringField("event_id", eventId);
        g.writeStringField("uuid", text(h.uuid()));
        g.writeStringField("timestamp", epoch(h.timestamp()));
        g.writeStringField("distribution", digits(h.distribution(), 5));
        g.writeStringField("sharing_group_id", "0");
        g.writeStringField("comment", text(h.comment()));
        g.writeBooleanField("deleted", false);
        g.writeNullField("first_seen");
        g.writeNullField("last_seen");
        g.writeArrayFieldStart("ObjectReference");
        g.writeEndArray();
        g.writeArrayFieldStart("Attribute");
        for (MergedEvents.Attribute a : o.attributes()) {
            attribute(g, a, eventId, objectId);
        }
        g.writeEndArray();
        holders(g, o.holders());
        g.writeEndObject();
    }

    private static void attribute(JsonGenerator g, MergedEvents.Attribute merged, String eventId, String objectId)
            throws IOException {
        MispAttribute a = merged.attribute();
        g.writeStartObject();
        g.writeStringField("id", MispIds.of(a.uuid()));
        g.writeStringField("type", a.type());
        g.writeStringField("category", text(a.category()));
        g.writeBooleanField("to_ids", a.toIds());
        g.writeStringField("uuid", text(a.uuid()));
        g.writeStringField("event_id", eventId);
        g.writeStringField("distribution", digits(a.distribution(), 5));
        g.writeStringField("timestamp", epoch(a.timestamp()));
        g.writeStringField("comment", text(a.comment()));
        g.writeStringField("sharing_group_id", "0");
        g.writeBooleanField("deleted", false);
        g.writeBooleanField("disable_correlation", false);
        g.writeStringField("object_id", objectId);
        if (a.objectRelation() == null) {
            g.writeNullField("object_relation");
        } else {
            g.writeStringField("object_relation", a.objectRelation());
        }
        instant(g, "first_seen", a.firstSeen());
        instant(g, "last_seen", a.lastSeen());
        g.writeStringField("value", a.value());
        // The event's tags are on the event; an attribute lists its own (as MISP's event view does).
        tags(g, a.tags().stream().filter(t -> !t.inherited()).toList());
        holders(g, merged.holders());
        g.writeEndObject();
    }

    private static void tags(JsonGenerator g, List<MispTag> tags) throws IOException {
        g.writeArrayFieldStart("Tag");
        for (MispTag t : tags) {
            g.writeStartObject();
            g.writeStringField("id", MispIds.of("tag:" + t.name().strip().toLowerCase(Locale.ROOT)));
            g.writeStringField("name", t.name());
            g.writeStringField("colour", "#0088cc");
            g.writeBooleanField("exportable", true);
            g.writeBooleanField("hide_tag", false);
            g.writeBooleanField("local", false);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void organisation(JsonGenerator g, String field, MispOrganisation o, boolean local)
            throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("id", organisationId(o));
        g.writeStringField("name", o == null || o.name() == null ? "" : o.name());
        g.writeStringField("uuid", organisationUuid(o));
        g.writeBooleanField("local", local);
        g.writeEndObject();
    }

    private static void holders(JsonGenerator g, List<MemberRef> holders) throws IOException {
        g.writeArrayFieldStart(HOLDERS);
        for (MemberRef m : holders) {
            g.writeString(m.name());
        }
        g.writeEndArray();
    }

    /** The organisation's uuid, or one derived from its name (stable, so clients can key on it). */
    static String organisationUuid(MispOrganisation o) {
        if (o != null && o.uuid() != null && !o.uuid().isBlank()) {
            return o.uuid();
        }
        String name = o == null || o.name() == null ? "" : o.name().strip().toLowerCase(Locale.ROOT);
        return UUID.nameUUIDFromBytes(("alliance-organisation:" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String organisationId(MispOrganisation o) {
        return MispIds.of(organisationUuid(o));
    }

    private static void instant(JsonGenerator g, String field, Instant i) throws IOException {
        if (i == null) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, i.toString());
        }
    }

    private static String epoch(Instant i) {
        return i == null ? "0" : Long.toString(i.getEpochSecond());
    }

    private static String digits(Integer n, int otherwise) {
        return Integer.toString(n == null || n < 0 ? otherwise : n);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
