package org.alliancesearch.model.indicator;

import java.util.Locale;

/**
 * One canonical form per indicator value, and the kind of a bare value. Never throws on bad input: an invalid value
 * comes back as a {@link NormalisationResult} with a reason. Never resolves a name.
 *
 * <p>
 * Canonical forms: defanging undone; surrounding white space and zero-width characters removed; full-width ASCII
 * ({@code ．：／１}…) folded; IPv4 without leading zeros; IPv6 compressed as RFC 5952 says; CIDR networks with the
 * host bits cleared ({@code /32} and {@code /128} read as the address); domains in lower case, as punycode A-labels,
 * without a trailing dot; e-mail addresses with the domain canonical and the local part as given; URLs with scheme
 * and host canonical and everything after the host kept; hashes in lower case; CVE ids in upper case.
 */
public final class Normaliser {
    /** The longest value accepted; longer input is refused rather than parsed. */
    public static final int MAX_LENGTH = 8192;

    private Normaliser() {
    }

    /** The value with defanging undone ({@code hxxp}, {@code [.]}, {@code [at]}…); null stays null. */
    public static String refang(String value) {
        return value == null ? null : Refang.refang(value);
    }

    /** Full-width ASCII variants ({@code U+FF01}–{@code U+FF5E}) as ASCII, the ideographic space as a space. */
    public static String foldWidth(String value) {
        if (value == null) {
            return null;
        }
        int n = value.length();
        int i = 0;
        while (i < n && !isWide(value.charAt(i))) {
            i++;
        }
        if (i == n) {
            return value;
        }
        StringBuilder out = new StringBuilder(n);
        out.append(value, 0, i);
        for (; i < n; i++) {
            char c = value.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                out.append((char) (c - 0xFEE0));
            } else if (c == '\u3000') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isWide(char c) {
        return (c >= '\uFF01' && c <= '\uFF5E') || c == '\u3000';
    }

    /** The kind of a bare value (see {@link #normalise(String)}). */
    public static ValueKind detect(String value) {
        return normalise(value).kind();
    }

    /**
     * Detects the kind of a bare value and normalises it. A value that looks like an IP address, e-mail address, URL,
     * hash or CVE id but is not a valid one is invalid with the reason; a value of no recognisable kind is
     * {@link ValueKind#TEXT}, kept as given apart from surrounding white space (MISP can still search it).
     */
    public static NormalisationResult normalise(String value) {
        if (value == null || value.isBlank()) {
            return blank(value, ValueKind.TEXT);
        }
        if (value.length() > MAX_LENGTH) {
            return tooLong(value, ValueKind.TEXT);
        }
        String s = prepare(value);
        if (s.isEmpty()) {
            return blank(value, ValueKind.TEXT);
        }
        if (schemeLength(s) > 0) {
            return url(value, s);
        }
        if (s.length() > 4 && s.regionMatches(true, 0, "CVE-", 0, 4)) {
            return cve(value, s);
        }
        if (isHex(s, 0, s.length())) {
            switch (s.length()) {
                case 32 :
                    return hash(value, s, ValueKind.MD5);
                case 40 :
                    return hash(value, s, ValueKind.SHA1);
                case 64 :
                    return hash(value, s, ValueKind.SHA256);
                case 128 :
                    return hash(value, s, ValueKind.SHA512);
                default :
                    break;
            }
        }
        if (!containsWhitespace(s)) {
            int at = s.indexOf('@');
            if (at > 0 && at < s.length() - 1 && s.indexOf('@', at + 1) < 0 && s.indexOf('/') < 0) {
                return email(value, s);
            }
            if (isIpv4Shaped(s) || isIpv6Shaped(s)) {
                return ip(value, s);
            }
            int hostEnd = indexOfAny(s, "/?#");
            String hostPort = hostEnd < 0 ? s : s.substring(0, hostEnd);
            if ((hostEnd > 0 || hasPort(hostPort)) && isLikelyHost(stripPort(hostPort))) {
                return url(value, s);
            }
            if (hostEnd < 0 && s.indexOf('.') > 0) {
                NormalisationResult domain = Domains.normalise(value, s);
                if (domain.isValid() && domain.value().indexOf('.') > 0) {
                    String tld = Domains.tld(domain.value());
                    if (Domains.isKnownTld(tld) && !Domains.isFileLikeTld(tld)) {
                        return domain;
                    }
                }
            }
        }
        int dot = s.lastIndexOf('.');
        if (dot > 0 && dot < s.length() - 1) {
            String extension = s.substring(dot + 1).toLowerCase(Locale.ROOT);
            if (Domains.isFileExtension(extension)) {
                return NormalisationResult.valid(value, ValueKind.FILENAME, s);
            }
        }
        return NormalisationResult.valid(value, ValueKind.TEXT, value.strip());
    }

    /**
     * Normalises a value known to be of this kind. The three IP kinds accept any IP address or network (the result
     * says which it is). {@link ValueKind#FILENAME} is refanged, folded and trimmed; {@link ValueKind#TEXT} only
     * trimmed.
     */
    public static NormalisationResult normalise(String value, ValueKind kind) {
        if (kind == null) {
            return normalise(value);
        }
        if (value == null || value.isBlank()) {
            return blank(value, kind);
        }
        if (value.length() > MAX_LENGTH) {
            return tooLong(value, kind);
        }
        if (kind == ValueKind.TEXT) {
            return NormalisationResult.valid(value, kind, value.strip());
        }
        String s = prepare(value);
        if (s.isEmpty()) {
            return blank(value, kind);
        }
        switch (kind) {
            case IPV4 :
            case IPV6 :
            case CIDR :
                return ip(value, s);
            case DOMAIN :
                return Domains.normalise(value, s);
            case URL :
                return url(value, s);
            case EMAIL :
                return email(value, s);
            case MD5 :
            case SHA1 :
            case SHA256 :
            case SHA512 :
                return hash(value, s, kind);
            case CVE :
                return cve(value, s);
            case FILENAME :
                return NormalisationResult.valid(value, kind, s);
            default :
                return NormalisationResult.valid(value, ValueKind.TEXT, value.strip());
        }
    }

    /**
     * Normalises the value of an attribute of this MISP type. Composite types ({@code domain|ip},
     * {@code filename|sha256}, {@code ip-dst|port}…) have each half normalised; the result's kind is the kind of the
     * half that identifies the indicator. Types without a canonical form are trimmed.
     */
    public static NormalisationResult normaliseForType(String mispType, String value) {
        TypeRule rule = TypeRule.of(mispType);
        if (value == null || value.isBlank()) {
            return blank(value, rule == null ? ValueKind.TEXT : rule.kind());
        }
        if (rule == null) {
            return NormalisationResult.valid(value, ValueKind.TEXT, value.strip());
        }
        if (rule.part() != TypeRule.Part.WHOLE) {
            int bar = rule.part() == TypeRule.Part.LEFT ? value.indexOf('|') : value.lastIndexOf('|');
            if (bar >= 0) {
                String left = value.substring(0, bar);
                String right = value.substring(bar + 1);
                boolean meaningfulLeft = rule.part() == TypeRule.Part.LEFT;
                NormalisationResult main = rule.canonical(meaningfulLeft ? left : right);
                if (!main.isValid()) {
                    return new NormalisationResult(value, main.kind(), null, main.invalid());
                }
                NormalisationResult other = rule.otherCanonical(meaningfulLeft ? right : left);
                if (!other.isValid()) {
                    return new NormalisationResult(value, main.kind(), null, other.invalid());
                }
                String joined = meaningfulLeft
                        ? main.value() + "|" + other.value()
                        : other.value() + "|" + main.value();
                return NormalisationResult.valid(value, main.kind(), joined);
            }
        }
        NormalisationResult result = rule.canonical(value);
        return result.input() == value
                ? result
                : new NormalisationResult(value, result.kind(), result.value(), result.invalid());
    }

    /** Strip, drop zero-width characters, fold width, refang, strip again. */
    static String prepare(String value) {
        String s = value.strip();
        s = dropInvisible(s);
        s = foldWidth(s);
        s = Refang.refang(s);
        return s.strip();
    }

    private static String dropInvisible(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && !isInvisible(s.charAt(i))) {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder out = new StringBuilder(n);
        for (int k = 0; k < n; k++) {
            char c = s.charAt(k);
            if (!isInvisible(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isInvisible(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD';
    }

    // ---- IP ----------------------------------------------------------------------------------------------------

    static NormalisationResult ip(String input, String s) {
        String text = s;
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        if (address.length() > 2 && address.charAt(0) == '[' && address.charAt(address.length() - 1) == ']') {
            address = address.substring(1, address.length() - 1);
        }
        int prefix = -1;
        if (slash >= 0) {
            String bits = text.substring(slash + 1);
            if (bits.isEmpty() || bits.length() > 3 || !isDigits(bits)) {
                return NormalisationResult.invalid(input, ValueKind.CIDR, InvalidReason.CIDR_PREFIX_RANGE,
                        "'" + bits + "' is not a network prefix length (a number after the '/').");
            }
            prefix = Integer.parseInt(bits);
        }
        if (address.indexOf(':') >= 0) {
            int[] groups = IpAddresses.parseIpv6(address.toLowerCase(Locale.ROOT));
            if (groups == null) {
                return NormalisationResult.invalid(input, ValueKind.IPV6, InvalidReason.IPV6_MALFORMED,
                        "'" + address + "' is not a valid IPv6 address.");
            }
            if (prefix > 128) {
                return NormalisationResult.invalid(input, ValueKind.CIDR, InvalidReason.CIDR_PREFIX_RANGE,
                        "An IPv6 prefix length is 0 to 128, not " + prefix + ".");
            }
            if (prefix < 0 || prefix == 128) {
                return NormalisationResult.valid(input, ValueKind.IPV6, IpAddresses.formatIpv6(groups));
            }
            IpAddresses.maskIpv6(groups, prefix);
            return NormalisationResult.valid(input, ValueKind.CIDR, IpAddresses.formatIpv6(groups) + "/" + prefix);
        }
        long v4 = IpAddresses.parseIpv4(address, 0, address.length());
        if (v4 == IpAddresses.OCTET_RANGE) {
            return NormalisationResult.invalid(input, ValueKind.IPV4, InvalidReason.IPV4_OCTET_RANGE,
                    "'" + address + "' is not a valid IPv4 address: each of the four numbers is 0 to 255.");
        }
        if (v4 < 0) {
            return NormalisationResult.invalid(input, ValueKind.IPV4, InvalidReason.IPV4_MALFORMED,
                    "'" + address + "' is not a valid IPv4 address (four numbers 0 to 255 separated by dots).");
        }
        if (prefix > 32) {
            return NormalisationResult.invalid(input, ValueKind.CIDR, InvalidReason.CIDR_PREFIX_RANGE,
                    "An IPv4 prefix length is 0 to 32, not " + prefix + ".");
        }
        if (prefix < 0 || prefix == 32) {
            return NormalisationResult.valid(input, ValueKind.IPV4, IpAddresses.formatIpv4(v4));
        }
        return NormalisationResult.valid(input, ValueKind.CIDR,
                IpAddresses.formatIpv4(IpAddresses.maskIpv4(v4, prefix)) + "/" + prefix);
    }

    /** Digits and exactly three dots, optionally a {@code /prefix}. */
    private static boolean isIpv4Shaped(String s) {
        int dots = 0;
        int slash = -1;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '.' && slash < 0) {
                dots++;
            } else if (c == '/' && slash < 0) {
                slash = i;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return dots == 3 && Character.isDigit(s.charAt(0));
    }

    /** Hex digits, colons (with a {@code ::} or seven of them), dots, a {@code /prefix}, optional brackets. */
    private static boolean isIpv6Shaped(String s) {
        int colons = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == ':') {
                colons++;
            } else if (!(isHexDigit(c) || c == '.' || c == '/' || c == '[' || c == ']')) {
                return false;
            }
        }
        return colons >= 7 || (colons >= 2 && s.contains("::"));
    }

    // ---- URL ---------------------------------------------------------------------------------------------------

    /** The length of the {@code scheme://} prefix, or 0. */
    static int schemeLength(String s) {
        int n = s.length();
        if (n == 0 || !isAsciiLetter(s.charAt(0))) {
            return 0;
        }
        int i = 1;
        while (i < n && i < 32) {
            char c = s.charAt(i);
            if (isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
                i++;
            } else {
                break;
            }
        }
        return s.startsWith("://", i) ? i + 3 : 0;
    }

    static NormalisationResult url(String input, String s) {
        if (containsWhitespace(s) || containsControl(s)) {
            return NormalisationResult.invalid(input, ValueKind.URL, InvalidReason.URL_MALFORMED,
                    "A URL cannot contain spaces or control characters.");
        }
        int schemeLength = schemeLength(s);
        String scheme = schemeLength == 0 ? "" : s.substring(0, schemeLength).toLowerCase(Locale.ROOT);
        int authorityEnd = indexOfAny(s, "/?#\\", schemeLength);
        if (authorityEnd < 0) {
            authorityEnd = s.length();
        }
        String authority = s.substring(schemeLength, authorityEnd);
        String rest = s.substring(authorityEnd);
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? "" : authority.substring(0, at + 1);
        String hostPort = authority.substring(at + 1);
        String host;
        String port = null;
        String canonicalHost;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                return NormalisationResult.invalid(input, ValueKind.URL, InvalidReason.URL_HOST,
                        "The IPv6 host of the URL lacks its closing ']'.");
            }
            host = hostPort.substring(1, close);
            String after = hostPort.substring(close + 1);
            if (!after.isEmpty()) {
                if (after.charAt(0) != ':') {
                    return NormalisationResult.invalid(input, ValueKind.URL, InvalidReason.URL_HOST,
                            "Unexpected text after the IPv6 host of the URL.");
                }
                port = after.substring(1);
            }
            NormalisationResult address = ip(input, host);
            if (!address.isValid() || address.kind() != ValueKind.IPV6) {
                return NormalisationResult.invalid(input, ValueKind.URL, InvalidReason.URL_HOST,
                        "'" + host + "' is not a valid IPv6 host.");
            }
            canonicalHost = "[" + address.value() + "]";
        } else {
            int colon = hostPort.indexOf(':');
            if (colon >= 0) {
                port = hostPort.substring(colon + 1);
                host = hostPort.substring(0, colon);
            } else {
                host = hostPort;
            }
            if (host.isEmpty()) {
                return NormalisationResult.invalid(input, ValueKind.URL, InvalidReason.URL_HOST,
                        "The URL has no host.");
            }
            NormalisationResult hostResult = isIpv4Shaped(host) ? ip(input, host) : Domains.normalise(input, host);
            if (!hostResult.isValid() || hostResult.kind() == ValueKind.CIDR) {
                String why = hostResult.isValid() ? "a network is not a host." : hostResult.invalid().message();
                return NormalisationResult.invalid(input, ValueKind.URL, InvalidReason.URL_HOST,
                        "The host of the URL is not valid: " + why);
            }
            canonicalHost = hostResult.value();
        }
        if (port != null
                && (port.isEmpty() || port.length() > 5 || !isDigits(port) || Integer.parseInt(port) > 65535)) {
            return NormalisationResult.invalid(input, ValueKind.URL, InvalidReason.URL_PORT,
                    "'" + port + "' is not a port number (0 to 65535).");
        }
        StringBuilder out = new StringBuilder(s.length());
        out.append(scheme).append(userInfo).append(canonicalHost);
        if (port != null) {
            out.append(':').append(port);
        }
        out.append(rest);
        return NormalisationResult.valid(input, ValueKind.URL, out.toString());
    }

    private static boolean hasPort(String hostPort) {
        int colon = hostPort.indexOf(':');
        return colon > 0 && colon == hostPort.lastIndexOf(':') && colon < hostPort.length() - 1
                && isDigits(hostPort.substring(colon + 1));
    }

    private static String stripPort(String hostPort) {
        int colon = hostPort.indexOf(':');
        return colon < 0 ? hostPort : hostPort.substring(0, colon);
    }

    /** A valid IPv4 address, or a domain with a known TLD: enough to read {@code host/path} as a URL. */
    private static boolean isLikelyHost(String host) {
        if (host.isEmpty() || host.indexOf('@') >= 0) {
            return false;
        }
        if (isIpv4Shaped(host)) {
            return IpAddresses.parseIpv4(host, 0, host.length()) >= 0;
        }
        if (host.indexOf('.') <= 0) {
            return false;
        }
        // The canonical host must keep a dot too: "ba./" would otherwise become "ba/", which reads as text.
        NormalisationResult domain = Domains.normalise(host, host);
        return domain.isValid() && domain.value().indexOf('.') > 0 && Domains.isKnownTld(Domains.tld(domain.value()));
    }

    // ---- e-mail, hashes, CVE ----------------------------------------------------------------------------------

    static NormalisationResult email(String input, String value) {
        String s = value.regionMatches(true, 0, "mailto:", 0, 7) ? value.substring(7) : value;
        int at = s.lastIndexOf('@');
        if (at <= 0 || at == s.length() - 1) {
            return NormalisationResult.invalid(input, ValueKind.EMAIL, InvalidReason.EMAIL_MALFORMED,
                    "An e-mail address needs a local part, an '@' and a domain.");
        }
        String local = s.substring(0, at);
        if (local.length() > 64 || containsWhitespace(local) || containsControl(local) || local.indexOf('@') >= 0) {
            return NormalisationResult.invalid(input, ValueKind.EMAIL, InvalidReason.EMAIL_MALFORMED,
                    "'" + local + "' is not a valid local part of an e-mail address.");
        }
        NormalisationResult domain = Domains.normalise(input, s.substring(at + 1));
        if (!domain.isValid()) {
            return NormalisationResult.invalid(input, ValueKind.EMAIL, InvalidReason.EMAIL_MALFORMED,
                    "The domain of the e-mail address is not valid: " + domain.invalid().message());
        }
        return NormalisationResult.valid(input, ValueKind.EMAIL, local + "@" + domain.value());
    }

    static NormalisationResult hash(String input, String s, ValueKind kind) {
        int expected = kind == ValueKind.MD5 ? 32 : kind == ValueKind.SHA1 ? 40 : kind == ValueKind.SHA256 ? 64 : 128;
        String name = kind.mispType().toUpperCase(Locale.ROOT).replace("SHA", "SHA-");
        if (!isHex(s, 0, s.length())) {
            return NormalisationResult.invalid(input, kind, InvalidReason.HASH_NOT_HEX,
                    "An " + name + " hash consists of hexadecimal digits (0-9, a-f) only.");
        }
        if (s.length() != expected) {
            return NormalisationResult.invalid(input, kind, InvalidReason.HASH_LENGTH,
                    "An " + name + " hash has " + expected + " hexadecimal digits, not " + s.length() + ".");
        }
        return NormalisationResult.valid(input, kind, s.toLowerCase(Locale.ROOT));
    }

    static NormalisationResult cve(String input, String s) {
        // CVE-YYYY-NNNN with four or more digits in the sequence number
        int n = s.length();
        boolean ok = n >= 13 && s.regionMatches(true, 0, "CVE-", 0, 4) && isDigits(s.substring(4, 8))
                && s.charAt(8) == '-' && isDigits(s.substring(9));
        if (!ok || n > 4 + 4 + 1 + 19) {
            return NormalisationResult.invalid(input, ValueKind.CVE, InvalidReason.CVE_MALFORMED,
                    "'" + s + "' is not a CVE id (CVE-YYYY-NNNN, four or more digits at the end).");
        }
        return NormalisationResult.valid(input, ValueKind.CVE, "CVE-" + s.substring(4));
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static NormalisationResult blank(String input, ValueKind kind) {
        return NormalisationResult.invalid(input, kind, InvalidReason.BLANK, "The value is empty or blank.");
    }

    private static NormalisationResult tooLong(String input, ValueKind kind) {
        return NormalisationResult.invalid(input, kind, InvalidReason.TOO_LONG,
                "The value has " + input.length() + " characters; at most " + MAX_LENGTH + " are accepted.");
    }

    static boolean isHex(CharSequence s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!isHexDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean containsWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i)) || Character.isSpaceChar(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static int indexOfAny(String s, String chars) {
        return indexOfAny(s, chars, 0);
    }

    private static int indexOfAny(String s, String chars, int from) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
