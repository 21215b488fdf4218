package org.alliancesearch.connector;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import org.alliancesearch.model.result.MemberRef;

/**
 * Everything the connector needs to talk to one member MISP.
 *
 * @param ref the member's public identity (id, name, organisation, base URL)
 * @param baseUri the MISP base URI (http or https)
 * @param apiKey the service user's API key
 * @param verifyTls verify the server certificate (on unless an admin switched it off for this member)
 * @param caPem extra trusted CA certificate(s) in PEM, or null
 * @param clientCertPem client certificate chain in PEM for mTLS, or null
 * @param clientKeyPem client private key in PEM (PKCS#8) for mTLS, or null
 * @param timeout per-call timeout for this member, or null for the configured default
 * @param enabled false: the member is skipped with status {@link MemberStatus#DISABLED}
 * @param tlsPinSha256 the SHA-256 of the one server certificate to accept (hex, colons optional), or null; when set,
 *        exactly that certificate is trusted instead of a CA chain
 */
public record MemberEndpoint(MemberRef ref, URI baseUri, ApiKey apiKey, boolean verifyTls, String caPem,
        String clientCertPem, String clientKeyPem, Duration timeout, boolean enabled, String tlsPinSha256) {
    public MemberEndpoint {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(apiKey, "apiKey");
    }

    /** An endpoint without a pinned certificate. */
    public MemberEndpoint(MemberRef ref, URI baseUri, ApiKey apiKey, boolean verifyTls, String caPem,
            String clientCertPem, String clientKeyPem, Duration timeout, boolean enabled) {
        this(ref, baseUri, apiKey, verifyTls, caPem, clientCertPem, clientKeyPem, timeout, enabled, null);
    }

    public String id() {
        return ref.id();
    }

    @Override
    public String toString() {
        // PEM material and the key are left out on purpose.
        return "MemberEndpoint[id=" + ref.id() + ", name=" + ref.name() + ", baseUri=" + baseUri + ", enabled="
                + enabled
                + "]";
    }
}
