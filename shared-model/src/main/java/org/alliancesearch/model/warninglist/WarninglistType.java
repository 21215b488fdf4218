package org.alliancesearch.model.warninglist;

import java.util.Locale;
import java.util.Optional;

/** How a warninglist's entries match a value, as MISP defines the five list types. */
public enum WarninglistType {
    /** The value equals an entry (case-sensitive, as MISP compares). */
    STRING,
    /** An entry occurs inside the value (case-sensitive). */
    SUBSTRING,
    /** The host of the value (a domain, or a URL's host) is an entry or a sub-domain of one. */
    HOSTNAME,
    /** The value is an IP address inside an entry's network, or a network no wider than the entry. */
    CIDR,
    /** An entry, a PCRE pattern with delimiters such as {@code /^foo$/i}, finds a match in the value. */
    REGEX;

    /** The name MISP writes in a list's {@code type}. */
    public String mispName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type for MISP's name of it, if there is one. */
    public static Optional<WarninglistType> fromMispName(String name) {
        for (WarninglistType type : values()) {
            if (type.mispName().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
