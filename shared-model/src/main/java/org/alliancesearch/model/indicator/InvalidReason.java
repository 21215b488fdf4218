package org.alliancesearch.model.indicator;

import java.util.Objects;

/**
 * Why a value is not a valid indicator of the kind it looks like.
 *
 * @param code a stable code (e.g. {@code ipv4.octetRange}) that callers may translate
 * @param message an English explanation
 */
public record InvalidReason(String code, String message) {
    public static final String BLANK = "blank";
    public static final String TOO_LONG = "tooLong";
    public static final String IPV4_MALFORMED = "ipv4.malformed";
    public static final String IPV4_OCTET_RANGE = "ipv4.octetRange";
    public static final String IPV6_MALFORMED = "ipv6.malformed";
    public static final String CIDR_PREFIX_RANGE = "cidr.prefixRange";
    public static final String DOMAIN_MALFORMED = "domain.malformed";
    public static final String DOMAIN_TOO_LONG = "domain.tooLong";
    public static final String EMAIL_MALFORMED = "email.malformed";
    public static final String URL_MALFORMED = "url.malformed";
    public static final String URL_HOST = "url.host";
    public static final String URL_PORT = "url.port";
    public static final String HASH_LENGTH = "hash.length";
    public static final String HASH_NOT_HEX = "hash.notHex";
    public static final String CVE_MALFORMED = "cve.malformed";

    public InvalidReason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
