package org.alliancesearch.simulator;

import java.util.Objects;

/**
 * A value planted {@code hitsPerInstance} times (each an attribute of its own, with its own uuid) into one instance or
 * into every instance, so that a search for it returns a known number of records: for benchmarks and load tests.
 *
 * @param organisation the instance ({@code org-b}), or {@code null} for every instance
 * @param value the attribute value
 * @param type the MISP attribute type ({@code domain}, {@code ip-dst}, …)
 * @param hitsPerInstance attributes carrying the value in each instance it is planted in
 */
public record PlantedValue(String organisation, String value, String type, int hitsPerInstance) {
    public PlantedValue {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(type, "type");
        if (value.isBlank() || hitsPerInstance < 1) {
            throw new IllegalArgumentException("a planted value needs a value and at least one hit");
        }
    }
}
