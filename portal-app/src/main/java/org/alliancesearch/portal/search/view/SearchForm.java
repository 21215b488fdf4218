package org.alliancesearch.portal.search.view;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.alliancesearch.portal.search.service.SearchRequest;
import org.jboss.resteasy.reactive.RestForm;

/** The fields of the search form, as sent and as shown again. Lists are typed one per line or comma separated. */
public class SearchForm {
    @RestForm
    public String values;
    @RestForm
    public String text;
    /** Values ticked on the extraction step. */
    @RestForm
    public List<String> pick;
    @RestForm
    public String types;
    @RestForm
    public String include;
    @RestForm
    public String exclude;
    @RestForm
    public String from;
    @RestForm
    public String to;
    /** "", "true" or "false". */
    @RestForm
    public String toIds;
    @RestForm
    public String limit;
    /** A report's URL to fetch and extract indicators from (action "fetch"). */
    @RestForm
    public String url;
    /** "extract", "fetch" or "search". */
    @RestForm
    public String action;
    /** An export format, for the export form. */
    @RestForm
    public String format;

    public static SearchForm empty() {
        return new SearchForm();
    }

    /** The form that shows (and re-sends) a stored request. */
    public static SearchForm of(SearchRequest r) {
        SearchForm f = new SearchForm();
        f.values = String.join("\n", r.values());
        f.text = r.text();
        f.types = String.join(", ", r.types());
        f.include = String.join(", ", r.includeTags());
        f.exclude = String.join(", ", r.excludeTags());
        f.from = r.from();
        f.to = r.to();
        f.toIds = r.toIds() == null ? "" : r.toIds().toString();
        f.limit = r.limit() == null ? "" : r.limit().toString();
        return f;
    }

    public boolean hasText() {
        return text != null && !text.isBlank();
    }

    /**
     * Whether this form asks for a report to be fetched: the fetch button, or a URL with nothing else to search
     * (Enter in the URL field submits with the first button, the search).
     */
    public boolean wantsFetch() {
        if ("fetch".equals(action)) {
            return true;
        }
        boolean nothingElse = !hasText() && lines(values).isEmpty()
                && (pick == null || pick.stream().allMatch(p -> p == null || p.isBlank()));
        return url != null && !url.isBlank() && nothingElse && !"extract".equals(action);
    }

    /** The request, with the ticked extracted values added and without the text (already confirmed). */
    public SearchRequest toRequest(boolean withText) {
        List<String> all = new ArrayList<>(lines(values));
        if (pick != null) {
            pick.stream().filter(p -> p != null && !p.isBlank()).forEach(all::add);
        }
        Integer max = null;
        if (limit != null && !limit.isBlank()) {
            try {
                max = Integer.valueOf(limit.trim());
            } catch (NumberFormatException e) {
                max = 0; // reported as out of range
            }
        }
        Boolean ids = "true".equals(toIds) ? Boolean.TRUE : "false".equals(toIds) ? Boolean.FALSE : null;
        SearchRequest.Tags tags = new SearchRequest.Tags(list(include), list(exclude));
        return new SearchRequest(all, withText ? text : null, list(types), tags, blank(from), blank(to), ids, max);
    }

    /** This form with the ticked values moved into the value list and no text: what the result page re-sends. */
    public SearchForm confirmed() {
        SearchForm f = SearchForm.of(toRequest(false));
        return f;
    }

    static List<String> lines(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static List<String> list(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** What the page shows: every field as text, never null. */
    public FormView view() {
        return new FormView(getValues(), getText(), getTypes(), getInclude(), getExclude(), getFrom(), getTo(),
                getToIds(), getLimit(), getUrl());
    }

    /** The form's fields for templates. */
    public record FormView(String values, String text, String types, String include, String exclude, String from,
            String to, String toIds, String limit, String url) {
    }

    public String getValues() {
        return values == null ? "" : values;
    }

    public String getText() {
        return text == null ? "" : text;
    }

    public String getTypes() {
        return types == null ? "" : types;
    }

    public String getInclude() {
        return include == null ? "" : include;
    }

    public String getExclude() {
        return exclude == null ? "" : exclude;
    }

    public String getFrom() {
        return from == null ? "" : from;
    }

    public String getTo() {
        return to == null ? "" : to;
    }

    public String getToIds() {
        return toIds == null ? "" : toIds;
    }

    public String getLimit() {
        return limit == null ? "" : limit;
    }

    public String getUrl() {
        return url == null ? "" : url;
    }
}
