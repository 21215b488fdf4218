package org.alliancesearch.portal.saved.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.model.merge.MergedIndicator;
import org.alliancesearch.portal.common.problem.CodedProblem;
import org.alliancesearch.portal.common.problem.FieldProblem;
import org.alliancesearch.portal.common.problem.Reason;
import org.alliancesearch.portal.common.problem.Versions;
import org.alliancesearch.portal.saved.persistence.SavedSearch;
import org.alliancesearch.portal.saved.persistence.SavedSearchMark;
import org.alliancesearch.portal.saved.persistence.SavedSearchMarkRepository;
import org.alliancesearch.portal.saved.persistence.SavedSearchRepository;
import org.alliancesearch.portal.search.service.CompletedSearch;
import org.alliancesearch.portal.search.service.PreparedSearch;
import org.alliancesearch.portal.search.service.SearchRequest;
import org.alliancesearch.portal.search.service.SearchResponse;
import org.alliancesearch.portal.search.service.SearchService;
import org.alliancesearch.portal.search.service.SearchValidation;
import org.alliancesearch.portal.search.service.Searcher;
import org.alliancesearch.portal.search.service.ValueKey;
import org.hibernate.LockMode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Saved searches: who may see, run, change and delete them, and what is new since the last run. A search another
 * user may not see does not exist for them: reading, running or changing it by id answers 404.
 */
@ApplicationScoped
public class SavedSearchService {
    /** The change was based on a version no longer stored (detail and field say the same). */
    static final String STALE = "saved.stale-version";
    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 2000;

    private final SavedSearchRepository repository;
    private final SavedSearchMarkRepository marks;
    private final SearchService search;
    private final ObjectMapper json;
    private final ValueKey valueKey;

    public SavedSearchService(SavedSearchRepository repository, SavedSearchMarkRepository marks, SearchService search,
            ObjectMapper json, ValueKey valueKey) {
        this.valueKey = valueKey;
        this.repository = repository;
        this.marks = marks;
        this.search = search;
        this.json = json;
    }

    /** The result of running a saved search: the search with new indicators marked, and the search's new state. */
    public record Run(SavedSearchView saved, CompletedSearch completed, Set<String> newKeys) {
    }

    public Uni<List<SavedSearchView>> list(Searcher who) {
        return Panache.withTransaction(() -> repository.bind(who.user(), who.subject(), who.organisation())
                .flatMap(bound -> repository.visibleTo(who.user(), who.subject(), who.organisation())))
                .map(rows -> rows.stream().map(r -> view(r, who)).toList());
    }

    public Uni<SavedSearchView> get(String id, Searcher who) {
        return Panache.withTransaction(() -> visible(id, who)).map(r -> view(r, who));
    }

    public Uni<SavedSearchView> create(SavedSearchInput input, Searcher who) {
        return Uni.createFrom().item(() -> validate(input)).flatMap(valid -> {
            SavedSearch row = new SavedSearch();
            row.id = UUID.randomUUID();
            row.owner = who.user();
            row.ownerSub = who.subject();
            row.organisation = who.organisation();
            apply(row, valid);
            row.createdAt = now();
            row.updatedAt = row.createdAt;
            return Panache.withTransaction(() -> repository.persist(row)).map(r -> view(r, who));
        });
    }

    public Uni<SavedSearchView> update(String id, SavedSearchInput input, Searcher who) {
        return update(id, input, null, who);
    }

    /**
     * The owner changes a search; a change based on another version (the {@code If-Match} header, else the input's
     * version) is refused with 409 and nothing changes.
     */
    public Uni<SavedSearchView> update(String id, SavedSearchInput input, String ifMatch, Searcher who) {
        return Uni.createFrom().item(() -> validate(input))
                .flatMap(valid -> Panache.withTransaction(() -> visible(id, who)
                        .call(row -> Panache.getSession().flatMap(s -> s.refresh(row, LockMode.PESSIMISTIC_WRITE)))
                        .map(row -> {
                            if (!owns(row, who)) {
                                throw new NotOwnerException();
                            }
                            Versions.check(Versions.expected(ifMatch, input.version()), row.version,
                                    Reason.of(STALE), Reason.of(STALE));
                            apply(row, valid);
                            row.version++;
                            row.updatedAt = now();
                            return view(row, who);
                        })));
    }

    /** The owner deletes a search they may see; an admin deletes any. */
    public Uni<Void> delete(String id, Searcher who) {
        return Panache.withTransaction(() -> {
            UUID uuid = parse(id);
            Uni<SavedSearch> found = who.admin()
                    ? repository.findById(uuid)
                    : repository.bind(who.user(), who.subject(), who.organisation())
                            .flatMap(bound -> repository.visible(uuid, who.user(), who.subject(),
                                    who.organisation()));
            return found.flatMap(row -> {
                if (row == null) {
                    return Uni.createFrom().failure(notFound(id));
                }
                if (!who.admin() && !owns(row, who)) {
                    return Uni.createFrom()
                            .failure(new NotOwnerException());
                }
                return repository.delete(row);
            });
        });
    }

    /**
     * Runs a saved search the caller may see and marks the indicators the caller's own previous run did not have
     * (each viewer has their own marks; on a viewer's first run nothing is new).
     */
    public Uni<Run> run(String id, Searcher who) {
        return Panache.withTransaction(() -> visible(id, who)
                .flatMap(row -> marks.of(row.id, who.subject()).map(mark -> new Found(row, mark))))
                .flatMap(found -> {
                    SavedSearch row = found.row();
                    SavedSearchMark mark = found.mark();
                    PreparedSearch prepared = SearchValidation.prepare(read(row.queryJson));
                    Set<String> previous = mark == null
                            ? null
                            : mark.lastKeys.isEmpty()
                                    ? Set.of()
                                    : new HashSet<>(Arrays.asList(mark.lastKeys.split("\n")));
                    return search.start(prepared, who, SearchService.SOURCE_SAVED, row.id)
                            .flatMap(live -> live.result())
                            .flatMap(done -> remember(row.id, who, done).map(saved -> mark(saved, done, previous)));
                });
    }

    /** A saved search and the caller's marks of it (null before their first run). */
    private record Found(SavedSearch row, SavedSearchMark mark) {
    }

    private Uni<SavedSearchView> remember(UUID id, Searcher who, CompletedSearch done) {
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        for (MergedIndicator i : done.merged().indicators()) {
            keys.add(SearchService.indicatorKeyHash(valueKey, i));
        }
        OffsetDateTime at = now();
        return Panache.withTransaction(() -> repository.findById(id).flatMap(row -> {
            if (row == null) {
                return Uni.createFrom().nullItem(); // deleted meanwhile
            }
            row.lastRunAt = at;
            row.lastRunBy = who.user();
            row.lastIndicatorCount = done.merged().indicators().size();
            return marks.remember(id, who.subject(), at, String.join("\n", keys)).map(stored -> view(row, who));
        }));
    }

    private Run mark(SavedSearchView saved, CompletedSearch done, Set<String> previous) {
        Set<String> newKeys = new HashSet<>();
        List<SearchResponse.Indicator> indicators = new ArrayList<>();
        SearchResponse r = done.response();
        List<MergedIndicator> merged = done.merged().indicators();
        for (int n = 0; n < merged.size(); n++) {
            MergedIndicator i = merged.get(n);
            String key = SearchService.indicatorKeyHash(valueKey, i);
            boolean isNew = previous != null && !previous.contains(key);
            if (isNew) {
                newKeys.add(key);
            }
            // The answer lists the merged indicators in the same order.
            String pivotOf = n < r.indicators().size() ? r.indicators().get(n).pivotOf() : null;
            indicators.add(SearchService.indicator(i, isNew, pivotOf));
        }
        SearchResponse marked = r.withIndicators(indicators, newKeys.size());
        return new Run(saved, new CompletedSearch(marked, done.merged(), done.outcomes(), done.removed()), newKeys);
    }

    /** The search if the caller may see it, else 404; binds the caller's older searches first (in a transaction). */
    private Uni<SavedSearch> visible(String id, Searcher who) {
        UUID uuid = parse(id);
        return repository.bind(who.user(), who.subject(), who.organisation())
                .flatMap(bound -> repository.visible(uuid, who.user(), who.subject(), who.organisation()))
                .onItem().ifNull().failWith(() -> notFound(id));
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw notFound(id);
        }
    }

    private static CodedProblem notFound(String id) {
        String shown = id == null ? "" : id.length() > 40 ? id.substring(0, 40) + "…" : id;
        return CodedProblem.notFound(Reason.of("saved.not-found", shown));
    }

    /** The owner is the subject that saved it; a search saved before subjects were kept, by name until bound. */
    private static boolean owns(SavedSearch row, Searcher who) {
        if (!row.organisation.equals(who.organisation())) {
            return false;
        }
        return row.ownerSub != null ? row.ownerSub.equals(who.subject()) : row.owner.equals(who.user());
    }

    private record Valid(String name, String description, Visibility visibility, SearchRequest query) {
    }

    private Valid validate(SavedSearchInput input) {
        List<FieldProblem> errors = new ArrayList<>();
        String name = input == null || input.name() == null ? "" : input.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            errors.add(new FieldProblem("name", "name.invalid", Reason.of("saved.name")));
        }
        String description = input == null || input.description() == null ? null : input.description().strip();
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.add(new FieldProblem("description", "description.tooLong", Reason.of("saved.description")));
        }
        Visibility visibility = Visibility.PRIVATE;
        if (input != null && input.visibility() != null) {
            var parsed = Visibility.parse(input.visibility());
            if (parsed.isEmpty()) {
                errors.add(new FieldProblem("visibility", "visibility.unknown", Reason.of("saved.visibility")));
            } else {
                visibility = parsed.get();
            }
        }
        SearchRequest query = input == null ? null : input.query();
        try {
            SearchValidation.prepare(query);
        } catch (CodedProblem e) {
            e.errors().forEach(err -> errors.add(err.under("query.")));
        }
        if (!errors.isEmpty()) {
            throw CodedProblem.invalid(Reason.of("saved.invalid"), errors);
        }
        return new Valid(name, description == null || description.isEmpty() ? null : description, visibility, query);
    }

    private void apply(SavedSearch row, Valid valid) {
        row.name = valid.name();
        row.description = valid.description();
        row.visibility = valid.visibility().name();
        row.queryJson = write(valid.query());
    }

    private SavedSearchView view(SavedSearch r, Searcher who) {
        return new SavedSearchView(r.id.toString(), r.name, r.description, r.visibility, r.owner, r.organisation,
                read(r.queryJson), r.createdAt, r.updatedAt, r.lastRunAt, r.lastIndicatorCount, owns(r, who),
                r.version);
    }

    private String write(SearchRequest query) {
        try {
            return json.writeValueAsString(query);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("search request not serialisable", e);
        }
    }

    private SearchRequest read(String text) {
        try {
            return json.readValue(text, SearchRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored search request unreadable", e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
