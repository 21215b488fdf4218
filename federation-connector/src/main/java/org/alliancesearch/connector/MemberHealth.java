package org.alliancesearch.connector;

import java.time.Instant;

/**
 * What the connector has observed of one member, for the admin health page.
 *
 * @param lastStatus status of the most recent call, or null if never called
 * @param circuitState CLOSED, OPEN or HALF_OPEN
 * @param errorRate share of failed calls among recent calls, 0..1
 */
public record MemberHealth(String memberId, MemberStatus lastStatus, String lastMessage, Instant lastCall,
        Instant lastSuccess, long latencyP50Ms, long latencyP95Ms, long latencyP99Ms, double errorRate, long calls,
        String circuitState) {
}
