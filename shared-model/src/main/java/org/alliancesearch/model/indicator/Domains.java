package org.alliancesearch.model.indicator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Domain names: canonical form (lower case, A-labels, no trailing dot), TLD and file-extension checks. */
final class Domains {
    static final int MAX_LENGTH = 253;

    /**
     * File extensions seen in reports. A bare name ending in one of these that is not a TLD is a file name (a name
     * ending in a non-TLD is never a domain anyway).
     */
    static final Set<String> FILE_EXTENSIONS = Set.of("7z", "apk", "asp", "aspx", "bak", "bat", "bin", "bz2",
            "cab", "cfg", "chm", "class", "cmd", "conf", "cpl", "csv", "dat", "db", "deb", "dll", "dmg", "doc", "docm",
            "docx", "dotm", "drv", "elf", "eml", "exe", "gif", "gz", "hta", "htm", "html", "ico", "img", "inf", "ini",
            "iso", "jar", "jpeg", "jpg", "js", "jse", "json", "jsp", "lnk", "log", "md", "mht", "mov", "mp3", "mp4",
            "msg", "msi", "msp", "ocx", "one", "pdf", "php", "png", "pps", "ppt", "pptm", "pptx", "ps", "ps1", "psm1",
            "py", "pyc", "rar", "reg", "rpm", "rtf", "scr", "sh", "sql", "svg", "sys", "tar", "tgz", "tmp", "txt",
            "vba", "vbe", "vbs", "wav", "wsf", "xls", "xlsb", "xlsm", "xlsx", "xml", "xz", "yaml", "yml", "zip");

    /**
     * Real TLDs that in reports far more often end a file name ({@code archive.zip}, {@code README.md},
     * {@code run.sh}, {@code notes.one}): such a name counts as a domain only with more evidence (it was defanged, or
     * it sits in a URL or an e-mail address). Country TLDs common in real indicators ({@code .pl}, {@code .rs},
     * {@code .so}) are deliberately not here.
     */
    static final Set<String> FILE_LIKE_TLDS = Set.of("zip", "mov", "py", "sh", "one", "md", "cab", "ps");

    private Domains() {
    }

    /** The IANA TLDs, lower case, loaded once on first use. */
    private static final class Tlds {
        static final Set<String> ALL = load();

        private static Set<String> load() {
            try (InputStream in = Domains.class.getResourceAsStream("/misp/warninglists/tlds.json")) {
                if (in == null) {
                    throw new IllegalStateException("misp/warninglists/tlds.json missing from the class path");
                }
                JsonNode list = new ObjectMapper().readTree(in).path("list");
                Set<String> tlds = new HashSet<>(list.size() * 2 + 1);
                list.forEach(node -> tlds.add(node.asText().toLowerCase(Locale.ROOT)));
                // Special-use names (RFC 7686) that the IANA root does not list but reports name.
                tlds.add("onion");
                return Set.copyOf(tlds);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Whether the lower-case label is a TLD known to IANA (or {@code onion}). */
    static boolean isKnownTld(String label) {
        return Tlds.ALL.contains(label);
    }

    static boolean isFileExtension(String label) {
        return FILE_EXTENSIONS.contains(label);
    }

    /** Whether a name ending in this lower-case label is more likely a file name than a domain. */
    static boolean isFileLikeTld(String label) {
        return FILE_LIKE_TLDS.contains(label);
    }

    /** The last label of a canonical domain. */
    static String tld(String domain) {
        return domain.substring(domain.lastIndexOf('.') + 1);
    }

    /**
     * The canonical form of a domain already refanged, width-folded and stripped: IDNs as punycode A-labels, lower
     * case, one trailing dot removed.
     */
    static NormalisationResult normalise(String input, String value) {
        String name = value;
        if (!isAscii(name)) {
            try {
                name = IDN.toASCII(name);
            } catch (IllegalArgumentException e) {
                return NormalisationResult.invalid(input, ValueKind.DOMAIN, InvalidReason.DOMAIN_MALFORMED,
                        "'" + value + "' is not a valid internationalised domain name: " + e.getMessage());
            }
        }
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        name = name.toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            return NormalisationResult.invalid(input, ValueKind.DOMAIN, InvalidReason.DOMAIN_MALFORMED,
                    "A domain name needs at least one label.");
        }
        if (name.length() > MAX_LENGTH) {
            return NormalisationResult.invalid(input, ValueKind.DOMAIN, InvalidReason.DOMAIN_TOO_LONG,
                    "A domain name has at most " + MAX_LENGTH + " characters; this one has " + name.length() + ".");
        }
        String problem = labelProblem(name);
        if (problem != null) {
            return NormalisationResult.invalid(input, ValueKind.DOMAIN, InvalidReason.DOMAIN_MALFORMED,
                    "'" + value + "' is not a valid domain name: " + problem);
        }
        return NormalisationResult.valid(input, ValueKind.DOMAIN, name);
    }

    /** What is wrong with the labels of a lower-case ASCII name, or null. */
    static String labelProblem(String name) {
        int start = 0;
        int n = name.length();
        boolean lastAllDigits = true;
        for (int i = 0; i <= n; i++) {
            if (i == n || name.charAt(i) == '.') {
                int length = i - start;
                if (length == 0) {
                    return "it has an empty label.";
                }
                if (length > 63) {
                    return "a label has more than 63 characters.";
                }
                if (name.charAt(start) == '-' || name.charAt(i - 1) == '-') {
                    return "a label starts or ends with a hyphen.";
                }
                lastAllDigits = true;
                for (int k = start; k < i; k++) {
                    char c = name.charAt(k);
                    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
                        return "'" + c + "' is not allowed in a domain name.";
                    }
                    if (c < '0' || c > '9') {
                        lastAllDigits = false;
                    }
                }
                start = i + 1;
            }
        }
        if (lastAllDigits && name.indexOf('.') >= 0) {
            return "its last label is a number.";
        }
        return null;
    }

    /** Whether the value is already a canonical domain: lower-case ASCII labels, no trailing dot. */
    static boolean isCanonical(String s, int from, int to) {
        if (from >= to || to - from > MAX_LENGTH) {
            return false;
        }
        char previous = '.';
        boolean lastAllDigits = true;
        int labelLength = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (previous == '.' || previous == '-') {
                    return false;
                }
                lastAllDigits = true;
                labelLength = 0;
            } else if ((c >= 'a' && c <= 'z') || c == '_') {
                lastAllDigits = false;
                labelLength++;
            } else if (c >= '0' && c <= '9') {
                labelLength++;
            } else if (c == '-') {
                if (previous == '.') {
                    return false;
                }
                lastAllDigits = false;
                labelLength++;
            } else {
                return false;
            }
            if (labelLength > 63) {
                return false;
            }
            previous = c;
        }
        return previous != '.' && previous != '-' && !(lastAllDigits && s.lastIndexOf('.', to - 1) >= from);
    }

    static boolean isAscii(CharSequence s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
