package org.alliancesearch.model.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.alliancesearch.model.merge.IndicatorEvent;
import org.alliancesearch.model.merge.IndicatorMember;
import org.alliancesearch.model.merge.MergedIndicator;
import org.alliancesearch.model.merge.MergedResult;
import org.alliancesearch.model.summary.ValueSummary;

/**
 * CSV (RFC 4180): UTF-8, CRLF line ends, a header row, fields quoted when they hold a comma, quote, CR or LF. Lists
 * inside a cell are joined with {@code "; "}.
 *
 * <p>
 * Formula injection: a spreadsheet runs a cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, tab or
 * CR as a formula, and values come from members we do not control. With {@link Options#formulaGuard()} (the
 * default) such a cell gets a leading apostrophe, which spreadsheets hide and which makes the cell plain text. The
 * cost: a genuine value starting with one of these characters (a file name {@code -x.exe}, a command line
 * {@code -enc …}) is exported with the apostrophe; programs that read the CSV as data must strip it, or use the JSON,
 * text or STIX export, or an export made with the guard off.
 */
public final class CsvExport implements ResultExport {
    /** The columns, in order. */
    public static final List<String> HEADER = List.of("value", "family", "types", "categories", "tlp",
            "organisations", "organisation_count", "members", "tags", "to_ids", "first_seen", "last_seen",
            "event_count", "events", "event_urls", "attribute_count", "copy_count", "unconfirmed_organisations",
            "score",
            "warninglists");

    /**
     * @param bom start with a UTF-8 byte order mark, so that Excel reads the file as UTF-8 (Japanese text)
     * @param formulaGuard prefix cells that a spreadsheet would run as a formula with an apostrophe
     */
    public record Options(boolean bom, boolean formulaGuard) {
        /** No BOM, guard on. */
        public static Options defaults() {
            return new Options(false, true);
        }

        /** For Excel: BOM and guard. */
        public static Options excel() {
            return new Options(true, true);
        }
    }

    private static final String SEPARATOR = "; ";
    private final Options options;

    public CsvExport(Options options) {
        this.options = options == null ? Options.defaults() : options;
    }

    public CsvExport() {
        this(Options.defaults());
    }

    @Override
    public String mediaType() {
        return "text/csv; charset=UTF-8";
    }

    @Override
    public String fileExtension() {
        return "csv";
    }

    @Override
    public void write(MergedResult result, ExportSummary summary, OutputStream out) throws IOException {
        Map<String, ValueSummary> summaries = summary.byValue();
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
        if (options.bom()) {
            w.write('\uFEFF');
        }
        row(w, HEADER);
        List<String> cells = new ArrayList<>(HEADER.size());
        for (MergedIndicator i : result.indicators()) {
            cells.clear();
            cells.add(i.value());
            cells.add(i.family());
            cells.add(String.join(SEPARATOR, i.types()));
            cells.add(String.join(SEPARATOR, i.categories()));
            cells.add(i.tlp() == null ? "" : i.tlp().code());
            cells.add(String.join(SEPARATOR, i.organisations()));
            cells.add(Integer.toString(i.organisations().size()));
            List<String> members = new ArrayList<>(i.members().size());
            for (IndicatorMember m : i.members()) {
                members.add(m.name());
            }
            cells.add(String.join(SEPARATOR, members));
            cells.add(String.join(SEPARATOR, i.tags()));
            cells.add(Boolean.toString(i.toIds()));
            cells.add(time(i.firstSeen()));
            cells.add(time(i.lastSeen()));
            cells.add(Integer.toString(i.events().size()));
            List<String> uuids = new ArrayList<>(i.events().size());
            List<String> urls = new ArrayList<>(i.events().size());
            for (IndicatorEvent e : i.events()) {
                if (e.uuid() != null) {
                    uuids.add(e.uuid());
                }
                if (e.url() != null) {
                    urls.add(e.url());
                }
            }
            cells.add(String.join(SEPARATOR, uuids));
            cells.add(String.join(SEPARATOR, urls));
            cells.add(Integer.toString(i.attributeCount()));
            cells.add(Integer.toString(i.copyCount()));
            cells.add(String.join(SEPARATOR, i.unconfirmedOrganisations()));
            // the score and lists of the searched value this record answers; empty for a record of no searched value
            ValueSummary s = summaries.get(i.value());
            cells.add(s == null ? "" : Integer.toString(s.score()));
            cells.add(s == null ? "" : String.join(SEPARATOR, s.warninglists()));
            row(w, cells);
        }
        w.flush();
    }

    private static String time(Instant t) {
        return t == null ? "" : t.toString();
    }

    private void row(Writer w, List<String> cells) throws IOException {
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                w.write(',');
            }
            w.write(cell(cells.get(c), options.formulaGuard()));
        }
        w.write("\r\n");
    }

    /** One cell, guarded and quoted as needed. */
    static String cell(String value, boolean formulaGuard) {
        String v = value == null ? "" : value;
        if (formulaGuard && !v.isEmpty()) {
            char first = v.charAt(0);
            if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
                v = "'" + v;
            }
        }
        boolean quote = false;
        for (int i = 0; i < v.length() && !quote; i++) {
            char ch = v.charAt(i);
            quote = ch == ',' || ch == '"' || ch == '\r' || ch == '\n';
        }
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
