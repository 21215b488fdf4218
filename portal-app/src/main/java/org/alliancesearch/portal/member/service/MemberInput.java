package org.alliancesearch.portal.member.service;

/**
 * What an admin sends to create or change a member (API body and form). On a change, a null or blank
 * {@code apiKey} (or {@code clientKeyPem}) keeps the stored one. A change through the API keeps every field it does
 * not mention; an explicit null (or {@code ""}) clears a field back to its default. A change of scheme, host or port
 * must send the {@code apiKey} again.
 *
 * @param name display name
 * @param organisation the member organisation
 * @param url the MISP base URL
 * @param apiKey the service user's API key; write-only
 * @param verifyTls verify the server certificate (default true)
 * @param caPem extra trusted CA certificate(s), PEM
 * @param clientCertPem client certificate for mutual TLS, PEM
 * @param clientKeyPem client private key for mutual TLS, PEM (PKCS#8); write-only
 * @param timeoutMs per-call timeout (default from configuration)
 * @param enabled whether searches ask this member (default true)
 * @param tlsPinSha256 the SHA-256 of the member's server certificate (hex, colons optional): exactly that
 *        certificate is trusted
 * @param policy per-member policy overrides (replaced as a whole when sent)
 * @param version the version this change is based on, or null (last writer wins)
 */
public record MemberInput(String name, String organisation, String url, String apiKey, Boolean verifyTls,
        String caPem, String clientCertPem, String clientKeyPem, Integer timeoutMs, Boolean enabled,
        String tlsPinSha256, MemberPolicyOverride policy, Long version) {
    @Override
    public String toString() {
        return "MemberInput[name=" + name + ", url=" + url + "]";
    }
}
