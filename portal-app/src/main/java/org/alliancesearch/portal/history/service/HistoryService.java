package org.alliancesearch.portal.history.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.connector.MemberStatus;
import org.alliancesearch.model.summary.SearchedValue;
import org.alliancesearch.portal.changelog.service.ChangeLog;
import org.alliancesearch.portal.common.crypto.SealedSecret;
import org.alliancesearch.portal.common.crypto.SecretCipher;
import org.alliancesearch.portal.common.persistence.RowInsert;
import org.alliancesearch.portal.history.persistence.HistoryEntry;
import org.alliancesearch.portal.history.persistence.HistoryRepository;
import org.alliancesearch.portal.search.service.CompletedSearch;
import org.alliancesearch.portal.search.service.PreparedSearch;
import org.alliancesearch.portal.search.service.SearchHistory;
import org.alliancesearch.portal.search.service.SearchRequest;
import org.alliancesearch.portal.search.service.SearchResponse;
import org.alliancesearch.portal.search.service.SearchService;
import org.alliancesearch.portal.search.service.Searcher;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Each person's own search history: written after each search from the page, the API or a saved search, read and
 * deleted by its owner only (every method takes the owner's subject and every query names it), purged after the
 * retention period. The query is sealed with the secrets-at-rest cipher, bound to the row and its owner, and never
 * logged.
 */
@ApplicationScoped
public class HistoryService implements SearchHistory {
    private static final Logger LOG = Logger.getLogger(HistoryService.class);

    /** Sources kept: the MISP-compatible API is left out (scripts pull thousands), exports repeat a shown search. */
    static final Set<String> KEPT = Set.of(SearchService.SOURCE_PAGE, SearchService.SOURCE_API,
            SearchService.SOURCE_SAVED);

    /** The most entries one page of the API answers. */
    public static final int MAX_LIMIT = 200;

    private final HistoryRepository repository;
    private final SecretCipher cipher;
    private final ObjectMapper json;
    private final HistoryConfig config;
    private final ChangeLog audit;
    private final TrimThrottle trims;

    public HistoryService(HistoryRepository repository, SecretCipher cipher, ObjectMapper json,
            HistoryConfig config, ChangeLog audit) {
        this.audit = audit;
        this.repository = repository;
        this.cipher = cipher;
        this.json = json;
        this.config = config;
        this.trims = new TrimThrottle(config.trimInterval(), System::nanoTime);
    }

    @Override
    public boolean keeps(Searcher who, String source) {
        return KEPT.contains(source) && who.subject() != null;
    }

    @Override
    public RowInsert entry(Searcher who, String source, PreparedSearch prepared, CompletedSearch done) {
        return entry(UUID.randomUUID(), who.subject(), source, prepared, done, OffsetDateTime.now(ZoneOffset.UTC))
                .row();
    }

    /**
     * At most once per {@link HistoryConfig#trimInterval()} per person on this replica, a trim past the per-person cap
     * in its own transaction.
     */
    @Override
    public Uni<Void> written(Searcher who) {
        if (!trims.due(who.subject())) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> repository.trim(who.subject(), config.maxPerUser())).replaceWithVoid()
                .onFailure().recoverWithUni(e -> {
                    // never the subject or the message; the next trim drops what this one left
                    LOG.warnf("History: a trim past the per-person cap failed (%s)", e.getClass().getName());
                    return Uni.createFrom().voidItem();
                });
    }

    HistoryEntry entry(UUID id, String ownerSub, String source, PreparedSearch prepared, CompletedSearch done,
            OffsetDateTime at) {
        List<HistoryEntryView.Searched> searched = searched(prepared, done.response());
        HistoryEntry e = new HistoryEntry();
        e.id = id;
        e.ownerSub = ownerSub;
        e.searchedAt = at;
        e.source = source;
        SealedSecret sealed = cipher.seal(write(new SealedQuery(query(prepared), searched)), context(e));
        e.keyId = sealed.keyId();
        e.querySealed = sealed.ciphertext();
        e.valueCount = (int) searched.stream().filter(s -> s.pivotOf() == null).count();
        e.foundCount = (int) searched.stream().filter(s -> s.pivotOf() == null && s.found()).count();
        e.indicatorCount = done.response().totals().indicators();
        e.membersAnswered = (int) done.outcomes().stream().filter(o -> o.status() == MemberStatus.OK).count();
        e.membersFailed = (int) done.outcomes().stream()
                .filter(o -> o.status() != MemberStatus.OK && o.status() != MemberStatus.DISABLED).count();
        return e;
    }

    /**
     * The request as given, without free text (a whole report is not kept): when the values came from text, the
     * values found in it take their place, so that the entry can be run again.
     */
    private static SearchRequest query(PreparedSearch prepared) {
        SearchRequest r = prepared.request();
        List<String> values = new ArrayList<>(r.values());
        if (r.text() != null && !r.text().isBlank()) {
            prepared.searched().stream().filter(v -> !v.isPivot()).map(SearchedValue::value)
                    .filter(v -> !values.contains(v)).forEach(values::add);
        }
        return new SearchRequest(values, null, r.types(), r.tags(), r.from(), r.to(), r.toIds(), r.limit(),
                r.emailDomains());
    }

    /** Each searched value with whether it was found (from the answer's summary, one per searched value). */
    private static List<HistoryEntryView.Searched> searched(PreparedSearch prepared, SearchResponse response) {
        List<SearchResponse.Summary> summary = response.summary();
        List<SearchedValue> values = prepared.searched();
        List<HistoryEntryView.Searched> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            SearchedValue v = values.get(i);
            SearchResponse.Summary s = i < summary.size() && summary.get(i).value().equals(v.value())
                    ? summary.get(i)
                    : summary.stream().filter(x -> x.value().equals(v.value())
                            && Objects.equals(x.pivotOf(), v.pivotOf())).findFirst().orElse(null);
            out.add(new HistoryEntryView.Searched(v.value(), s == null ? v.kind().mispType() : s.type(),
                    s != null && s.found(), v.isPivot() ? v.pivotOf() : null));
        }
        return out;
    }

    /**
     * My entries searched before {@code before} (now when null), newest first; entries beyond the cap that a burst
     * of searches left are dropped first.
     *
     * @param limit 1 to {@link #MAX_LIMIT}
     */
    public Uni<HistoryPage> list(String ownerSub, Instant before, int limit) {
        OffsetDateTime until = (before == null ? Instant.now().plusSeconds(1) : before).atOffset(ZoneOffset.UTC);
        return Panache.withTransaction(() -> repository.trim(ownerSub, config.maxPerUser())
                .flatMap(trimmed -> repository.page(ownerSub, until, limit))).map(rows -> {
                    List<HistoryEntryView> views = rows.stream().map(this::view).flatMap(Optional::stream).toList();
                    Instant next = rows.size() < limit ? null : rows.get(rows.size() - 1).searchedAt.toInstant();
                    return new HistoryPage(views, next);
                });
    }

    /** One of my entries; empty when it is not mine or does not exist (the caller answers both alike). */
    public Uni<Optional<HistoryEntryView>> get(String ownerSub, UUID id) {
        return Panache.withSession(() -> repository.ofOwner(ownerSub, id))
                .map(row -> row == null ? Optional.empty() : view(row));
    }

    /** Deletes one of my entries; false when it is not mine or does not exist. */
    public Uni<Boolean> delete(String ownerSub, UUID id) {
        return Panache.withTransaction(() -> repository.deleteOfOwner(ownerSub, id)).map(n -> n > 0);
    }

    /** Deletes all entries of one person (their own request, or an administrator's erasure); returns how many. */
    public Uni<Long> deleteAll(String ownerSub) {
        return Panache.withTransaction(() -> repository.deleteAllOf(ownerSub));
    }

    /**
     * An administrator erases a person's whole history (account data deleted on request), recorded in the admin
     * audit log with the count only; returns how many.
     */
    public Uni<Long> erase(String ownerSub) {
        return Panache.withTransaction(() -> repository.deleteAllOf(ownerSub)
                .call(n -> audit.record("history.erase", "user", ownerSub, null, java.util.Map.of("deleted", n))));
    }

    /** Retention and cap, for the page's text. */
    public HistoryConfig config() {
        return config;
    }

    /** Deletes entries older than the retention period before {@code now}; returns how many. */
    public Uni<Long> purge(Instant now) {
        OffsetDateTime cutoff = now.minus(config.retention()).atOffset(ZoneOffset.UTC);
        return Panache.withTransaction(() -> repository.purgeBefore(cutoff));
    }

    private Optional<HistoryEntryView> view(HistoryEntry e) {
        SealedQuery q;
        try {
            q = json.readValue(cipher.open(new SealedSecret(e.keyId, e.querySealed), context(e)), SealedQuery.class);
        } catch (JsonProcessingException | IllegalStateException ex) {
            // a key no longer configured, or a tampered row: left out rather than failing the whole list
            LOG.warnf("History entry %s could not be read (%s)", e.id, ex.getClass().getSimpleName());
            return Optional.empty();
        }
        return Optional.of(new HistoryEntryView(e.id.toString(), e.searchedAt.toInstant(), e.source, q.query(),
                q.searched(), new HistoryEntryView.Counts(e.valueCount, e.foundCount, e.indicatorCount,
                        e.membersAnswered, e.membersFailed)));
    }

    /** Binds the ciphertext to its row and owner: copied to another row or person, it does not decrypt. */
    private static String context(HistoryEntry e) {
        return "search-history/" + e.id + "/" + e.ownerSub;
    }

    private String write(SealedQuery q) {
        try {
            return json.writeValueAsString(q);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("history query could not be written");
        }
    }
}
