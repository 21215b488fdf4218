package org.alliancesearch.portal.saved.service;

import java.util.Locale;
import java.util.Optional;

/** Who may see and run a saved search. */
public enum Visibility {
    /** Only its owner. */
    PRIVATE,
    /** Every user of the owner's organisation. */
    ORGANISATION,
    /** Every alliance member. */
    ALLIANCE;

    public static Optional<Visibility> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
