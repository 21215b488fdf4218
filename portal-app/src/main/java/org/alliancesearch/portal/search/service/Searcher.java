package org.alliancesearch.portal.search.service;

import org.alliancesearch.portal.common.security.CurrentUser;

/**
 * Who runs a search, captured on the request thread before the search goes asynchronous.
 *
 * @param user the user name, as shown and audited
 * @param subject the token's stable subject ({@code sub}): what the user owns is bound to it, not to the name
 */
public record Searcher(String user, String organisation, boolean admin, String subject) {
    /** A searcher whose subject is its user name (tests and tools without tokens). */
    public Searcher(String user, String organisation, boolean admin) {
        this(user, organisation, admin, user);
    }

    public static Searcher of(CurrentUser user) {
        return new Searcher(user.name(), user.organisation().orElse(null), user.admin(), user.subject());
    }
}
