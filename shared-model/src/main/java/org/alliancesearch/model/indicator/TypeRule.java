package org.alliancesearch.model.indicator;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How attributes of one MISP type are matched: their family, which half of a composite value identifies them, and
 * how that half is made canonical. Built by hand: the families are this project's decision, not MISP's.
 */
record TypeRule(String family, ValueKind kind, Canon canon, Part part, Canon otherCanon) {

    /** Which part of the value identifies the indicator. */
    enum Part {
        WHOLE, LEFT, RIGHT
    }

    /** How a value (or half) is made canonical. */
    enum Canon {
        IP, DOMAIN, URL, URL_OR_TEXT, EMAIL, MD5, SHA1, SHA256, SHA512, CVE_OR_TEXT, FILENAME, HEX_LOWER, LOWER, TRIM
    }

    private static final Map<String, TypeRule> RULES = new HashMap<>();

    static {
        for (String type : new String[]{"ip-src", "ip-dst"}) {
            put(type, Families.IP, ValueKind.IPV4, Canon.IP, Part.WHOLE, null);
        }
        for (String type : new String[]{"ip-src|port", "ip-dst|port"}) {
            put(type, Families.IP, ValueKind.IPV4, Canon.IP, Part.LEFT, Canon.TRIM);
        }
        for (String type : new String[]{"domain", "hostname", "onion-address"}) {
            put(type, Families.DOMAIN, ValueKind.DOMAIN, Canon.DOMAIN, Part.WHOLE, null);
        }
        put("domain|ip", Families.DOMAIN, ValueKind.DOMAIN, Canon.DOMAIN, Part.LEFT, Canon.IP);
        put("hostname|port", Families.DOMAIN, ValueKind.DOMAIN, Canon.DOMAIN, Part.LEFT, Canon.TRIM);
        put("url", Families.URL, ValueKind.URL, Canon.URL, Part.WHOLE, null);
        // uri values are often bare paths ("/gate.php"): canonical when they are URLs, kept as they are otherwise.
        // link is left out on purpose: it points to analysis about an event, not at an observable.
        put("uri", Families.URL, ValueKind.URL, Canon.URL_OR_TEXT, Part.WHOLE, null);
        for (String type : new String[]{"email", "email-src", "email-dst", "target-email", "email-reply-to",
                "whois-registrant-email", "dns-soa-email"}) {
            put(type, Families.EMAIL, ValueKind.EMAIL, Canon.EMAIL, Part.WHOLE, null);
        }
        put("md5", Families.MD5, ValueKind.MD5, Canon.MD5, Part.WHOLE, null);
        put("filename|md5", Families.MD5, ValueKind.MD5, Canon.MD5, Part.RIGHT, Canon.FILENAME);
        // a malware sample's value is "file name|md5"
        put("malware-sample", Families.MD5, ValueKind.MD5, Canon.MD5, Part.RIGHT, Canon.FILENAME);
        put("sha1", Families.SHA1, ValueKind.SHA1, Canon.SHA1, Part.WHOLE, null);
        put("filename|sha1", Families.SHA1, ValueKind.SHA1, Canon.SHA1, Part.RIGHT, Canon.FILENAME);
        put("sha256", Families.SHA256, ValueKind.SHA256, Canon.SHA256, Part.WHOLE, null);
        put("filename|sha256", Families.SHA256, ValueKind.SHA256, Canon.SHA256, Part.RIGHT, Canon.FILENAME);
        put("sha512", Families.SHA512, ValueKind.SHA512, Canon.SHA512, Part.WHOLE, null);
        put("filename|sha512", Families.SHA512, ValueKind.SHA512, Canon.SHA512, Part.RIGHT, Canon.FILENAME);
        for (String type : new String[]{"filename", "email-attachment"}) {
            put(type, Families.FILENAME, ValueKind.FILENAME, Canon.FILENAME, Part.WHOLE, null);
        }
        put("vulnerability", Families.CVE, ValueKind.CVE, Canon.CVE_OR_TEXT, Part.WHOLE, null);
        // Other hex digests: a family of their own, in lower case; "filename|x" keys on the digest as "x" does.
        for (String type : new String[]{"sha224", "sha384", "sha512/224", "sha512/256", "sha3-224", "sha3-256",
                "sha3-384", "sha3-512", "imphash", "authentihash", "pehash", "tlsh", "cdhash", "x509-fingerprint-md5",
                "x509-fingerprint-sha1", "x509-fingerprint-sha256", "ja3-fingerprint-md5", "hassh-md5",
                "hasshserver-md5", "git-commit-id", "jarm-fingerprint", "telfhash"}) {
            put(type, type, ValueKind.TEXT, Canon.HEX_LOWER, Part.WHOLE, null);
            if (isFilenameComposite(type)) {
                put("filename|" + type, type, ValueKind.TEXT, Canon.HEX_LOWER, Part.RIGHT, Canon.FILENAME);
            }
        }
        // Case-sensitive digests (base64 alphabets): a family of their own, trimmed.
        for (String type : new String[]{"ssdeep", "impfuzzy", "vhash"}) {
            put("filename|" + type, type, ValueKind.TEXT, Canon.TRIM, Part.RIGHT, Canon.FILENAME);
        }
        for (String type : new String[]{"mac-address", "mac-eui-64"}) {
            put(type, type, ValueKind.TEXT, Canon.LOWER, Part.WHOLE, null);
        }
    }

    private static boolean isFilenameComposite(String type) {
        switch (type) {
            case "sha224" :
            case "sha384" :
            case "sha512/224" :
            case "sha512/256" :
            case "sha3-224" :
            case "sha3-256" :
            case "sha3-384" :
            case "sha3-512" :
            case "imphash" :
            case "authentihash" :
            case "pehash" :
            case "tlsh" :
                return true;
            default :
                return false;
        }
    }

    private static void put(String type, String family, ValueKind kind, Canon canon, Part part, Canon other) {
        RULES.put(type, new TypeRule(family, kind, canon, part, other));
    }

    /** The rule for a MISP type (exact spelling first, then lower case), or null for a type without one. */
    static TypeRule of(String mispType) {
        if (mispType == null) {
            return null;
        }
        TypeRule rule = RULES.get(mispType);
        if (rule == null) {
            rule = RULES.get(mispType.strip().toLowerCase(Locale.ROOT));
        }
        return rule;
    }

    /** Whether values of this type are composites of two halves ({@code a|b}). */
    boolean composite() {
        return part != Part.WHOLE;
    }

    /**
     * The family of the half that does not identify the indicator, keyed as a plain record of that half would be:
     * the IP of {@code domain|ip}, the file name of {@code filename|<digest>}, the port of {@code <name>|port}.
     */
    String otherFamily() {
        if (otherCanon == Canon.IP) {
            return Families.IP;
        }
        if (otherCanon == Canon.FILENAME) {
            return Families.FILENAME;
        }
        // MISP's own type for a bare port; no rule of ours, so a port record keys on the type itself.
        return "port";
    }

    NormalisationResult canonical(String value) {
        return canonical(canon, kind, value);
    }

    NormalisationResult otherCanonical(String value) {
        return canonical(otherCanon, ValueKind.TEXT, value);
    }

    private static NormalisationResult canonical(Canon canon, ValueKind kind, String value) {
        switch (canon) {
            case IP :
                return Normaliser.normalise(value, ValueKind.IPV4);
            case DOMAIN :
                return Normaliser.normalise(value, ValueKind.DOMAIN);
            case URL :
                return Normaliser.normalise(value, ValueKind.URL);
            case URL_OR_TEXT :
                return orText(Normaliser.normalise(value, ValueKind.URL), value);
            case EMAIL :
                return Normaliser.normalise(value, ValueKind.EMAIL);
            case MD5 :
                return Normaliser.normalise(value, ValueKind.MD5);
            case SHA1 :
                return Normaliser.normalise(value, ValueKind.SHA1);
            case SHA256 :
                return Normaliser.normalise(value, ValueKind.SHA256);
            case SHA512 :
                return Normaliser.normalise(value, ValueKind.SHA512);
            case CVE_OR_TEXT :
                return orText(Normaliser.normalise(value, ValueKind.CVE), value);
            case FILENAME :
                return Normaliser.normalise(value, ValueKind.FILENAME);
            case HEX_LOWER : {
                String trimmed = value.strip();
                return NormalisationResult.valid(value, kind,
                        isHexOrColon(trimmed, 0, trimmed.length()) ? trimmed.toLowerCase(Locale.ROOT) : trimmed);
            }
            case LOWER :
                return NormalisationResult.valid(value, kind, value.strip().toLowerCase(Locale.ROOT));
            default :
                return Normaliser.normalise(value, ValueKind.TEXT);
        }
    }

    private static NormalisationResult orText(NormalisationResult result, String value) {
        return result.isValid() || value.isBlank()
                ? result
                : NormalisationResult.valid(value, ValueKind.TEXT, value.strip());
    }

    /**
     * The canonical value of {@code v[from, to)} when it is cheaply seen to be canonical already (no allocation
     * beyond a substring), else null.
     */
    String fastCanonical(String v, int from, int to) {
        boolean canonical;
        switch (canon) {
            case IP :
                canonical = IpAddresses.isCanonicalIpv4(v, from, to);
                break;
            case DOMAIN :
                canonical = Domains.isCanonical(v, from, to);
                break;
            case URL :
            case URL_OR_TEXT :
                canonical = isCanonicalUrl(v, from, to);
                break;
            case EMAIL :
                canonical = isCanonicalEmail(v, from, to);
                break;
            case MD5 :
                canonical = to - from == 32 && isLowerHex(v, from, to);
                break;
            case SHA1 :
                canonical = to - from == 40 && isLowerHex(v, from, to);
                break;
            case SHA256 :
                canonical = to - from == 64 && isLowerHex(v, from, to);
                break;
            case SHA512 :
                canonical = to - from == 128 && isLowerHex(v, from, to);
                break;
            case HEX_LOWER :
                canonical = isLowerHex(v, from, to);
                break;
            case TRIM :
            case LOWER :
            case FILENAME :
            case CVE_OR_TEXT :
            default :
                canonical = false;
                break;
        }
        return canonical ? v.substring(from, to) : null;
    }

    private static boolean isLowerHex(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHexOrColon(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(Normaliser.isHexDigit(c) || c == ':')) {
                return false;
            }
        }
        return true;
    }

    /** Printable ASCII, nothing that refanging or width folding would touch. */
    private static boolean isPlainAscii(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '[' || c == '(' || c == '{' || c == '\\') {
                return false;
            }
            if ((c == 'x' || c == 'X') && i > from) {
                char previous = s.charAt(i - 1);
                if (previous == 'x' || previous == 'X' || previous == 'f' || previous == 'F') {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@code scheme://host[:port][rest]} with a lower-case scheme, a canonical host and no userinfo. */
    static boolean isCanonicalUrl(String v, int from, int to) {
        int i = from;
        if (i >= to || v.charAt(i) < 'a' || v.charAt(i) > 'z') {
            return false;
        }
        while (i < to) {
            char c = v.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
                i++;
            } else {
                break;
            }
        }
        if (i + 3 > to || v.charAt(i) != ':' || v.charAt(i + 1) != '/' || v.charAt(i + 2) != '/'
                || !isPlainAscii(v, from, to)) {
            return false;
        }
        int hostStart = i + 3;
        int hostEnd = hostStart;
        while (hostEnd < to) {
            char c = v.charAt(hostEnd);
            if (c == '/' || c == '?' || c == '#' || c == ':') {
                break;
            }
            if (c == '@') {
                return false;
            }
            hostEnd++;
        }
        if (hostEnd < to && v.charAt(hostEnd) == ':') {
            int portStart = hostEnd + 1;
            int portEnd = portStart;
            int port = 0;
            while (portEnd < to && v.charAt(portEnd) >= '0' && v.charAt(portEnd) <= '9' && portEnd - portStart < 5) {
                port = port * 10 + (v.charAt(portEnd) - '0');
                portEnd++;
            }
            if (portEnd == portStart || port > 65535) {
                return false;
            }
            if (portEnd < to) {
                char c = v.charAt(portEnd);
                if (c != '/' && c != '?' && c != '#') {
                    return false;
                }
            }
        }
        boolean numeric = true;
        int dots = 0;
        for (int k = hostStart; k < hostEnd; k++) {
            char c = v.charAt(k);
            if (c == '.') {
                dots++;
            } else if (c < '0' || c > '9') {
                numeric = false;
            }
        }
        if (numeric && dots == 3) {
            return IpAddresses.isCanonicalIpv4(v, hostStart, hostEnd);
        }
        return Domains.isCanonical(v, hostStart, hostEnd);
    }

    /** {@code local@domain} with a plain ASCII local part and a canonical domain. */
    static boolean isCanonicalEmail(String v, int from, int to) {
        int at = -1;
        for (int i = from; i < to; i++) {
            if (v.charAt(i) == '@') {
                if (at >= 0) {
                    return false;
                }
                at = i;
            }
        }
        return at > from && at - from <= 64 && isPlainAscii(v, from, at) && Domains.isCanonical(v, at + 1, to);
    }
}
