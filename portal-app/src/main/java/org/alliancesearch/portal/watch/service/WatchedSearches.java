package org.alliancesearch.portal.watch.service;

import java.util.List;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * The saved searches a watch runs, as the saved-search feature decides who may see them (implemented there, so that
 * the visibility rules live in one place). Each call runs in the caller's Hibernate Reactive session.
 */
public interface WatchedSearches {

    /** A saved search: what a watch shows and runs. */
    record Search(UUID id, String name, String queryJson) {
    }

    /** The search, or null when it is gone. */
    Uni<Search> find(UUID id);

    /** The search if this user may see it now, else null. */
    Uni<Search> visible(UUID id, String user, String subject, String organisation);

    /** Every search this user may see now. */
    Uni<List<Search>> visibleTo(String user, String subject, String organisation);
}
