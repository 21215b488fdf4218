package org.alliancesearch.model.export;

import java.util.Locale;

/** The export formats of a merged result, by the name used in {@code ?format=}. */
public enum ExportFormat {
    CSV("csv"), JSON("json"), TXT("txt"), STIX("stix");

    private final String code;

    ExportFormat(String code) {
        this.code = code;
    }

    /** The name used in {@code ?format=}. */
    public String code() {
        return code;
    }

    /** The exporter with default options (CSV without BOM and with the formula guard; STIX at the current time). */
    public ResultExport exporter() {
        return switch (this) {
            case CSV -> new CsvExport(CsvExport.Options.defaults());
            case JSON -> new JsonExport();
            case TXT -> new TextExport();
            case STIX -> new StixExport();
        };
    }

    /**
     * The format for a {@code ?format=} value (case-insensitive; {@code text} and {@code stix2} accepted).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static ExportFormat parse(String code) {
        String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return switch (c) {
            case "csv" -> CSV;
            case "json" -> JSON;
            case "txt", "text" -> TXT;
            case "stix", "stix2" -> STIX;
            default -> throw new IllegalArgumentException(
                    "unknown export format '" + code + "' (expected csv, json, txt or stix)");
        };
    }
}
