package org.alliancesearch.model.indicator;

/**
 * Parses and formats IP addresses and networks by hand: {@code InetAddress} would accept host names (and look them
 * up), which an indicator parser must never do. The two parsers are public for other readers of addresses (the
 * warninglists' networks).
 */
public final class IpAddresses {
    /** Returned by {@link #parseIpv4} for a syntax error. */
    public static final long MALFORMED = -1;
    /** Returned by {@link #parseIpv4} for an octet above 255. */
    public static final long OCTET_RANGE = -2;

    private IpAddresses() {
    }

    /**
     * The address {@code s[from, to)} as an unsigned 32-bit number, or {@link #MALFORMED} / {@link #OCTET_RANGE}.
     * Octets are decimal (leading zeros are read as decimal, not octal), one to three digits each.
     */
    public static long parseIpv4(CharSequence s, int from, int to) {
        long address = 0;
        int parts = 0;
        int i = from;
        boolean outOfRange = false;
        while (true) {
            int start = i;
            int octet = 0;
            while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                octet = octet * 10 + (s.charAt(i) - '0');
                i++;
                if (i - start > 3) {
                    return MALFORMED;
                }
            }
            if (i == start) {
                return MALFORMED;
            }
            if (octet > 255) {
                outOfRange = true;
            }
            address = (address << 8) | (octet & 0xff);
            parts++;
            if (i == to) {
                break;
            }
            if (s.charAt(i) != '.' || parts == 4) {
                return MALFORMED;
            }
            i++;
        }
        if (parts != 4) {
            return MALFORMED;
        }
        return outOfRange ? OCTET_RANGE : address;
    }

    /** Whether {@code s} is an IPv4 address already in canonical form (no leading zeros, octets in range). */
    static boolean isCanonicalIpv4(CharSequence s, int from, int to) {
        int parts = 0;
        int i = from;
        while (true) {
            int start = i;
            int octet = 0;
            while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                octet = octet * 10 + (s.charAt(i) - '0');
                i++;
            }
            int length = i - start;
            if (length == 0 || length > 3 || octet > 255 || (length > 1 && s.charAt(start) == '0')) {
                return false;
            }
            parts++;
            if (i == to) {
                return parts == 4;
            }
            if (s.charAt(i) != '.' || parts == 4) {
                return false;
            }
            i++;
        }
    }

    static String formatIpv4(long address) {
        return ((address >>> 24) & 0xff) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "."
                + (address & 0xff);
    }

    /**
     * The eight 16-bit groups of the IPv6 address {@code s}, or null if it is not one. Accepts {@code ::}, and an
     * IPv4 tail ({@code ::ffff:192.0.2.1}). Zone ids ({@code %eth0}) are not accepted: they mean nothing outside one
     * host.
     */
    public static int[] parseIpv6(String s) {
        int n = s.length();
        if (n < 2 || n > 45) {
            return null;
        }
        int[] groups = new int[8];
        int count = 0;
        int gap = -1;
        int i = 0;
        if (s.charAt(0) == ':') {
            if (s.charAt(1) != ':') {
                return null;
            }
            gap = 0;
            i = 2;
            if (i == n) {
                return groups;
            }
        }
        while (i < n) {
            int start = i;
            int value = 0;
            int digit;
            while (i < n && (digit = Character.digit(s.charAt(i), 16)) >= 0 && s.charAt(i) < 0x80) {
                value = value * 16 + digit;
                i++;
                if (i - start > 4) {
                    break;
                }
            }
            if (i < n && s.charAt(i) == '.') {
                if (count > 6) {
                    return null;
                }
                long v4 = parseIpv4(s, start, n);
                if (v4 < 0) {
                    return null;
                }
                groups[count++] = (int) (v4 >>> 16);
                groups[count++] = (int) (v4 & 0xffff);
                break;
            }
            int length = i - start;
            if (length == 0 || length > 4 || count == 8) {
                return null;
            }
            groups[count++] = value;
            if (i == n) {
                break;
            }
            if (s.charAt(i) != ':') {
                return null;
            }
            i++;
            if (i == n) {
                return null;
            }
            if (s.charAt(i) == ':') {
                if (gap >= 0) {
                    return null;
                }
                gap = count;
                i++;
            }
        }
        if (gap >= 0) {
            if (count == 8) {
                return null;
            }
            int tail = count - gap;
            System.arraycopy(groups, gap, groups, 8 - tail, tail);
            for (int k = gap; k < 8 - tail; k++) {
                groups[k] = 0;
            }
        } else if (count != 8) {
            return null;
        }
        return groups;
    }

    /**
     * RFC 5952 text: lower case, no leading zeros, the longest run (first if tied) of two or more zero groups as
     * {@code ::}; IPv4-mapped addresses as {@code ::ffff:a.b.c.d}. Public for the simulator, which stores IPv6
     * values compressed as MISP does.
     */
    public static String formatIpv6(int[] groups) {
        if (groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 && groups[4] == 0
                && groups[5] == 0xffff) {
            return "::ffff:" + formatIpv4(((long) groups[6] << 16) | groups[7]);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8;) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    /** Clears the bits of {@code groups} after the first {@code prefix} bits. */
    static void maskIpv6(int[] groups, int prefix) {
        for (int i = 0; i < 8; i++) {
            int keep = Math.max(0, Math.min(16, prefix - 16 * i));
            groups[i] = keep == 0 ? 0 : groups[i] & (0xffff << (16 - keep)) & 0xffff;
        }
    }

    static long maskIpv4(long address, int prefix) {
        return prefix == 0 ? 0 : address & (0xffffffffL << (32 - prefix)) & 0xffffffffL;
    }
}
