package org.alliancesearch.portal.member.view;

import org.alliancesearch.portal.member.service.MemberView;

/** The member form's values as shown (never the API key or the client key). */
public record MemberForm(String name, String organisation, String url, String timeoutMs, boolean enabled,
        boolean verifyTls, String caPem, String tlsPinSha256, String clientCertPem, boolean hasClientKey, String maxTlp,
        String dropTags, String version) {
    static MemberForm empty(int defaultTimeoutMs) {
        return new MemberForm("", "", "", String.valueOf(defaultTimeoutMs), true, true, "", "", "", false, "", "", "");
    }

    static MemberForm of(MemberView m) {
        return new MemberForm(m.name(), m.organisation(), m.url(), String.valueOf(m.timeoutMs()), m.enabled(),
                m.verifyTls(), nullToEmpty(m.caPem()), nullToEmpty(m.tlsPinSha256()), nullToEmpty(m.clientCertPem()),
                m.hasClientKey(),
                nullToEmpty(m.policy().maxTlp()), String.join("\n", m.policy().dropTags()),
                String.valueOf(m.version()));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
