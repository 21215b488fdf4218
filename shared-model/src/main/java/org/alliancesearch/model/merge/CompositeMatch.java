package org.alliancesearch.model.merge;

import java.util.Comparator;
import java.util.Objects;

import org.alliancesearch.model.indicator.CompositeHalf;

/**
 * A composite record ({@code domain|ip}, {@code filename|sha256}, {@code ip-dst|port} …) filed under an indicator
 * because the search asked for one of its halves: {@code domain|ip evil.example|203.0.113.5} found by searching
 * {@code 203.0.113.5} is listed under the IP's indicator with half {@link CompositeHalf#RIGHT}.
 *
 * @param type the record's MISP type (of the copy that speaks for it)
 * @param value the full composite value, each half in its canonical form
 * @param half the half that is this indicator
 */
public record CompositeMatch(String type, String value, CompositeHalf half) implements Comparable<CompositeMatch> {
    private static final Comparator<CompositeMatch> ORDER = Comparator.comparing(CompositeMatch::type)
            .thenComparing(CompositeMatch::value).thenComparing(CompositeMatch::half);

    public CompositeMatch {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(half, "half");
    }

    /** By type, value, then half. */
    @Override
    public int compareTo(CompositeMatch other) {
        return ORDER.compare(this, other);
    }
}
