package org.alliancesearch.portal.warninglist.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.model.warninglist.Warninglists;

/**
 * The warninglists searches are checked against right now: the bundled MISP lists and uploaded versions, as the
 * administrators enabled them. Reading it never blocks: the set is built off the request path and swapped whole.
 */
@ApplicationScoped
public class ActiveWarninglists {
    private volatile Warninglists current = Warninglists.of(Warninglists.bundled());

    /** The enabled lists, ready to match. */
    public Warninglists current() {
        return current;
    }

    /** Replaces the set (after a change by an administrator, here or on another replica). */
    protected void replace(Warninglists lists) {
        current = lists;
    }
}
