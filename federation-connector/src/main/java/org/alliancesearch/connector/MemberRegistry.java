package org.alliancesearch.connector;

import java.util.List;
import java.util.Optional;

/** The member instances the connector knows; changed at run time as admins onboard, edit and remove members. */
public interface MemberRegistry {
    /** Adds or replaces a member; a changed member gets fresh fault-tolerance state. */
    void upsert(MemberEndpoint endpoint);

    /** Removes a member and drops its guards. */
    void remove(String memberId);

    List<MemberEndpoint> all();

    Optional<MemberEndpoint> find(String memberId);
}
