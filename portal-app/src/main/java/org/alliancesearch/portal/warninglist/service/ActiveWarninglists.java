package org.alliancesearch.portal.warninglist.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.model.warninglist.Warninglists;

import io.quarkus.runtime.Startup;

/**
 * The warninglists searches are checked against: every bundled MISP list. Built once at start (reading and compiling
 * the lists takes a moment that must not fall on the event loop during a search); administrators cannot enable,
 * disable or upload lists yet.
 */
@Startup
@ApplicationScoped
public class ActiveWarninglists {
    private final Warninglists current = Warninglists.of(Warninglists.bundled());

    /** The enabled lists, ready to match. */
    public Warninglists current() {
        return current;
    }
}
