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
     * Whether a record of this MISP type and value is a composite of two halves: a composite type
     * ({@code domain|ip}, {@code filename|sha256}, {@code ip-dst|port}, {@code malware-sample} …) whose value holds
     * the bar.
     */
    public static boolean isComposite(String mispType, String value) {
        return bar(TypeRule.of(mispType), value) >= 0;
    }

    /**
     * The raw text of one half of a composite value, or null when the record is not one. The value is split where
     * {@link #key} splits it: at the first bar when the left half identifies the record, at the last bar when the
     * right half does (a file name may hold a bar, a hash never does).
     */
    public static String half(String mispType, String value, CompositeHalf half) {
        int bar = bar(TypeRule.of(mispType), value);
        if (bar < 0) {
            return null;
        }
        return half == CompositeHalf.LEFT ? value.substring(0, bar) : value.substring(bar + 1);
    }

    /**
     * The key a plain record of one half of a composite would have, or null when the record is not a composite:
     * {@code domain|ip evil.example|203.0.113.5} gives {@code (domain, evil.example)} for its left half and
     * {@code (ip, 203.0.113.5)} for its right half; the port of {@code ip-dst|port} keys in family {@code port}.
     * The half that identifies the record gives {@link #key}.
     */
    public static IndicatorKey halfKey(String mispType, String value, CompositeHalf half) {
        TypeRule rule = TypeRule.of(mispType);
        int bar = bar(rule, value);
        if (bar < 0) {
            return null;
        }
        boolean keyed = (rule.part() == TypeRule.Part.LEFT) == (half == CompositeHalf.LEFT);
        if (keyed) {
            return key(mispType, value);
        }
        String part = half == CompositeHalf.LEFT ? value.substring(0, bar) : value.substring(bar + 1);
        return new IndicatorKey(rule.otherFamily(), otherCanonical(rule, part));
    }

    /**
     * The composite value with each half in its canonical form ({@code EVIL.example.|203.000.113.5} as
     * {@code evil.example|203.0.113.5}), or null when the record is not a composite.
     */
    public static String compositeValue(String mispType, String value) {
        TypeRule rule = TypeRule.of(mispType);
        int bar = bar(rule, value);
        if (bar < 0) {
            return null;
        }
        String keyed = key(mispType, value).value();
        if (rule.part() == TypeRule.Part.LEFT) {
            return keyed + "|" + otherCanonical(rule, value.substring(bar + 1));
        }
        return otherCanonical(rule, value.substring(0, bar)) + "|" + keyed;
    }

    private static String otherCanonical(TypeRule rule, String part) {
        try {
            return rule.otherCanonical(part).valueOr(part.strip());
        } catch (RuntimeException e) {
            // Defensive, as in key: a value nobody foresaw must not break a merge.
            return part.strip();
        }
    }

    /** Where a composite value splits (see {@link #half}), or -1 when the record is not a composite. */
    private static int bar(TypeRule rule, String value) {
        if (rule == null || !rule.composite() || value == null) {
            return -1;
        }
        return rule.part() == TypeRule.Part.LEFT ? value.indexOf('|') : value.lastIndexOf('|');
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
