package org.alliancesearch.simulator.store;

import org.alliancesearch.model.indicator.IpAddresses;

/**
 * IPv6 text compression (RFC 5952), as MISP applies to IP values before storing and matching them: the shared
 * model's parser and formatter, so that the simulator and the portal agree on every address.
 */
public final class Ipv6 {
    private Ipv6() {
    }

    /**
     * Returns the compressed form of an IPv6 address (with an optional {@code /prefix}, in brackets or not), or the
     * input unchanged when it is not an IPv6 address.
     */
    public static String compress(String text) {
        if (text == null || text.indexOf(':') < 0) {
            return text;
        }
        String address = text;
        String suffix = "";
        int slash = text.indexOf('/');
        if (slash >= 0) {
            address = text.substring(0, slash);
            suffix = text.substring(slash);
        }
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        int[] groups = IpAddresses.parseIpv6(address);
        return groups == null ? text : IpAddresses.formatIpv6(groups) + suffix;
    }
}
