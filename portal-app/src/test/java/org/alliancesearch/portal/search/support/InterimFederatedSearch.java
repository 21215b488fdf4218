package org.alliancesearch.portal.search.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.alliancesearch.connector.FederatedResult;
import org.alliancesearch.connector.FederatedSearch;
import org.alliancesearch.connector.MemberEndpoint;
import org.alliancesearch.connector.MemberOutcome;
import org.alliancesearch.connector.MemberRegistry;
import org.alliancesearch.connector.MemberStatus;
import org.alliancesearch.connector.SearchRun;
import org.alliancesearch.model.merge.IndicatorMerger;
import org.alliancesearch.model.misp.MispJson;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.query.MispRestSearch;
import org.alliancesearch.model.query.SearchQuery;
import org.alliancesearch.model.result.MemberHit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Test-only stand-in for the federation connector's search until its implementation is merged: one real HTTP call
 * per member (first page only), no fault tolerance. Delete when the connector lands.
 */
@ApplicationScoped
public class InterimFederatedSearch implements FederatedSearch {
    private final MemberRegistry registry;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    public InterimFederatedSearch(MemberRegistry registry) {
        this.registry = registry;
    }

    @Override
    public SearchRun start(SearchQuery query, AlliancePolicy policy) {
        long start = System.nanoTime();
        List<Uni<MemberOutcome>> branches = new ArrayList<>();
        for (MemberEndpoint member : registry.all()) {
            branches.add(ask(member, query, policy, start).memoize().indefinitely());
        }
        Uni<FederatedResult> result = branches.isEmpty()
                ? Uni.createFrom().item(new FederatedResult(List.of(), new IndicatorMerger().merge(List.of(), policy)))
                : Uni.join().all(branches).andFailFast().map(outcomes -> new FederatedResult(outcomes,
                        new IndicatorMerger().merge(outcomes.stream().flatMap(o -> o.hits().stream()).toList(),
                                policy)));
        Multi<MemberOutcome> outcomes = Multi.createBy().merging()
                .streams(branches.stream().map(Uni::toMulti).toList());
        Uni<FederatedResult> shared = result.memoize().indefinitely();
        return new SearchRun() {
            @Override
            public Multi<MemberOutcome> outcomes() {
                return outcomes;
            }

            @Override
            public Uni<FederatedResult> result() {
                return shared;
            }
        };
    }

    private Uni<MemberOutcome> ask(MemberEndpoint member, SearchQuery query, AlliancePolicy policy, long start) {
        if (!member.enabled()) {
            return Uni.createFrom().item(new MemberOutcome(member.ref(), MemberStatus.DISABLED, 0, 0, 0, null, null));
        }
        String body = MispRestSearch.body(query, query.values(), policy, 1000, 1).toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(member.baseUri() + "/attributes/restSearch"))
                .timeout(member.timeout() == null ? Duration.ofSeconds(5) : member.timeout())
                .header("Authorization", member.apiKey().reveal()).header("Accept", "application/json")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .map(response -> outcome(member, response, start))
                .onFailure().recoverWithItem(e -> new MemberOutcome(member.ref(),
                        e instanceof java.net.http.HttpTimeoutException ? MemberStatus.TIMEOUT : MemberStatus.ERROR,
                        millis(start), 0, 0, e.getClass().getSimpleName(), null));
    }

    private MemberOutcome outcome(MemberEndpoint member, HttpResponse<String> response, long start) {
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            return new MemberOutcome(member.ref(), MemberStatus.UNAUTHORIZED, millis(start), 0, 0, "API key refused",
                    null);
        }
        if (response.statusCode() != 200) {
            return new MemberOutcome(member.ref(), MemberStatus.ERROR, millis(start), 0, 0,
                    "HTTP " + response.statusCode(), null);
        }
        try {
            List<MemberHit> hits = new ArrayList<>();
            for (JsonNode node : json.readTree(response.body()).path("response").path("Attribute")) {
                hits.add(new MemberHit(member.ref(), MispJson.attribute(node)));
            }
            return new MemberOutcome(member.ref(), MemberStatus.OK, millis(start), hits.size(), 0, null, hits);
        } catch (Exception e) {
            return new MemberOutcome(member.ref(), MemberStatus.ERROR, millis(start), 0, 0, "unreadable answer", null);
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
