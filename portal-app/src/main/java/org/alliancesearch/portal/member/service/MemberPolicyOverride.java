package org.alliancesearch.portal.member.service;

import java.util.List;

/**
 * Per-member tightening of the alliance policy.
 *
 * @param maxTlp a stricter TLP ceiling for this member's records (a TLP code such as {@code green}), or null for the alliance's
 * @param dropTags extra tag patterns that hide this member's records
 */
public record MemberPolicyOverride(String maxTlp, List<String> dropTags) {
    public MemberPolicyOverride {
        dropTags = dropTags == null ? List.of() : List.copyOf(dropTags);
    }

    public static MemberPolicyOverride none() {
        return new MemberPolicyOverride(null, List.of());
    }
}
