package org.alliancesearch.simulator.http;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;

import org.alliancesearch.simulator.search.RestSearchFilter;
import org.alliancesearch.simulator.search.SearchEngine;
import org.alliancesearch.simulator.store.MispStore;
import org.alliancesearch.simulator.store.Organisation;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.vertx.core.buffer.Buffer;

/**
 * Writes restSearch answers in MISP's JSON shape with Jackson's streaming generator straight into a Vert.x buffer:
 * ids, timestamps and distribution as strings of digits, booleans as MISP 2.5 sends them.
 */
final class MispJsonWriter {
    private static final JsonFactory JSON = new JsonFactory();

    private final MispStore store;
    private final RestSearchFilter request;
    private final Hostility hostility;

    MispJsonWriter(MispStore store, RestSearchFilter request, Hostility hostility) {
        this.store = store;
        this.request = request;
        this.hostility = hostility;
    }

    /** {@code {"response": {"Attribute": [...]}}}; repeats the page until {@code minBytes} are written. */
    Buffer attributes(int[] page, long minBytes) {
        Buffer buffer = Buffer.buffer(256 + page.length * 512);
        attributes(page, minBytes, new BufferStream(buffer));
        return buffer;
    }

    /** Streams the attribute answer into {@code out}; closes it at the end. */
    void attributes(int[] page, long minBytes, OutputStream out) {
        CountingStream counted = new CountingStream(out);
        try (JsonGenerator g = JSON.createGenerator(counted, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeObjectFieldStart("response");
            g.writeArrayFieldStart("Attribute");
            int ordinal = 0;
            do {
                for (int at : page) {
                    writeAttribute(g, at, true, ordinal++, null);
                }
                g.flush();
            } while (counted.count < minBytes && page.length > 0);
            if (hostility.tricks().unsearchedValues()) {
                // the same records again under values nobody searched
                for (int at : page) {
                    writeAttribute(g, at, true, ordinal, "unsearched-" + ordinal + ".evil.example");
                    ordinal++;
                }
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code {"response": [{"Event": {...}}, ...]}}. */
    Buffer events(int[] page, long minBytes) {
        Buffer buffer = Buffer.buffer(256 + page.length * 4096);
        events(page, minBytes, new BufferStream(buffer));
        return buffer;
    }

    /** Streams the event answer into {@code out}; closes it at the end. */
    void events(int[] page, long minBytes, OutputStream out) {
        CountingStream counted = new CountingStream(out);
        try (JsonGenerator g = JSON.createGenerator(counted, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeArrayFieldStart("response");
            int ordinal = 0;
            do {
                for (int ev : page) {
                    g.writeStartObject();
                    writeEvent(g, ev, ordinal++);
                    g.writeEndObject();
                }
                g.flush();
            } while (counted.count < minBytes && page.length > 0);
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeAttribute(JsonGenerator g, int at, boolean withEvent, int ordinal, String unsearched)
            throws IOException {
        int ev = store.attributeEvent(at);
        int object = store.attributeObject(at);
        g.writeStartObject();
        g.writeStringField("id", Integer.toString(at + 1));
        g.writeStringField("event_id", Integer.toString(ev + 1));
        g.writeStringField("object_id", Integer.toString(object + 1));
        g.writeStringField("object_relation", store.attributeRelation(at));
        g.writeStringField("category", store.attributeCategory(at));
        g.writeStringField("type", store.attributeType(at));
        g.writeBooleanField("to_ids", store.attributeFlag(at, MispStore.TO_IDS) != hostility.tamperedRecords());
        g.writeStringField("uuid", unsearched == null
                ? store.attributeUuid(at).toString()
                : java.util.UUID.nameUUIDFromBytes(unsearched.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .toString());
        g.writeStringField("timestamp", Long.toString(store.attributeTimestamp(at)));
        g.writeStringField("distribution", Integer.toString(store.attributeDistribution(at)));
        g.writeStringField("sharing_group_id", "0");
        hostility.writeText(g, "comment", hostility.comment(store.attributeComment(at), ordinal));
        g.writeBooleanField("deleted", store.attributeFlag(at, MispStore.DELETED));
        g.writeBooleanField("disable_correlation", store.attributeFlag(at, MispStore.NO_CORRELATION));
        g.writeNullField("first_seen");
        g.writeNullField("last_seen");
        g.writeStringField("value",
                unsearched != null ? unsearched : hostility.value(store.attributeValue(at), ordinal));
        if (hostility.tricks().duplicateKeys()) {
            // a second value and type: a parser that keeps the last one sees a record nobody searched
            g.writeStringField("value", Hostility.DUPLICATE_VALUE);
            g.writeStringField("type", "domain");
        }
        if (withEvent) {
            g.writeObjectFieldStart("Event");
            if (request.includeContext()) {
                writeEventHeader(g, ev, ordinal);
                writeOrgc(g, ev);
                writeTags(g, store.eventTags(ev), false, ordinal, true);
            } else {
                g.writeStringField("org_id", "1");
                g.writeStringField("distribution", Integer.toString(store.eventDistribution(ev)));
                g.writeStringField("id", Integer.toString(ev + 1));
                hostility.writeText(g, "info", hostility.info(store.eventInfo(ev), ordinal));
                g.writeStringField("orgc_id", Integer.toString(store.eventOrgc(ev) + 1));
                g.writeStringField("uuid", store.eventUuid(ev).toString());
            }
            g.writeEndObject();
        }
        if (request.includeSightings()) {
            writeSightings(g, at);
        }
        int[] own = store.attributeTags(at);
        int[] inherited = withEvent && request.includeEventTags() ? store.eventTags(ev) : new int[0];
        if (own.length > 0 || inherited.length > 0 || hostility.extraTags()) {
            g.writeArrayFieldStart("Tag");
            for (int t : own) {
                writeTag(g, t, false, ordinal);
            }
            for (int t : inherited) {
                if (!contains(own, t)) {
                    writeTag(g, t, true, ordinal);
                }
            }
            hostility.extraTag(g);
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** {@code Sighting[]} as MISP attaches it with {@code includeSightings}: each with its organisation. */
    private void writeSightings(JsonGenerator g, int at) throws IOException {
        g.writeArrayFieldStart("Sighting");
        for (org.alliancesearch.simulator.store.Sighting s : store.sightings(at)) {
            int orgId = store.organisations().indexOf(s.organisation()) + 1;
            g.writeStartObject();
            g.writeStringField("id", Integer.toString(s.id()));
            g.writeStringField("attribute_id", Integer.toString(at + 1));
            g.writeStringField("event_id", Integer.toString(store.attributeEvent(at) + 1));
            g.writeStringField("org_id", Integer.toString(orgId <= 0 ? 1 : orgId));
            g.writeStringField("date_sighting", Long.toString(s.dateSighting()));
            g.writeStringField("uuid", s.uuid().toString());
            g.writeStringField("source", s.source());
            g.writeStringField("type", Integer.toString(s.type()));
            g.writeStringField("attribute_uuid", store.attributeUuid(at).toString());
            g.writeObjectFieldStart("Organisation");
            g.writeStringField("id", Integer.toString(orgId <= 0 ? 1 : orgId));
            g.writeStringField("uuid", s.organisation().uuid().toString());
            g.writeStringField("name", s.organisation().name());
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void writeEventHeader(JsonGenerator g, int ev, int ordinal) throws IOException {
        g.writeStringField("id", Integer.toString(ev + 1));
        g.writeStringField("orgc_id", Integer.toString(store.eventOrgc(ev) + 1));
        g.writeStringField("org_id", "1");
        g.writeStringField("date", LocalDate.ofEpochDay(store.eventDate(ev)).toString());
        g.writeStringField("threat_level_id", Integer.toString(store.eventThreatLevel(ev)));
        hostility.writeText(g, "info", hostility.info(store.eventInfo(ev), ordinal));
        g.writeBooleanField("published", store.eventPublished(ev));
        g.writeStringField("uuid", store.eventUuid(ev).toString());
        g.writeStringField("attribute_count",
                Integer.toString(store.eventAttributeEnd(ev) - store.eventFirstAttribute(ev)));
        g.writeStringField("analysis", Integer.toString(store.eventAnalysis(ev)));
        g.writeStringField("timestamp", Long.toString(store.eventTimestamp(ev)));
        g.writeStringField("distribution", Integer.toString(store.eventDistribution(ev)));
        g.writeBooleanField("proposal_email_lock", false);
        g.writeBooleanField("locked", false);
        g.writeStringField("publish_timestamp", Long.toString(store.eventPublishTimestamp(ev)));
        g.writeStringField("sharing_group_id", "0");
        g.writeBooleanField("disable_correlation", false);
        g.writeStringField("extends_uuid", "");
    }

    private void writeOrgc(JsonGenerator g, int ev) throws IOException {
        Organisation orgc = store.organisations().get(store.eventOrgc(ev));
        String forged = hostility.tricks().forgedOrgc();
        if (forged != null) {
            orgc = new Organisation(forged, org.alliancesearch.simulator.SimulatorCluster.organisationUuid(forged));
        }
        g.writeObjectFieldStart("Orgc");
        g.writeStringField("id", Integer.toString(store.eventOrgc(ev) + 1));
        g.writeStringField("name", orgc.name());
        g.writeStringField("uuid", orgc.uuid().toString());
        g.writeBooleanField("local", forged == null && store.eventOrgc(ev) == 0);
        g.writeEndObject();
    }

    private void writeEvent(JsonGenerator g, int ev, int ordinal) throws IOException {
        g.writeObjectFieldStart("Event");
        writeEventHeader(g, ev, ordinal);
        Organisation owner = store.owner();
        g.writeObjectFieldStart("Org");
        g.writeStringField("id", "1");
        g.writeStringField("name", owner.name());
        g.writeStringField("uuid", owner.uuid().toString());
        g.writeBooleanField("local", true);
        g.writeEndObject();
        writeOrgc(g, ev);
        g.writeArrayFieldStart("Attribute");
        int sub = ordinal;
        for (int at = store.eventFirstAttribute(ev); at < store.eventAttributeEnd(ev); at++) {
            if (store.attributeObject(at) < 0 && SearchEngine.showInEvent(store, request, at)) {
                writeAttribute(g, at, false, sub++, null);
            }
        }
        g.writeEndArray();
        g.writeArrayFieldStart("ShadowAttribute");
        g.writeEndArray();
        g.writeArrayFieldStart("RelatedEvent");
        g.writeEndArray();
        writeGalaxies(g, ev);
        g.writeArrayFieldStart("Object");
        for (int ob = store.eventFirstObject(ev); ob < store.eventObjectEnd(ev); ob++) {
            g.writeStartObject();
            g.writeStringField("id", Integer.toString(ob + 1));
            g.writeStringField("name", store.objectName(ob));
            g.writeStringField("meta-category", store.objectMetaCategory(ob));
            g.writeStringField("description", store.objectDescription(ob));
            g.writeStringField("template_uuid", store.objectTemplateUuid(ob));
            g.writeStringField("template_version", store.objectTemplateVersion(ob));
            g.writeStringField("event_id", Integer.toString(ev + 1));
            g.writeStringField("uuid", store.objectUuid(ob).toString());
            g.writeStringField("timestamp", Long.toString(store.objectTimestamp(ob)));
            g.writeStringField("distribution", Integer.toString(store.objectDistribution(ob)));
            g.writeStringField("sharing_group_id", "0");
            g.writeStringField("comment", store.objectComment(ob));
            g.writeBooleanField("deleted", false);
            g.writeNullField("first_seen");
            g.writeNullField("last_seen");
            g.writeArrayFieldStart("ObjectReference");
            g.writeEndArray();
            g.writeArrayFieldStart("Attribute");
            for (int at = store.eventFirstAttribute(ev); at < store.eventAttributeEnd(ev); at++) {
                if (store.attributeObject(at) == ob && SearchEngine.showInEvent(store, request, at)) {
                    writeAttribute(g, at, false, sub++, null);
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("EventReport");
        g.writeEndArray();
        writeTags(g, store.eventTags(ev), false, ordinal, true);
        g.writeEndObject();
    }

    private void writeTags(JsonGenerator g, int[] tags, boolean inherited, int ordinal, boolean always)
            throws IOException {
        if (tags.length == 0 && !always && !hostility.extraTags()) {
            return;
        }
        g.writeArrayFieldStart("Tag");
        for (int t : tags) {
            writeTag(g, t, inherited, ordinal);
        }
        hostility.extraTag(g);
        g.writeEndArray();
    }

    /**
     * The event's galaxy clusters, from its {@code misp-galaxy:type="value"} tags as MISP attaches them: one
     * {@code Galaxy} per type, one {@code GalaxyCluster} per tag (no descriptions or meta: the simulator keeps none).
     */
    private void writeGalaxies(JsonGenerator g, int ev) throws IOException {
        java.util.Map<String, java.util.List<String[]>> byType = new java.util.LinkedHashMap<>();
        for (int t : store.eventTags(ev)) {
            String name = store.tags().name(t);
            if (!name.startsWith("misp-galaxy:")) {
                continue;
            }
            String rest = name.substring("misp-galaxy:".length());
            int eq = rest.indexOf('=');
            String type = eq < 0 ? rest : rest.substring(0, eq);
            String value = eq < 0 ? "" : rest.substring(eq + 1);
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            byType.computeIfAbsent(type, k -> new java.util.ArrayList<>())
                    .add(new String[]{name, value, Integer.toString(t + 1)});
        }
        g.writeArrayFieldStart("Galaxy");
        for (var e : byType.entrySet()) {
            String type = e.getKey();
            String galaxyUuid = java.util.UUID.nameUUIDFromBytes(("galaxy:" + type).getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)).toString();
            g.writeStartObject();
            g.writeStringField("id", Integer.toString(Math.abs(type.hashCode() % 10000) + 1));
            g.writeStringField("uuid", galaxyUuid);
            g.writeStringField("name", type);
            g.writeStringField("type", type);
            g.writeStringField("namespace", "misp");
            g.writeArrayFieldStart("GalaxyCluster");
            for (String[] c : e.getValue()) {
                g.writeStartObject();
                g.writeStringField("uuid", java.util.UUID.nameUUIDFromBytes(("cluster:" + c[0]).getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)).toString());
                g.writeStringField("collection_uuid", galaxyUuid);
                g.writeStringField("type", type);
                g.writeStringField("value", c[1]);
                g.writeStringField("tag_name", c[0]);
                g.writeStringField("tag_id", c[2]);
                g.writeStringField("description", "");
                g.writeStringField("distribution", "3");
                g.writeBooleanField("default", true);
                g.writeObjectFieldStart("meta");
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void writeTag(JsonGenerator g, int tag, boolean inherited, int ordinal) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", Integer.toString(tag + 1));
        g.writeStringField("name", store.tags().name(tag));
        g.writeStringField("colour", store.tags().colour(tag));
        g.writeNullField("numerical_value");
        g.writeBooleanField("is_galaxy", store.tags().name(tag).startsWith("misp-galaxy:"));
        g.writeNumberField("local", 0);
        if (inherited) {
            g.writeNumberField("inherited", 1);
        }
        g.writeEndObject();
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    /** Counts the bytes that pass, for the oversized fault. */
    private static final class CountingStream extends OutputStream {
        private final OutputStream out;
        private long count;

        CountingStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Adapts a Vert.x buffer to the generator's output stream. */
    private static final class BufferStream extends OutputStream {
        private final Buffer buffer;

        BufferStream(Buffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public void write(int b) {
            buffer.appendByte((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            buffer.appendBytes(b, off, len);
        }
    }
}
