package org.alliancesearch.portal.searchaudit.persistence;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SearchAuditRepository implements PanacheRepositoryBase<SearchAuditEntry, UUID> {
    /**
     * Filters for the audit list; null fields do not filter.
     *
     * @param valueHash SHA-256 hex of a searched value
     */
    /**
     * @param valueHash HMAC of the searched value under the server secret
     */
    public record Filter(String user, String organisation, OffsetDateTime from, OffsetDateTime to, String valueHash) {
    }

    /** One page of matching rows, newest first, and the number of all matching rows. */
    public record PageOf(List<SearchAuditEntry> rows, long total) {
    }

    public Uni<PageOf> find(Filter filter, int page, int size) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.user() != null) {
            clauses.add("username = :user");
            params.put("user", filter.user());
        }
        if (filter.organisation() != null) {
            clauses.add("organisation = :org");
            params.put("org", filter.organisation());
        }
        if (filter.from() != null) {
            clauses.add("at >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            clauses.add("at < :to");
            params.put("to", filter.to());
        }
        if (filter.valueHash() != null) {
            // hashes are fixed-length hex, one per line: a substring match is an exact match of one of them
            clauses.add("valueHashScheme = 'hmac-sha256' and valueHashes like :hash");
            params.put("hash", "%" + filter.valueHash() + "%");
        }
        String query = clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
        var found = find(query, Sort.descending("at").and("id"), params);
        return found.page(Page.of(page, size)).list().flatMap(rows -> found.count().map(n -> new PageOf(rows, n)));
    }

    /** Deletes every row older than the cutoff; returns how many. */
    public Uni<Long> purgeBefore(OffsetDateTime cutoff) {
        return delete("at < ?1", cutoff);
    }
}
