package org.alliancesearch.portal.searchaudit.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.connector.MemberStatus;
import org.alliancesearch.model.indicator.NormalisationResult;
import org.alliancesearch.model.indicator.Normaliser;
import org.alliancesearch.portal.common.persistence.RowInsert;
import org.alliancesearch.portal.common.persistence.RowInserts;
import org.alliancesearch.portal.search.config.SearchConfig;
import org.alliancesearch.portal.search.service.CompletedSearch;
import org.alliancesearch.portal.search.service.PreparedSearch;
import org.alliancesearch.portal.search.service.SearchRecorder;
import org.alliancesearch.portal.search.service.Searcher;
import org.alliancesearch.portal.search.service.ValueKey;
import org.alliancesearch.portal.searchaudit.persistence.SearchAuditEntry;
import org.alliancesearch.portal.searchaudit.persistence.SearchAuditRepository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Writes, reads and purges the audit trail of searches. */
@ApplicationScoped
public class SearchAuditService implements SearchRecorder {
    private final SearchAuditRepository repository;
    private final SearchConfig config;
    private final ObjectMapper json;
    private final ValueKey valueKey;
    private final RowInserts inserts;

    /** The scheme of the value hashes this version writes. */
    static final String HMAC = "hmac-sha256";

    public SearchAuditService(SearchAuditRepository repository, RowInserts inserts, SearchConfig config,
            ObjectMapper json, ValueKey valueKey) {
        this.repository = repository;
        this.inserts = inserts;
        this.config = config;
        this.json = json;
        this.valueKey = valueKey;
    }

    /** Records a finished search and the rows given with it, in one statement. */
    @Override
    public Uni<Void> record(UUID id, Searcher who, String source, UUID savedSearchId, PreparedSearch prepared,
            CompletedSearch done, List<RowInsert> alongside) {
        SearchAuditEntry e = entry(id, who, source, savedSearchId, prepared, done, config.audit().hashValues(),
                OffsetDateTime.now(ZoneOffset.UTC));
        List<RowInsert> rows = new ArrayList<>(1 + alongside.size());
        rows.add(e.row());
        rows.addAll(alongside);
        return inserts.insert(rows);
    }

    /** The audit row of a finished search; with {@code hashValues} the values themselves are left out. */
    SearchAuditEntry entry(UUID id, Searcher who, String source, UUID savedSearchId, PreparedSearch prepared,
            CompletedSearch done, boolean hashValues, OffsetDateTime at) {
        SearchAuditEntry e = new SearchAuditEntry();
        e.id = id;
        e.at = at;
        e.username = who.user();
        e.organisation = who.organisation();
        e.source = source;
        e.savedSearchId = savedSearchId;
        List<String> values = prepared.query().values();
        e.valueCount = values.size();
        e.valueList = hashValues ? null : String.join("\n", values);
        e.valueHashes = String.join("\n", values.stream().map(valueKey::hash).toList());
        e.valueHashScheme = HMAC;
        List<SearchAuditView.MemberAsked> asked = done.outcomes().stream()
                .map(o -> new SearchAuditView.MemberAsked(o.member().id(), o.member().name(),
                        o.member().organisation(), o.status().name(), o.latencyMs(), o.hitCount(),
                        done.removed().received().getOrDefault(o.member().id(), o.hitCount()),
                        done.removed().of(o.member().id())))
                .toList();
        e.membersJson = write(asked);
        e.memberCount = asked.size();
        e.failedCount = (int) done.outcomes().stream()
                .filter(o -> o.status() != MemberStatus.OK && o.status() != MemberStatus.DISABLED).count();
        e.indicatorCount = done.response().totals().indicators();
        // for the admin: attributes received before the policy, where known
        e.attributeCount = done.removed().received().isEmpty()
                ? done.response().totals().attributes()
                : done.removed().received().values().stream().mapToInt(Integer::intValue).sum();
        e.removedByPolicy = done.removed().total();
        return e;
    }

    /**
     * One page of audited searches.
     *
     * @param value a searched value as typed: matched by the HMAC of its canonical form (rows written before the
     *     HMAC have no value hashes left and never match)
     * @param page 0-based
     */
    public Uni<SearchAuditView.Page> find(String user, String organisation, OffsetDateTime from, OffsetDateTime to,
            String value, int page, int size) {
        String v = value == null || value.isBlank() ? null : canonical(value);
        var filter = new SearchAuditRepository.Filter(blankToNull(user), blankToNull(organisation), from, to,
                v == null ? null : valueKey.hash(v));
        return Panache.withSession(() -> repository.find(filter, page, size))
                .map(found -> new SearchAuditView.Page(page + 1, size, found.total(),
                        found.rows().stream().map(this::view).toList()));
    }

    /** Deletes rows older than the retention period before {@code now}; returns how many. */
    public Uni<Long> purge(Instant now) {
        OffsetDateTime cutoff = now.minusSeconds(86_400L * config.audit().retentionDays()).atOffset(ZoneOffset.UTC);
        return Panache.withTransaction(() -> repository.purgeBefore(cutoff));
    }

    /** The form a value is searched (and hashed) in: as the query validator normalises it. */
    static String canonical(String value) {
        NormalisationResult result = Normaliser.normalise(value);
        return result.isValid() ? result.value() : value.strip();
    }

    private SearchAuditView view(SearchAuditEntry e) {
        return new SearchAuditView(e.id.toString(), e.at, e.username, e.organisation, e.source,
                e.savedSearchId == null ? null : e.savedSearchId.toString(), e.valueCount, lines(e.valueList),
                lines(e.valueHashes), read(e.membersJson), e.failedCount, e.indicatorCount, e.attributeCount,
                e.removedByPolicy);
    }

    private static List<String> lines(String text) {
        return text == null ? null : text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit members not serialisable", e);
        }
    }

    private List<SearchAuditView.MemberAsked> read(String text) {
        try {
            return json.readValue(text, new TypeReference<List<SearchAuditView.MemberAsked>>() {
            });
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
