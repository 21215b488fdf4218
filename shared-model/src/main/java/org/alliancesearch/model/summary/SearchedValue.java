package org.alliancesearch.model.summary;

import org.alliancesearch.model.indicator.ValueKind;

/**
 * One value a search asks the members for.
 *
 * @param value
 *            the canonical value
 * @param kind
 *            what the value is
 * @param pivotOf
 *            the value given by the searcher that this one was derived from (a URL's host, an e-mail address's
 *            domain), or null for a value the searcher gave
 */
public record SearchedValue(String value, ValueKind kind, String pivotOf) {
    public boolean isPivot() {
        return pivotOf != null;
    }
}
