package org.alliancesearch.model.indicator;

import java.util.Locale;

/** Entry points for indicator identity. STUB: the real family table and normalisation are to be implemented. */
public final class Indicators {
    private Indicators() {
    }

    /**
     * The key an attribute of this MISP type and value is grouped under. Never throws: a value that cannot be
     * normalised keys on its trimmed form.
     */
    public static IndicatorKey key(String mispType, String value) {
        return new IndicatorKey(mispType.toLowerCase(Locale.ROOT), value.trim());
    }
}
