package org.alliancesearch.portal.search.rest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import org.alliancesearch.model.export.ExportFormat;
import org.alliancesearch.model.export.ExportSummary;
import org.alliancesearch.model.export.ResultExport;
import org.alliancesearch.model.summary.ScoreReason;
import org.alliancesearch.model.summary.ValueSummary;
import org.alliancesearch.portal.common.problem.FieldError;
import org.alliancesearch.portal.common.problem.ProblemException;
import org.alliancesearch.portal.search.i18n.SearchMessages;
import org.alliancesearch.portal.search.i18n.SummaryMessages;
import org.alliancesearch.portal.search.i18n.SummaryTexts;
import org.alliancesearch.portal.search.service.CompletedSearch;
import org.alliancesearch.portal.search.service.SearchResponse;

/** Chooses an export format from {@code ?format=} or {@code Accept}, and answers with the file. */
public final class SearchExports {
    private SearchExports() {
    }

    /**
     * The export asked for, or empty for the normal JSON answer.
     *
     * @throws ProblemException 400 for an unknown {@code format}
     */
    public static Optional<ExportFormat> wanted(String format, String accept, SearchMessages msg) {
        if (format != null && !format.isBlank()) {
            try {
                return Optional.of(ExportFormat.parse(format));
            } catch (IllegalArgumentException e) {
                String shown = format.length() > 20 ? format.substring(0, 20) + "…" : format;
                throw ProblemException.invalid(msg.err_format(shown),
                        List.of(new FieldError("format", "format.unknown", msg.err_format(shown))));
            }
        }
        if (accept == null) {
            return Optional.empty();
        }
        String a = accept.toLowerCase(java.util.Locale.ROOT);
        if (a.contains("application/stix+json")) {
            return Optional.of(ExportFormat.STIX);
        }
        if (a.contains("text/csv")) {
            return Optional.of(ExportFormat.CSV);
        }
        if (a.contains("text/plain") && !a.contains("application/json")) {
            return Optional.of(ExportFormat.TXT);
        }
        return Optional.empty();
    }

    /** The file name of an export: {@code alliance-search-<first 8 of the id>.<ext>} (STIX: {@code .stix.json}). */
    public static String fileName(String searchId, ExportFormat format) {
        String base = "alliance-search-" + searchId.substring(0, Math.min(8, searchId.length()));
        return switch (format) {
            case STIX -> base + ".stix.json";
            default -> base + "." + format.exporter().fileExtension();
        };
    }

    /** The export file of a finished search, with the summary of its values and their reasons in the reader's words. */
    public static Response file(CompletedSearch done, ExportFormat format, Locale locale) {
        ResultExport exporter = format.exporter();
        byte[] body = exporter.toBytes(done.merged(), summary(done.response().summary(), locale));
        return Response.ok(body).type(exporter.mediaType())
                .header("Content-Disposition",
                        "attachment; filename=\"" + fileName(done.response().searchId(), format) + "\"")
                .header("Cache-Control", "no-store").header("X-Search-Id", done.response().searchId()).build();
    }

    static ExportSummary summary(List<SearchResponse.Summary> summaries, Locale locale) {
        if (summaries.isEmpty()) {
            return ExportSummary.NONE;
        }
        SummaryMessages msg = SummaryTexts.of(locale);
        List<ValueSummary> values = summaries.stream()
                .map(s -> new ValueSummary(s.value(), s.type(), s.found(), s.heldBy(), s.sightings(), s.toIds(),
                        s.firstSeen(), s.lastSeen(), s.warninglists(), s.score(),
                        s.reasons().stream().map(r -> new ScoreReason(ScoreReason.Code.valueOf(r.code()), r.weight(),
                                r.detail())).toList(),
                        s.pivotOf()))
                .toList();
        return new ExportSummary(values, r -> SummaryTexts.text(msg,
                new SearchResponse.Reason(r.code().name(), r.weight(), r.detail(), null)));
    }
}
