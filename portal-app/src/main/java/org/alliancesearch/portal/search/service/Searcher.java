package org.alliancesearch.portal.search.service;

import org.alliancesearch.portal.common.security.CurrentUser;

/** Who runs a search, captured on the request thread before the search goes asynchronous. */
public record Searcher(String user, String organisation, boolean admin) {
    public static Searcher of(CurrentUser user) {
        return new Searcher(user.name(), user.organisation().orElse(null), user.admin());
    }
}
