package org.alliancesearch.model.warninglist;

import java.util.List;
import java.util.Set;

/**
 * One MISP warninglist as its JSON file describes it.
 *
 * @param name
 *            the list's name, unique among lists (MISP keys lists by name)
 * @param description
 *            what a match means
 * @param version
 *            the list's version; an upload of a list by the same name replaces it
 * @param type
 *            how entries match
 * @param category
 *            {@code false_positive} (the default) or {@code known}
 * @param matchingAttributes
 *            the MISP attribute types the list applies to; empty means every type (MISP's {@code ALL})
 * @param entries
 *            the entries, as given (comments dropped)
 */
public record Warninglist(String name, String description, long version, WarninglistType type, String category,
        Set<String> matchingAttributes, List<String> entries) {

    public static final String CATEGORY_FALSE_POSITIVE = "false_positive";
    public static final String CATEGORY_KNOWN = "known";

    public Warninglist {
        matchingAttributes = Set.copyOf(matchingAttributes);
        entries = List.copyOf(entries);
    }

    /** Whether the list applies to attributes of this MISP type. */
    public boolean appliesTo(String mispType) {
        return matchingAttributes.isEmpty() || matchingAttributes.contains(mispType);
    }
}
