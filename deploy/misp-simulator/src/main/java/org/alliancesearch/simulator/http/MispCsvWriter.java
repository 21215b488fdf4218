package org.alliancesearch.simulator.http;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.alliancesearch.simulator.search.RestSearchFilter;
import org.alliancesearch.simulator.search.SearchEngine;
import org.alliancesearch.simulator.store.MispStore;

import io.vertx.core.buffer.Buffer;

/**
 * {@code returnFormat: "csv"} as MISP's CsvExport writes it: a header line (column {@code timestamp} is named
 * {@code date}, {@code -} becomes {@code _}), one line per attribute, then an empty line. A field is written bare when
 * PHP's {@code is_numeric} holds, {@code 1}/{@code 0} when boolean, else in double quotes with {@code "} doubled; a
 * missing field is {@code ""}.
 */
final class MispCsvWriter {
    /** MISP's default attribute columns. */
    static final List<String> DEFAULT_FIELDS = List.of("uuid", "event_id", "category", "type", "value", "comment",
            "to_ids", "timestamp", "object_relation", "attribute_tag");
    /** Added after the default columns (not after requested ones). */
    static final List<String> DEFAULT_OBJECT_FIELDS = List.of("object_uuid", "object_name", "object_meta-category");
    /** Added when {@code includeContext} is set. */
    static final List<String> EVENT_CONTEXT_FIELDS = List.of("event_info", "event_member_org", "event_source_org",
            "event_distribution", "event_threat_level_id", "event_analysis", "event_date", "event_tag",
            "event_timestamp");
    private static final String[] THREAT_LEVELS = {"", "High", "Medium", "Low", "Undefined"};
    /** PHP 8's numeric strings: optional blanks and sign, digits with an optional fraction, optional exponent. */
    private static final Pattern PHP_NUMERIC = Pattern
            .compile("[ \\t\\n\\r\\x0B\\f]*[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?[ \\t\\n\\r\\x0B\\f]*");

    private final MispStore store;
    private final RestSearchFilter request;
    private final List<String> fields;

    MispCsvWriter(MispStore store, RestSearchFilter request) {
        this.store = store;
        this.request = request;
        List<String> f = new ArrayList<>();
        if (request.requestedAttributes() != null) {
            f.addAll(request.requestedAttributes());
        } else {
            f.addAll(DEFAULT_FIELDS);
            f.addAll(DEFAULT_OBJECT_FIELDS);
        }
        if (request.includeContext()) {
            f.addAll(EVENT_CONTEXT_FIELDS);
        }
        this.fields = List.copyOf(f);
    }

    /** Attribute search: one line per attribute of the page. */
    Buffer attributes(int[] page) {
        StringBuilder out = header();
        for (int at : page) {
            line(out, at);
        }
        return Buffer.buffer(out.append('\n').toString());
    }

    /** Event search: one line per shown attribute of each event, those outside objects first. */
    Buffer events(int[] page) {
        StringBuilder out = header();
        for (int ev : page) {
            for (int at = store.eventFirstAttribute(ev); at < store.eventAttributeEnd(ev); at++) {
                if (store.attributeObject(at) < 0 && SearchEngine.showInEvent(store, request, at)) {
                    line(out, at);
                }
            }
            for (int at = store.eventFirstAttribute(ev); at < store.eventAttributeEnd(ev); at++) {
                if (store.attributeObject(at) >= 0 && SearchEngine.showInEvent(store, request, at)) {
                    line(out, at);
                }
            }
        }
        return Buffer.buffer(out.append('\n').toString());
    }

    private StringBuilder header() {
        StringBuilder out = new StringBuilder(4096);
        if (!request.headerless()) {
            List<String> names = new ArrayList<>();
            for (String f : fields) {
                names.add(f.equals("timestamp") ? "date" : f.replace('-', '_'));
            }
            out.append(String.join(",", names)).append('\n');
        }
        return out;
    }

    private void line(StringBuilder out, int at) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(escape(field(fields.get(i), at)));
        }
        out.append('\n');
    }

    /** A field's value as PHP holds it: String, Boolean or null when the attribute has no such field. */
    private Object field(String name, int at) {
        int ev = store.attributeEvent(at);
        int ob = store.attributeObject(at);
        return switch (name) {
            case "id" -> Integer.toString(at + 1);
            case "uuid" -> store.attributeUuid(at).toString();
            case "event_id" -> Integer.toString(ev + 1);
            case "object_id" -> Integer.toString(ob + 1);
            case "category" -> store.attributeCategory(at);
            case "type" -> store.attributeType(at);
            case "value" -> store.attributeValue(at);
            case "comment" -> store.attributeComment(at);
            case "to_ids" -> store.attributeFlag(at, MispStore.TO_IDS);
            case "deleted" -> store.attributeFlag(at, MispStore.DELETED);
            case "disable_correlation" -> store.attributeFlag(at, MispStore.NO_CORRELATION);
            case "timestamp" -> Long.toString(store.attributeTimestamp(at));
            case "distribution" -> Integer.toString(store.attributeDistribution(at));
            case "sharing_group_id" -> "0";
            case "object_relation" -> store.attributeRelation(at);
            case "attribute_tag" -> tagNames(store.attributeTags(at));
            case "object_uuid" -> ob < 0 ? null : store.objectUuid(ob).toString();
            case "object_name" -> ob < 0 ? null : store.objectName(ob);
            case "object_meta-category" -> ob < 0 ? null : store.objectMetaCategory(ob);
            case "event_info" -> store.eventInfo(ev);
            case "event_member_org" -> store.owner().name();
            case "event_source_org" -> store.organisations().get(store.eventOrgc(ev)).name();
            case "event_distribution" -> Integer.toString(store.eventDistribution(ev));
            case "event_threat_level_id" -> threatLevel(store.eventThreatLevel(ev));
            case "event_analysis" -> Integer.toString(store.eventAnalysis(ev));
            case "event_date" -> LocalDate.ofEpochDay(store.eventDate(ev)).toString();
            case "event_tag" -> tagNames(store.eventTags(ev));
            case "event_timestamp" -> Long.toString(store.eventTimestamp(ev));
            default -> null;
        };
    }

    private String tagNames(int[] tags) {
        if (tags.length == 0) {
            return null;
        }
        List<String> names = new ArrayList<>(tags.length);
        for (int t : tags) {
            names.add(store.tags().name(t));
        }
        return String.join(",", names);
    }

    private static String threatLevel(int id) {
        return id >= 1 && id < THREAT_LEVELS.length ? THREAT_LEVELS[id] : null;
    }

    static String escape(Object v) {
        if (v instanceof Boolean b) {
            return b ? "1" : "0";
        }
        String s = v == null ? "" : v.toString();
        if (PHP_NUMERIC.matcher(s).matches()) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
