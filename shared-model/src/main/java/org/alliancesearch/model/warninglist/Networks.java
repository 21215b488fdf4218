package org.alliancesearch.model.warninglist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.alliancesearch.model.indicator.IpAddresses;

/**
 * The networks of a {@code cidr} warninglist, held per prefix length as sorted numbers so that an address is looked
 * up with one binary search per length the list uses (MISP hashes the masked address per length; same idea).
 */
final class Networks {
    private final int[] ipv4Lengths;
    private final long[][] ipv4Networks;
    private final String[][] ipv4Entries;
    private final int[] ipv6Lengths;
    /** Per length: network addresses as (high, low) pairs, sorted unsigned. */
    private final long[][] ipv6Networks;
    private final String[][] ipv6Entries;

    private Networks(Map<Integer, List<Object[]>> v4, Map<Integer, List<Object[]>> v6) {
        ipv4Lengths = new int[v4.size()];
        ipv4Networks = new long[v4.size()][];
        ipv4Entries = new String[v4.size()][];
        int i = 0;
        for (Map.Entry<Integer, List<Object[]>> byLength : v4.entrySet()) {
            List<Object[]> rows = byLength.getValue();
            rows.sort((a, b) -> Long.compare((long) a[0], (long) b[0]));
            ipv4Lengths[i] = byLength.getKey();
            ipv4Networks[i] = rows.stream().mapToLong(row -> (long) row[0]).toArray();
            ipv4Entries[i] = rows.stream().map(row -> (String) row[2]).toArray(String[]::new);
            i++;
        }
        ipv6Lengths = new int[v6.size()];
        ipv6Networks = new long[v6.size()][];
        ipv6Entries = new String[v6.size()][];
        i = 0;
        for (Map.Entry<Integer, List<Object[]>> byLength : v6.entrySet()) {
            List<Object[]> rows = byLength.getValue();
            rows.sort((a, b) -> compare((long) a[0], (long) a[1], (long) b[0], (long) b[1]));
            ipv6Lengths[i] = byLength.getKey();
            long[] pairs = new long[rows.size() * 2];
            for (int r = 0; r < rows.size(); r++) {
                pairs[2 * r] = (long) rows.get(r)[0];
                pairs[2 * r + 1] = (long) rows.get(r)[1];
            }
            ipv6Networks[i] = pairs;
            ipv6Entries[i] = rows.stream().map(row -> (String) row[2]).toArray(String[]::new);
            i++;
        }
    }

    /** Compiles valid entries; the reader has refused a list with an invalid one. */
    static Networks of(List<String> entries) {
        Map<Integer, List<Object[]>> v4 = new TreeMap<>();
        Map<Integer, List<Object[]>> v6 = new TreeMap<>();
        for (String entry : entries) {
            Address network = parse(entry.strip());
            if (network == null) {
                continue;
            }
            if (network.ipv4) {
                v4.computeIfAbsent(network.prefix, k -> new ArrayList<>())
                        .add(new Object[]{mask4(network.low, network.prefix), 0L, entry});
            } else {
                long[] masked = mask6(network.high, network.low, network.prefix);
                v6.computeIfAbsent(network.prefix, k -> new ArrayList<>())
                        .add(new Object[]{masked[0], masked[1], entry});
            }
        }
        return new Networks(v4, v6);
    }

    static boolean isValidEntry(String entry) {
        return parse(entry.strip()) != null;
    }

    /**
     * The entry whose network holds the address, the widest first as MISP looks; for a value that is itself a network,
     * only an entry no narrower than it. Null when none does or the value is no address.
     */
    String find(String value) {
        Address address = parse(value);
        if (address == null) {
            return null;
        }
        String found = address.ipv4 ? find4(address.low) : find6(address.high, address.low);
        if (found == null) {
            return null;
        }
        if (address.explicitPrefix && address.prefix < parse(found.strip()).prefix) {
            return null;
        }
        return found;
    }

    private String find4(long ip) {
        for (int i = 0; i < ipv4Lengths.length; i++) {
            int at = Arrays.binarySearch(ipv4Networks[i], mask4(ip, ipv4Lengths[i]));
            if (at >= 0) {
                return ipv4Entries[i][at];
            }
        }
        return null;
    }

    private String find6(long high, long low) {
        for (int i = 0; i < ipv6Lengths.length; i++) {
            long[] masked = mask6(high, low, ipv6Lengths[i]);
            long[] pairs = ipv6Networks[i];
            int lo = 0;
            int hi = pairs.length / 2 - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int c = compare(pairs[2 * mid], pairs[2 * mid + 1], masked[0], masked[1]);
                if (c == 0) {
                    return ipv6Entries[i][mid];
                } else if (c < 0) {
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
        }
        return null;
    }

    private static int compare(long aHigh, long aLow, long bHigh, long bLow) {
        int c = Long.compareUnsigned(aHigh, bHigh);
        return c != 0 ? c : Long.compareUnsigned(aLow, bLow);
    }

    private static long mask4(long ip, int prefix) {
        return prefix == 0 ? 0 : ip & (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
    }

    private static long[] mask6(long high, long low, int prefix) {
        if (prefix >= 64) {
            long lowMask = prefix == 128 ? -1L : (prefix == 64 ? 0L : -1L << (128 - prefix));
            return new long[]{high, low & lowMask};
        }
        long highMask = prefix == 0 ? 0L : -1L << (64 - prefix);
        return new long[]{high & highMask, 0L};
    }

    /** An address or network; {@code low} holds an IPv4 address. */
    private record Address(boolean ipv4, long high, long low, int prefix, boolean explicitPrefix) {
    }

    private static Address parse(String text) {
        if (text.isEmpty() || text.length() > 64) {
            return null;
        }
        int slash = text.indexOf('/');
        String ip = slash < 0 ? text : text.substring(0, slash);
        Integer prefix = null;
        if (slash >= 0) {
            String digits = text.substring(slash + 1);
            if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            prefix = Integer.parseInt(digits);
        }
        if (ip.indexOf(':') < 0) {
            long v4 = IpAddresses.parseIpv4(ip, 0, ip.length());
            if (v4 < 0 || (prefix != null && prefix > 32)) {
                return null;
            }
            return new Address(true, 0, v4, prefix == null ? 32 : prefix, prefix != null);
        }
        int[] groups = IpAddresses.parseIpv6(ip.toLowerCase(Locale.ROOT));
        if (groups == null || (prefix != null && prefix > 128)) {
            return null;
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < 4; i++) {
            high = (high << 16) | groups[i];
            low = (low << 16) | groups[i + 4];
        }
        return new Address(false, high, low, prefix == null ? 128 : prefix, prefix != null);
    }
}
