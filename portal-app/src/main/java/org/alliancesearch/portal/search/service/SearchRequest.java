package org.alliancesearch.portal.search.service;

import java.util.List;

/**
 * A search as the API and the saved searches take it; only {@code values} or {@code text} is required.
 *
 * @param values values to search, as given (they are normalised and deduplicated)
 * @param text free text (a report, an e-mail) whose indicators are extracted and searched
 * @param types MISP attribute types to restrict to
 * @param tags tag patterns a record must carry ({@code include}) or must not carry ({@code exclude})
 * @param from event date from, {@code YYYY-MM-DD}
 * @param to event date to, {@code YYYY-MM-DD}
 * @param toIds only IDS-flagged (true), only non-IDS (false), or both (null)
 * @param limit the most attributes taken from one member
 * @param emailDomains whether e-mail addresses are also searched by their domain (URLs are always also searched by
 *        their host)
 */
public record SearchRequest(List<String> values, String text, List<String> types, Tags tags, String from, String to,
        Boolean toIds, Integer limit, Boolean emailDomains) {
    public SearchRequest {
        values = values == null ? List.of() : values;
        types = types == null ? List.of() : types;
    }

    public SearchRequest(List<String> values, String text, List<String> types, Tags tags, String from, String to,
            Boolean toIds, Integer limit) {
        this(values, text, types, tags, from, to, toIds, limit, null);
    }

    /** Whether e-mail addresses pivot to their domain. */
    public boolean pivotsEmailDomains() {
        return Boolean.TRUE.equals(emailDomains);
    }

    /** Tag patterns to include and exclude. */
    public record Tags(List<String> include, List<String> exclude) {
        public Tags {
            include = include == null ? List.of() : include;
            exclude = exclude == null ? List.of() : exclude;
        }
    }

    public List<String> includeTags() {
        return tags == null ? List.of() : tags.include();
    }

    public List<String> excludeTags() {
        return tags == null ? List.of() : tags.exclude();
    }
}
