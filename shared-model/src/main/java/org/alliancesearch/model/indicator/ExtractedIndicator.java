package org.alliancesearch.model.indicator;

import java.util.Objects;

/**
 * An indicator found in free text.
 *
 * @param kind what it is
 * @param value its canonical value
 */
public record ExtractedIndicator(ValueKind kind, String value) {
    public ExtractedIndicator {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    /** The MISP attribute type suggested for it ({@code ip-dst}, {@code domain}, {@code url}, …). */
    public String mispType() {
        return kind.mispType();
    }
}
