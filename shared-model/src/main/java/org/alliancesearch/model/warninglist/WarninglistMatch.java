package org.alliancesearch.model.warninglist;

/**
 * A value found on a warninglist.
 *
 * @param listName
 *            the list's name
 * @param category
 *            the list's category ({@code false_positive} or {@code known})
 * @param entry
 *            the list entry that matched (for a CIDR list, the network)
 * @param matchedValue
 *            the part of the value that matched: the whole value, or one half of a composite value
 */
public record WarninglistMatch(String listName, String category, String entry, String matchedValue) {
}
