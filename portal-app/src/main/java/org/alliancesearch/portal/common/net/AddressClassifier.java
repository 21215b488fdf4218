package org.alliancesearch.portal.common.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Tells the {@link AddressClass} of an IP address from its bytes (the IANA special-purpose registries), never from
 * a name and never by looking anything up. IPv6 forms that carry an IPv4 address (IPv4-mapped {@code ::ffff:a.b.c.d},
 * IPv4-compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::a.b.c.d}, 6to4 {@code 2002:aabb:ccdd::}) are classified
 * by the IPv4 address they reach, so {@code ::ffff:127.0.0.1} is loopback and {@code 64:ff9b::a9fe:a9fe} metadata.
 * <p>
 * Shared by the member URL check (which accepts private networks, as members may be on them) and the report fetch
 * (which accepts {@link AddressClass#PUBLIC} only).
 */
public final class AddressClassifier {
    private AddressClassifier() {
    }

    public static AddressClass classify(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return v4(b);
        }
        if (address instanceof Inet6Address) {
            return v6(b);
        }
        return AddressClass.RESERVED;
    }

    /** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64 or 6to4), if any. */
    public static Optional<Inet4Address> embeddedV4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        byte[] v4 = null;
        if (zeros(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            v4 = slice(b, 12); // ::ffff:a.b.c.d
        } else if (zeros(b, 0, 12) && !zeros(b, 12, 16) && !(zeros(b, 12, 15) && b[15] == 1)) {
            v4 = slice(b, 12); // ::a.b.c.d (deprecated IPv4-compatible)
        } else if (u16(b, 0) == 0x64 && u16(b, 2) == 0xff9b && zeros(b, 4, 12)) {
            v4 = slice(b, 12); // 64:ff9b::/96, the NAT64 well-known prefix
        } else if (u16(b, 0) == 0x2002) {
            v4 = slice(b, 2); // 6to4
        }
        if (v4 == null) {
            return Optional.empty();
        }
        try {
            return Optional.of((Inet4Address) InetAddress.getByAddress(v4));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static AddressClass v4(byte[] b) {
        int a = b[0] & 0xff;
        int c = b[1] & 0xff;
        int d = b[2] & 0xff;
        int e = b[3] & 0xff;
        if ((a == 169 && c == 254 && d == 169 && e == 254) || (a == 169 && c == 254 && d == 170 && e == 2)
                || (a == 100 && c == 100 && d == 100 && e == 200)) {
            return AddressClass.METADATA;
        }
        if (a == 0) {
            return AddressClass.UNSPECIFIED;
        }
        if (a == 127) {
            return AddressClass.LOOPBACK;
        }
        if (a == 10 || (a == 172 && c >= 16 && c <= 31) || (a == 192 && c == 168)) {
            return AddressClass.PRIVATE;
        }
        if (a == 100 && c >= 64 && c <= 127) {
            return AddressClass.SHARED;
        }
        if (a == 169 && c == 254) {
            return AddressClass.LINK_LOCAL;
        }
        if (a >= 224 && a <= 239) {
            return AddressClass.MULTICAST;
        }
        if (a >= 240 // 240/4 and 255.255.255.255
                || (a == 192 && c == 0 && d == 0) // IETF protocol assignments
                || (a == 192 && c == 0 && d == 2) // TEST-NET-1
                || (a == 192 && c == 88 && d == 99) // 6to4 relay anycast (deprecated)
                || (a == 198 && (c == 18 || c == 19)) // benchmarking
                || (a == 198 && c == 51 && d == 100) // TEST-NET-2
                || (a == 203 && c == 0 && d == 113)) { // TEST-NET-3
            return AddressClass.RESERVED;
        }
        return AddressClass.PUBLIC;
    }

    private static AddressClass v6(byte[] b) {
        if (zeros(b, 0, 16)) {
            return AddressClass.UNSPECIFIED;
        }
        if (zeros(b, 0, 15) && b[15] == 1) {
            return AddressClass.LOOPBACK;
        }
        // fd00:ec2::254, the AWS metadata service over IPv6
        if (u16(b, 0) == 0xfd00 && u16(b, 2) == 0x0ec2 && zeros(b, 4, 14) && u16(b, 14) == 0x0254) {
            return AddressClass.METADATA;
        }
        boolean mapped = zeros(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeros(b, 0, 12);
        boolean nat64 = u16(b, 0) == 0x64 && u16(b, 2) == 0xff9b && zeros(b, 4, 12);
        boolean sixToFour = u16(b, 0) == 0x2002;
        if (mapped || compatible || nat64 || sixToFour) {
            AddressClass inner = v4(sixToFour ? slice(b, 2) : slice(b, 12));
            // ::a.b.c.d is not routable whatever it carries
            return compatible && inner == AddressClass.PUBLIC ? AddressClass.RESERVED : inner;
        }
        int first = u16(b, 0);
        if ((first & 0xff00) == 0xff00) {
            return AddressClass.MULTICAST;
        }
        if ((first & 0xffc0) == 0xfe80) {
            return AddressClass.LINK_LOCAL;
        }
        if ((first & 0xffc0) == 0xfec0) {
            return AddressClass.PRIVATE;
        }
        if ((first & 0xfe00) == 0xfc00) {
            return AddressClass.UNIQUE_LOCAL;
        }
        if ((first & 0xe000) != 0x2000) {
            return AddressClass.RESERVED; // outside global unicast 2000::/3: 64:ff9b:1::/48, 100::/64, …
        }
        int second = u16(b, 2);
        if ((first == 0x2001 && second < 0x0200) // 2001::/23 IETF protocol assignments, with Teredo 2001::/32
                || (first == 0x2001 && second == 0x0db8) // documentation
                || (first & 0xfff0) == 0x3ff0) { // 3fff::/20 documentation
            return AddressClass.RESERVED;
        }
        return AddressClass.PUBLIC;
    }

    private static boolean zeros(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] b, int i) {
        return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
    }

    private static byte[] slice(byte[] b, int from) {
        return new byte[]{b[from], b[from + 1], b[from + 2], b[from + 3]};
    }
}
