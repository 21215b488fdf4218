package org.alliancesearch.portal.common.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/** An address range such as {@code 203.0.113.0/24} or {@code 2001:db8::/32}, written as a literal only. */
public record Cidr(byte[] network, int prefix) {

    /**
     * Parses a range; a bare address is a range of one.
     *
     * @throws IllegalArgumentException when it is no address range (names are refused: nothing is looked up)
     */
    public static Cidr parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        int slash = s.indexOf('/');
        String address = slash < 0 ? s : s.substring(0, slash);
        if (!address.contains(":") && !address.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw new IllegalArgumentException("not an address range: " + text);
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress(); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address range: " + text, e);
        }
        int prefix;
        try {
            prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(s.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an address range: " + text, e);
        }
        if (prefix < 0 || prefix > bytes.length * 8) {
            throw new IllegalArgumentException("not an address range: " + text);
        }
        return new Cidr(bytes, prefix);
    }

    /** Whether the address, or the IPv4 address an IPv6 form carries, lies in this range. */
    public boolean contains(InetAddress address) {
        return matches(address.getAddress())
                || AddressClassifier.embeddedV4(address).map(v4 -> matches(v4.getAddress())).orElse(false);
    }

    private boolean matches(byte[] b) {
        if (b.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (b[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (b[full] & mask) == (network[full] & mask);
    }
}
