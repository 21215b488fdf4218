package org.alliancesearch.model.policy;

import java.util.Locale;

/** Canonical tag names: what makes two spellings of a tag the same tag. */
public final class TagNames {
    private TagNames() {
    }

    /**
     * The comparison key of a tag: trimmed and lower-cased; a TLP level becomes its TLP 2.0 tag
     * ({@code TLP:WHITE} → {@code tlp:clear}, {@code tlp:amber strict} → {@code tlp:amber+strict}).
     */
    public static String key(String tag) {
        Tlp tlp = Tlp.fromTag(tag);
        if (tlp != null) {
            return tlp.tagName();
        }
        return tag.strip().toLowerCase(Locale.ROOT);
    }
}
