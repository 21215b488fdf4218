package org.alliancesearch.portal.member.service;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A member as admins see it: everything but the secrets, which are only reported as present. */
public record MemberView(UUID id, String name, String organisation, String url, boolean hasApiKey,
        boolean verifyTls, String caPem, String tlsPinSha256, String clientCertPem, boolean hasClientKey, int timeoutMs,
        boolean enabled,
        MemberPolicyOverride policy, OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt,
        String updatedBy, long version) {
}
