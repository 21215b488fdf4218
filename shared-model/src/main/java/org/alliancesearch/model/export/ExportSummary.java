package org.alliancesearch.model.export;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.alliancesearch.model.summary.ScoreReason;
import org.alliancesearch.model.summary.ValueSummary;

/**
 * The per-value summary that goes with an export: one entry per searched value, in the order searched, and the
 * reasons of each score in the reader's words.
 *
 * @param values
 *            the summaries, in the order searched (pivots after the value they came from)
 * @param words
 *            one reason in the reader's language; null to export codes and weights only
 */
public record ExportSummary(List<ValueSummary> values, Function<ScoreReason, String> words) {
    /** No summary: an export of records only. */
    public static final ExportSummary NONE = new ExportSummary(List.of(), null);

    public ExportSummary {
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** A reason in words, or null when no wording was given. */
    public String text(ScoreReason reason) {
        return words == null ? null : words.apply(reason);
    }

    /** The summary of each value, for the rows of the records that answer it (the first entry of a value wins). */
    Map<String, ValueSummary> byValue() {
        Map<String, ValueSummary> byValue = new HashMap<>();
        for (ValueSummary s : values) {
            byValue.putIfAbsent(s.value(), s);
        }
        return byValue;
    }
}
