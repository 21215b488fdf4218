package org.alliancesearch.portal.searchaudit.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.alliancesearch.connector.MemberOutcome;
import org.alliancesearch.connector.MemberStatus;
import org.alliancesearch.model.merge.IndicatorMerger;
import org.alliancesearch.model.query.SearchQuery;
import org.alliancesearch.model.result.MemberRef;
import org.alliancesearch.portal.search.service.CompletedSearch;
import org.alliancesearch.portal.search.service.PreparedSearch;
import org.alliancesearch.portal.search.service.SearchRequest;
import org.alliancesearch.portal.search.service.SearchResponse;
import org.alliancesearch.portal.search.service.Searcher;
import org.alliancesearch.portal.search.service.ValueKey;
import org.alliancesearch.portal.testsupport.ReferenceHashes;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The audit row of a search, with the values kept or hashed only. */
class SearchAuditEntryTest {
    private static final String SECRET = "unit-test-secret-of-the-audit-hmacs-0123";
    private final SearchAuditService service = new SearchAuditService(null, null, null, new ObjectMapper(),
            new ValueKey(SECRET));

    private final PreparedSearch prepared = new PreparedSearch(
            new SearchRequest(List.of("1.2.3.4", "evil.example"), null, null, null, null, null, null, null),
            SearchQuery.ofValues(List.of("1.2.3.4", "evil.example")));
    private final MemberRef a = new MemberRef("m-a", "MISP A", "org-a", "http://127.0.0.1:1");
    private final MemberRef c = new MemberRef("m-c", "MISP C", "org-c", "http://127.0.0.1:2");
    private final CompletedSearch done = new CompletedSearch(
            new SearchResponse("x", List.of(), List.of(), new SearchResponse.Totals(3, 7, 1), null),
            new IndicatorMerger().merge(List.of(), null),
            List.of(new MemberOutcome(a, MemberStatus.OK, 12, 7, 0, null, null),
                    new MemberOutcome(c, MemberStatus.TIMEOUT, 10_000, 0, 0, "timed out", null)),
            new CompletedSearch.Removed(2, java.util.Map.of("m-a", 2), java.util.Map.of("m-a", 9)));

    @Test
    void hashedRowsKeepOnlyTheHashes() {
        var e = service.entry(UUID.randomUUID(), new Searcher("alice", "org-a", false), "api", null, prepared, done,
                true, OffsetDateTime.now());
        assertThat(e.valueList).isNull();
        // HMAC-SHA-256 under the server secret, not a bare SHA-256 that anyone can compute for every IPv4 address
        byte[] key = SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(e.valueHashes.split("\n")).containsExactly(ReferenceHashes.hmacSha256(key, "1.2.3.4"),
                ReferenceHashes.hmacSha256(key, "evil.example")).doesNotContain(ReferenceHashes.sha256("1.2.3.4"));
        assertThat(e.valueHashScheme).isEqualTo("hmac-sha256");
        assertThat(e.valueCount).isEqualTo(2);
        assertThat(e.memberCount).isEqualTo(2);
        assertThat(e.failedCount).isEqualTo(1);
        assertThat(e.membersJson).contains("\"status\":\"TIMEOUT\"").contains("\"memberId\":\"m-a\"");
        assertThat(e.indicatorCount).isEqualTo(3);
        // received before the policy (the response counts only what was shown)
        assertThat(e.attributeCount).isEqualTo(9);
        assertThat(e.removedByPolicy).isEqualTo(2);
        // per member, for administrators: shown, received before the policy, removed by it
        assertThat(e.membersJson).contains("\"memberId\":\"m-a\"")
                .contains("\"hits\":7,\"received\":9,\"removedByPolicy\":2")
                .contains("\"hits\":0,\"received\":0,\"removedByPolicy\":0");
        assertThat(e.toString() + e.membersJson + e.valueHashes).doesNotContain("1.2.3.4");
    }

    @Test
    void unhashedRowsKeepTheValuesToo() {
        var e = service.entry(UUID.randomUUID(), new Searcher("alice", "org-a", false), "page", null, prepared, done,
                false, OffsetDateTime.now());
        assertThat(e.valueList.split("\n")).containsExactly("1.2.3.4", "evil.example");
        assertThat(e.valueHashes.split("\n")).hasSize(2);
    }
}
