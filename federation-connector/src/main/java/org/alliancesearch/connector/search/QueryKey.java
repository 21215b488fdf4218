package org.alliancesearch.connector.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.policy.Tlp;
import org.alliancesearch.model.query.SearchQuery;

/**
 * A search reduced to what changes the members' answers, so that the same search written differently (order of values,
 * duplicates, blanks around them, case of tags) is recognised for coalescing and caching.
 */
record QueryKey(List<String> values, List<String> types, List<String> categories, List<String> includeTags,
        List<String> excludeTags, LocalDate from, LocalDate to, Boolean toIds, Boolean published, Integer limit,
        boolean withSightings, Tlp maxTlp, List<String> dropTags) {

    static QueryKey of(SearchQuery q, AlliancePolicy p) {
        return new QueryKey(norm(q.values(), String::strip), norm(q.types(), QueryKey::lower),
                norm(q.categories(), String::strip), norm(q.includeTags(), QueryKey::lower),
                norm(q.excludeTags(), QueryKey::lower), q.from(), q.to(), q.toIds(), q.published(),
                q.limitPerMember(), q.withSightings(), p.maxTlp(), norm(p.dropTags(), QueryKey::lower));
    }

    private static String lower(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }

    private static List<String> norm(List<String> in, Function<String, String> f) {
        return in.stream().filter(s -> s != null).map(f).distinct().sorted().toList();
    }
}
