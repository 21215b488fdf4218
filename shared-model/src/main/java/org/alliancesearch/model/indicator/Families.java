package org.alliancesearch.model.indicator;

/**
 * Names of the type families attributes are matched in. Types outside these families form a family of their own,
 * named by the type itself.
 */
public final class Families {
    /** IPv4/IPv6 addresses and networks: {@code ip-src}, {@code ip-dst}, the IP half of {@code ip-dst|port}… */
    public static final String IP = "ip";
    /** Domains and host names: {@code domain}, {@code hostname}, the name half of {@code domain|ip}… */
    public static final String DOMAIN = "domain";
    /** URLs: {@code url}, {@code uri}. */
    public static final String URL = "url";
    /** E-mail addresses: {@code email}, {@code email-src}, {@code email-dst}… */
    public static final String EMAIL = "email";
    public static final String MD5 = "md5";
    public static final String SHA1 = "sha1";
    public static final String SHA256 = "sha256";
    public static final String SHA512 = "sha512";
    /** File names: {@code filename}, {@code email-attachment}. */
    public static final String FILENAME = "filename";
    /** Vulnerability ids: {@code vulnerability}. */
    public static final String CVE = "cve";

    private Families() {
    }
}
