package org.alliancesearch.simulator.data;

import java.util.List;

/**
 * A demo value planted at fixed places so that a demo or a test can search for it and know the answer.
 *
 * @param label short name ({@code shared-ip}, {@code shared-domain}, {@code shared-sha256}, {@code red-only})
 * @param type MISP attribute type at the first holder
 * @param value the value to search for
 * @param organisations the simulated organisations that hold it
 * @param note how it is held (composite value, synchronised copy, tlp:red event)
 */
public record WellKnownValue(String label, String type, String value, List<String> organisations, String note) {
}
