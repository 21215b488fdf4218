package org.alliancesearch.portal.member.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A member organisation's MISP instance as the portal stores it. The API key and the client private key are stored
 * only encrypted (AES-256-GCM, with the id of the key that encrypted them). Deleting sets {@link #deletedAt}.
 */
@Entity
@Table(name = "member_instance")
public class MemberEntity {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String organisation;

    /** Normalised: lower-case scheme and host, no trailing slash. */
    @Column(name = "base_url", nullable = false)
    public String baseUrl;

    @Column(name = "api_key_ciphertext", nullable = false)
    public String apiKeyCiphertext;

    @Column(name = "api_key_key_id", nullable = false)
    public String apiKeyKeyId;

    @Column(name = "verify_tls", nullable = false)
    public boolean verifyTls;

    @Column(name = "ca_pem")
    public String caPem;

    /** SHA-256 of the one server certificate to trust (64 lower-case hex digits), or null. */
    @Column(name = "tls_pin_sha256")
    public String tlsPinSha256;

    @Column(name = "client_cert_pem")
    public String clientCertPem;

    @Column(name = "client_key_ciphertext")
    public String clientKeyCiphertext;

    @Column(name = "client_key_key_id")
    public String clientKeyKeyId;

    @Column(name = "timeout_ms", nullable = false)
    public int timeoutMs;

    @Column(nullable = false)
    public boolean enabled;

    /** A stricter TLP ceiling for this member's records, or null for the alliance's. */
    @Column(name = "policy_max_tlp")
    public String policyMaxTlp;

    /** Extra drop-tag patterns for this member's records, one per line, or null. */
    @Column(name = "policy_drop_tags")
    public String policyDropTags;

    /**
     * The member's own MISP organisation (uuid, name) as its {@code users/view/me} reports it, learned when it is
     * onboarded or tested; null until then.
     */
    @Column(name = "misp_org_uuid")
    public String mispOrgUuid;

    @Column(name = "misp_org_name")
    public String mispOrgName;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    @Version
    public long version;

    @Override
    public String toString() {
        return "MemberEntity[id=" + id + ", name=" + name + ", baseUrl=" + baseUrl + "]";
    }
}
