package org.alliancesearch.portal.search.service;

import java.util.Collections;
import java.util.List;

import org.alliancesearch.model.merge.OrganisationClaims;
import org.alliancesearch.model.policy.AlliancePolicy;
import org.alliancesearch.model.policy.TagFilter;
import org.alliancesearch.model.result.MemberHit;
import org.alliancesearch.model.result.MemberRef;

/**
 * The hits of a finished search as the portal decided on them before the alliance policy: what remains after each
 * member's stricter override, and what the alliance-level decision (the alliance policy, the search's tag filter and
 * the creator claims) needs. Both the portal's merge and the MISP-compatible API apply that decision by the same rules.
 *
 * @param hits the hits each member's stricter policy kept (all hits when no member has a stricter policy)
 * @param all every hit the members returned, for checking creator claims
 * @param asked every member asked
 * @param alliance the alliance policy the search ran under
 * @param filter the search's own tag filter
 */
public record KeptHits(List<MemberHit> hits, List<MemberHit> all, List<MemberRef> asked, AlliancePolicy alliance,
        TagFilter filter) {
    public static final KeptHits NONE = new KeptHits(List.of(), List.of(), List.of(), AlliancePolicy.defaults(),
            TagFilter.none());

    public KeptHits {
        // read-only views rather than copies: a search may return 100,000 hits
        hits = Collections.unmodifiableList(hits);
        all = Collections.unmodifiableList(all);
        asked = List.copyOf(asked);
    }

    /** The creator claims checked over every hit, as the portal's merge checks them. */
    public OrganisationClaims claims() {
        return OrganisationClaims.check(asked, all);
    }
}
