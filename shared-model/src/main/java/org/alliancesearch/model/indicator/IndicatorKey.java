package org.alliancesearch.model.indicator;

import java.util.Objects;

/**
 * What makes two attributes the same indicator: their type family and their canonical value. {@code ip-src 1.2.3.4}
 * and {@code ip-dst 1.2.3.4} share a key; so do {@code EVIL.example.} and {@code evil.example}.
 *
 * @param family the type family ({@code ip}, {@code domain}, {@code url}, {@code email}, {@code md5}, …, or the MISP
 *        type itself for types without a family)
 * @param value the canonical value
 */
public record IndicatorKey(String family, String value) {
    public IndicatorKey {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(value, "value");
    }
}
