package org.alliancesearch.model.indicator;

/** Entry points for indicator identity. */
public final class Indicators {
    private Indicators() {
    }

    /**
     * The key an attribute of this MISP type and value is grouped under: its family ({@link MispTypes#family}) and
     * the canonical form of the part of the value that identifies it. Composite types key on their meaningful half:
     * {@code ip-dst|port} on the IP, {@code domain|ip} and {@code hostname|port} on the name,
     * {@code filename|sha256} (and {@code malware-sample}) on the hash.
     *
     * <p>
     * Never throws: null reads as empty, and a value that cannot be normalised keys on its trimmed form. Called once
     * per hit, so values already canonical are recognised without parsing or copying.
     */
    public static IndicatorKey key(String mispType, String value) {
        String type = mispType == null ? "" : mispType;
        String v = value == null ? "" : value;
        TypeRule rule = TypeRule.of(type);
        if (rule == null) {
            return new IndicatorKey(type, v.strip());
        }
        int from = 0;
        int to = v.length();
        if (rule.part() == TypeRule.Part.LEFT) {
            int bar = v.indexOf('|');
            if (bar >= 0) {
                to = bar;
            }
        } else if (rule.part() == TypeRule.Part.RIGHT) {
            int bar = v.lastIndexOf('|');
            if (bar >= 0) {
                from = bar + 1;
            }
        }
        String canonical = rule.fastCanonical(v, from, to);
        if (canonical == null) {
            String part = v.substring(from, to);
            try {
                canonical = rule.canonical(part).valueOr(part.strip());
            } catch (RuntimeException e) {
                // Defensive: a hostile member must not break a merge with a value nobody foresaw.
                canonical = part.strip();
            }
        }
        return new IndicatorKey(rule.family(), canonical);
    }

    /**
     * Whether the canonical IP address (or network) {@code address} lies inside the canonical CIDR network
     * {@code network} ({@code 192.0.2.0/24}, {@code 2001:db8::/32}). False for anything that is not one.
     */
    public static boolean networkContains(String network, String address) {
        if (network == null || address == null) {
            return false;
        }
        int slash = network.indexOf('/');
        if (slash <= 0) {
            return false;
        }
        int prefix;
        try {
            prefix = Integer.parseInt(network.substring(slash + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        int addressSlash = address.indexOf('/');
        String host = addressSlash < 0 ? address : address.substring(0, addressSlash);
        if (addressSlash >= 0) {
            try {
                if (Integer.parseInt(address.substring(addressSlash + 1)) < prefix) {
                    return false;
                }
            } catch (NumberFormatException e) {
                return false;
            }
        }
        String base = network.substring(0, slash);
        if (base.indexOf(':') < 0) {
            if (prefix < 0 || prefix > 32 || host.indexOf(':') >= 0) {
                return false;
            }
            long b = IpAddresses.parseIpv4(base, 0, base.length());
            long h = IpAddresses.parseIpv4(host, 0, host.length());
            return b >= 0 && h >= 0 && IpAddresses.maskIpv4(b, prefix) == IpAddresses.maskIpv4(h, prefix);
        }
        if (prefix < 0 || prefix > 128) {
            return false;
        }
        int[] b = IpAddresses.parseIpv6(base);
        int[] h = host.indexOf(':') < 0 ? null : IpAddresses.parseIpv6(host);
        if (b == null || h == null) {
            return false;
        }
        IpAddresses.maskIpv6(b, prefix);
        IpAddresses.maskIpv6(h, prefix);
        return java.util.Arrays.equals(b, h);
    }
}
