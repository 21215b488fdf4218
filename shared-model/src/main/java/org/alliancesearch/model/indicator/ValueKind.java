package org.alliancesearch.model.indicator;

/**
 * What a bare value is, as far as it can be told from the value alone. Each kind names the MISP type suggested for a
 * new attribute of that kind and the family it is matched in.
 */
public enum ValueKind {
    /** An IPv4 address, e.g. {@code 192.0.2.1}. */
    IPV4("ip-dst", Families.IP),
    /** An IPv6 address, e.g. {@code 2001:db8::1}. */
    IPV6("ip-dst", Families.IP),
    /** An IPv4 or IPv6 network in CIDR notation, e.g. {@code 192.0.2.0/24}. */
    CIDR("ip-dst", Families.IP),
    /** A domain or host name, e.g. {@code evil.example}. */
    DOMAIN("domain", Families.DOMAIN),
    /** A URL, with or without a scheme, e.g. {@code http://evil.example/gate.php}. */
    URL("url", Families.URL),
    /** An e-mail address. */
    EMAIL("email", Families.EMAIL),
    /** An MD5 hash (32 hex digits). */
    MD5("md5", Families.MD5),
    /** A SHA-1 hash (40 hex digits). */
    SHA1("sha1", Families.SHA1),
    /** A SHA-256 hash (64 hex digits). */
    SHA256("sha256", Families.SHA256),
    /** A SHA-512 hash (128 hex digits). */
    SHA512("sha512", Families.SHA512),
    /** A CVE id, e.g. {@code CVE-2021-44228}. */
    CVE("vulnerability", Families.CVE),
    /** A file name such as {@code report.pdf} (a name ending in a common file extension that is not a TLD). */
    FILENAME("filename", Families.FILENAME),
    /** Anything else: searched as the free string it is (trimmed), MISP matches it exactly. */
    TEXT(null, null);

    private final String mispType;
    private final String family;

    ValueKind(String mispType, String family) {
        this.mispType = mispType;
        this.family = family;
    }

    /** The MISP attribute type suggested for a value of this kind, or null for {@link #TEXT}. */
    public String mispType() {
        return mispType;
    }

    /** The family values of this kind are matched in, or null for {@link #TEXT}. */
    public String family() {
        return family;
    }
}
