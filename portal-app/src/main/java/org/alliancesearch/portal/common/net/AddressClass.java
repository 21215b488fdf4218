package org.alliancesearch.portal.common.net;

/**
 * What kind of network an IP address belongs to, as {@link AddressClassifier} tells it. Only {@link #PUBLIC}
 * addresses are reachable on the public Internet; every other class names why not.
 */
public enum AddressClass {
    /** A globally routable unicast address. */
    PUBLIC("public"),
    /** 127.0.0.0/8, ::1: this machine. */
    LOOPBACK("loopback"),
    /** 0.0.0.0/8, :: : "this host" (0.0.0.0 reaches this machine on most systems). */
    UNSPECIFIED("unspecified"),
    /** RFC 1918 (10/8, 172.16/12, 192.168/16) and the deprecated IPv6 site-local fec0::/10. */
    PRIVATE("private"),
    /** 100.64.0.0/10: carrier-grade NAT, shared address space (RFC 6598). */
    SHARED("shared"),
    /** 169.254.0.0/16, fe80::/10. */
    LINK_LOCAL("link-local"),
    /** A cloud metadata service (169.254.169.254, 169.254.170.2, 100.100.100.200, fd00:ec2::254). */
    METADATA("metadata"),
    /** 224.0.0.0/4, ff00::/8. */
    MULTICAST("multicast"),
    /** fc00::/7 (RFC 4193). */
    UNIQUE_LOCAL("unique-local"),
    /**
     * Special-purpose ranges that are not reachable on the Internet: documentation, benchmarking, 240/4, broadcast,
     * IETF protocol assignments, Teredo, IPv4-compatible IPv6, discard, and IPv6 outside 2000::/3.
     */
    RESERVED("reserved");

    private final String code;

    AddressClass(String code) {
        this.code = code;
    }

    /** A stable lower-case name, for logs, problem documents and messages. */
    public String code() {
        return code;
    }
}
