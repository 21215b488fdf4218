package org.alliancesearch.portal.searchaudit.service;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One audited search as the admin API shows it.
 *
 * @param values the searched values, or null when only their hashes are stored
 * @param valueHashes SHA-256 (hex) of each searched value
 * @param members each member asked and how it answered
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SearchAuditView(String id, OffsetDateTime at, String user, String organisation, String source,
        String savedSearchId, int valueCount, List<String> values, List<String> valueHashes, List<MemberAsked> members,
        int failedMembers, int indicators, int attributes, int removedByPolicy) {

    /**
     * A member asked and its answer.
     *
     * @param hits its distinct attributes shown to the searcher (after the policy)
     * @param received attributes read from it before the policy (null in rows written before it was recorded)
     * @param removedByPolicy its distinct attributes the policy removed (null in rows written before it was recorded)
     */
    public record MemberAsked(String memberId, String member, String organisation, String status, long latencyMs,
            int hits, Integer received, Integer removedByPolicy) {
    }

    /** A page of audited searches, newest first. */
    public record Page(int page, int size, long total, List<SearchAuditView> items) {
    }
}
