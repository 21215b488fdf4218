package org.alliancesearch.simulator.store;

import java.util.Locale;

/** IPv6 text compression (RFC 5952), as MISP applies to IP values before storing and matching them. */
public final class Ipv6 {
    private Ipv6() {
    }

    /**
     * Returns the compressed form of an IPv6 address (with an optional {@code /prefix}), or the input unchanged when
     * it is not an IPv6 address.
     */
    public static String compress(String text) {
        if (text == null || text.indexOf(':') < 0) {
            return text;
        }
        String addr = text;
        String suffix = "";
        int slash = text.indexOf('/');
        if (slash >= 0) {
            addr = text.substring(0, slash);
            suffix = text.substring(slash);
        }
        int[] groups = parse(addr);
        if (groups == null) {
            return text;
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8;) {
            if (groups[i] == 0) {
                int j = i;
                while (j < 8 && groups[j] == 0) {
                    j++;
                }
                if (j - i > bestLen) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestLen < 2) {
            bestStart = -1;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.append(suffix).toString();
    }

    private static int[] parse(String addr) {
        String a = addr.toLowerCase(Locale.ROOT);
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        int dbl = a.indexOf("::");
        if (dbl != a.lastIndexOf("::")) {
            return null;
        }
        String[] head;
        String[] tail;
        if (dbl >= 0) {
            head = a.substring(0, dbl).isEmpty() ? new String[0] : a.substring(0, dbl).split(":", -1);
            tail = a.substring(dbl + 2).isEmpty() ? new String[0] : a.substring(dbl + 2).split(":", -1);
        } else {
            head = a.split(":", -1);
            tail = new String[0];
            if (head.length != 8) {
                return null;
            }
        }
        if (head.length + tail.length > (dbl >= 0 ? 7 : 8)) {
            return null;
        }
        int[] groups = new int[8];
        for (int i = 0; i < head.length; i++) {
            int g = group(head[i]);
            if (g < 0) {
                return null;
            }
            groups[i] = g;
        }
        for (int i = 0; i < tail.length; i++) {
            int g = group(tail[i]);
            if (g < 0) {
                return null;
            }
            groups[8 - tail.length + i] = g;
        }
        return groups;
    }

    private static int group(String s) {
        if (s.isEmpty() || s.length() > 4) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }
}
