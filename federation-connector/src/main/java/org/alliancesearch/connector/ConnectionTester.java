package org.alliancesearch.connector;

import io.smallrye.mutiny.Uni;

/** "Test connection" for a member, with or without it being registered. */
public interface ConnectionTester {
    /** Never fails: every problem is reported in the {@link ConnectionReport}. */
    Uni<ConnectionReport> test(MemberEndpoint endpoint);
}
