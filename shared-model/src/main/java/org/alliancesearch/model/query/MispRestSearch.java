package org.alliancesearch.model.query;

import java.util.List;

import org.alliancesearch.model.policy.AlliancePolicy;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Translates a {@link SearchQuery} into MISP {@code attributes/restSearch} bodies. STUB: to be implemented. */
public final class MispRestSearch {
    /** The largest number of values sent in one request. */
    public static final int MAX_VALUES_PER_REQUEST = 100;

    private MispRestSearch() {
    }

    /** The query's values split into batches of at most {@link #MAX_VALUES_PER_REQUEST}. */
    public static List<List<String>> batches(SearchQuery query) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * The JSON body for one batch and one page: values, filters, the policy's dropping tags as {@code NOT},
     * {@code includeEventTags: 1}, {@code includeContext: 1}, {@code returnFormat: json}, explicit limit and page.
     */
    public static ObjectNode body(SearchQuery query, List<String> batch, AlliancePolicy policy, int limit, int page) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
