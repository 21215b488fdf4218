package org.alliancesearch.portal.saved.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.portal.saved.persistence.SavedSearch;
import org.alliancesearch.portal.saved.persistence.SavedSearchRepository;
import org.alliancesearch.portal.watch.service.WatchedSearches;

import io.smallrye.mutiny.Uni;

/** Saved searches for watches, with the same visibility rules as everywhere else. */
@ApplicationScoped
public class SavedSearchesForWatches implements WatchedSearches {
    private final SavedSearchRepository repository;

    public SavedSearchesForWatches(SavedSearchRepository repository) {
        this.repository = repository;
    }

    @Override
    public Uni<Search> find(UUID id) {
        return repository.findById(id).map(SavedSearchesForWatches::search);
    }

    @Override
    public Uni<Search> visible(UUID id, String user, String subject, String organisation) {
        return repository.visible(id, user, subject, organisation).map(SavedSearchesForWatches::search);
    }

    @Override
    public Uni<List<Search>> visibleTo(String user, String subject, String organisation) {
        return repository.visibleTo(user, subject, organisation)
                .map(rows -> rows.stream().map(SavedSearchesForWatches::search).toList());
    }

    private static Search search(SavedSearch row) {
        return row == null ? null : new Search(row.id, row.name, row.queryJson);
    }
}
