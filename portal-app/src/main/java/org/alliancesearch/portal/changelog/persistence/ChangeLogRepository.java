package org.alliancesearch.portal.changelog.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ChangeLogRepository implements PanacheRepository<ChangeLogEntry> {
    public Uni<List<ChangeLogEntry>> latest(int count) {
        return findAll(Sort.descending("at", "id")).page(Page.ofSize(count)).list();
    }
}
