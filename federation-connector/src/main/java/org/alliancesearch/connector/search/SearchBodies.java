package org.alliancesearch.connector.search;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.query.MispRestSearch;
import org.alliancesearch.model.query.SearchQuery;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The restSearch bodies sent to members, as the shared model builds them (values in batches, explicit paging). */
@ApplicationScoped
public class SearchBodies {
    /** The query's values in batches of at most {@link MispRestSearch#MAX_VALUES_PER_REQUEST}. */
    public List<List<String>> batches(SearchQuery query) {
        return MispRestSearch.batches(query);
    }

    /** The body of one page of one batch. */
    public ObjectNode body(SearchQuery query, List<String> batch, AlliancePolicy policy, int limit, int page) {
        return MispRestSearch.body(query, batch, policy, limit, page);
    }
}
