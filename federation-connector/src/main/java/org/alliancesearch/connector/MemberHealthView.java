package org.alliancesearch.connector;

import java.util.Optional;

/** Read access to what the connector observed of each member. */
public interface MemberHealthView {
    Optional<MemberHealth> health(String memberId);
}
