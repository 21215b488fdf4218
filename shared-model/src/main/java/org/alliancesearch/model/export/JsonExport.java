package org.alliancesearch.model.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

import org.alliancesearch.model.merge.IndicatorEvent;
import org.alliancesearch.model.merge.IndicatorMember;
import org.alliancesearch.model.merge.MergeTotals;
import org.alliancesearch.model.merge.MergedIndicator;
import org.alliancesearch.model.merge.MergedResult;
import org.alliancesearch.model.summary.ScoreReason;
import org.alliancesearch.model.summary.ValueSummary;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * JSON: {@code {"summary": [...], "indicators": [...], "totals": {...}}} in the shape of the search API's response
 * (the summary only when there is one), timestamps as
 * ISO-8601 UTC, dates as {@code YYYY-MM-DD}, TLP as its code ({@code amber+strict}) or null. Written with Jackson's
 * streaming generator, so it needs no Java-time module and keeps its shape whatever mapper the caller configures.
 */
public final class JsonExport implements ResultExport {
    private static final JsonFactory FACTORY = new JsonFactory();

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public String fileExtension() {
        return "json";
    }

    @Override
    public void write(MergedResult result, ExportSummary summary, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            if (!summary.values().isEmpty()) {
                g.writeArrayFieldStart("summary");
                for (ValueSummary s : summary.values()) {
                    summary(g, s, summary);
                }
                g.writeEndArray();
            }
            g.writeArrayFieldStart("indicators");
            for (MergedIndicator i : result.indicators()) {
                indicator(g, i);
            }
            g.writeEndArray();
            totals(g, result.totals());
            g.writeEndObject();
        }
    }

    private static void summary(JsonGenerator g, ValueSummary s, ExportSummary words) throws IOException {
        g.writeStartObject();
        g.writeStringField("value", s.value());
        g.writeStringField("type", s.type());
        g.writeBooleanField("found", s.found());
        strings(g, "heldBy", s.heldBy());
        g.writeNumberField("sightings", s.sightings());
        g.writeBooleanField("toIds", s.toIds());
        time(g, "firstSeen", s.firstSeen());
        time(g, "lastSeen", s.lastSeen());
        strings(g, "warninglists", s.warninglists());
        g.writeNumberField("score", s.score());
        g.writeArrayFieldStart("reasons");
        for (ScoreReason r : s.reasons()) {
            g.writeStartObject();
            g.writeStringField("code", r.code().name());
            g.writeNumberField("weight", r.weight());
            if (r.detail() != null) {
                g.writeStringField("detail", r.detail());
            }
            String text = words.text(r);
            if (text != null) {
                g.writeStringField("text", text);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        if (s.pivotOf() != null) {
            g.writeStringField("pivotOf", s.pivotOf());
        }
        g.writeEndObject();
    }

    private static void indicator(JsonGenerator g, MergedIndicator i) throws IOException {
        g.writeStartObject();
        g.writeStringField("value", i.value());
        g.writeStringField("family", i.family());
        strings(g, "types", i.types());
        strings(g, "categories", i.categories());
        strings(g, "organisations", i.organisations());
        strings(g, "unconfirmedOrganisations", i.unconfirmedOrganisations());
        g.writeArrayFieldStart("members");
        for (IndicatorMember m : i.members()) {
            g.writeStartObject();
            g.writeStringField("id", m.id());
            g.writeStringField("name", m.name());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("tlp", i.tlp() == null ? null : i.tlp().code());
        strings(g, "tags", i.tags());
        g.writeBooleanField("toIds", i.toIds());
        time(g, "firstSeen", i.firstSeen());
        time(g, "lastSeen", i.lastSeen());
        g.writeArrayFieldStart("events");
        for (IndicatorEvent e : i.events()) {
            g.writeStartObject();
            g.writeStringField("uuid", e.uuid());
            g.writeStringField("info", e.info());
            g.writeStringField("date", e.date() == null ? null : e.date().toString());
            g.writeStringField("organisation", e.organisation());
            if (e.unconfirmedOrganisation() != null) {
                g.writeStringField("unconfirmedOrganisation", e.unconfirmedOrganisation());
            }
            g.writeStringField("memberId", e.memberId());
            g.writeStringField("member", e.memberName());
            if (e.threatLevel() == null) {
                g.writeNullField("threatLevel");
            } else {
                g.writeNumberField("threatLevel", e.threatLevel());
            }
            g.writeStringField("url", e.url());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("attributeCount", i.attributeCount());
        g.writeNumberField("copyCount", i.copyCount());
        g.writeEndObject();
    }

    /**
     * The counts of what is shown. What the policy removed is never written: an export is member-facing, and a count
     * of hidden records would tell that someone holds the value under a restricted marking.
     */
    private static void totals(JsonGenerator g, MergeTotals t) throws IOException {
        g.writeObjectFieldStart("totals");
        g.writeNumberField("indicators", t.indicators());
        g.writeNumberField("attributes", t.attributes());
        g.writeNumberField("duplicates", t.duplicates());
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void time(JsonGenerator g, String field, Instant t) throws IOException {
        g.writeStringField(field, t == null ? null : t.toString());
    }
}
