package org.alliancesearch.portal.warninglist.service;

import java.util.List;

/**
 * One warninglist as administrators see it.
 *
 * @param name the list's name (its identity, as in MISP)
 * @param type {@code string}, {@code substring}, {@code hostname}, {@code cidr} or {@code regex}
 * @param category {@code false_positive} or {@code known}
 * @param version the version in use
 * @param source {@code bundled} or {@code uploaded}
 * @param bundledVersion the version bundled with the portal, or null for a list only uploaded
 * @param entries the number of entries
 * @param matchingAttributes the MISP types it applies to; empty for every type
 */
public record WarninglistView(String name, String description, String type, String category, long version,
        String source, Long bundledVersion, boolean enabled, int entries, List<String> matchingAttributes) {

    static WarninglistView of(ActiveWarninglists.ActiveList active) {
        var l = active.list();
        return new WarninglistView(l.name(), l.description(), l.type().mispName(),
                l.category(), l.version(), active.uploaded() ? "uploaded" : "bundled", active.bundledVersion(),
                active.enabled(), l.entries().size(), l.matchingAttributes().stream().sorted().toList());
    }
}
