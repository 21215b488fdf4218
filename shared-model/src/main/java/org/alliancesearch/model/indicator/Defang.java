package org.alliancesearch.model.indicator;

import java.util.Locale;

/**
 * Makes indicators safe to show or send (not clickable, not matched by mail filters): {@code hxxp}, {@code [.]},
 * {@code [@]}, {@code [:]}. {@link Normaliser#refang} undoes it exactly.
 */
public final class Defang {
    private Defang() {
    }

    /** Defangs a value of the kind it is detected as; values of other kinds come back unchanged. */
    public static String defang(String value) {
        if (value == null) {
            return null;
        }
        NormalisationResult result = Normaliser.normalise(value);
        return result.isValid() ? defang(value, result.kind()) : value;
    }

    /**
     * Defangs a value of this kind: dots of IPv4 addresses, domains and URL hosts as {@code [.]}, colons of IPv6
     * addresses as {@code [:]}, the {@code @} of e-mail addresses as {@code [@]}, {@code http}/{@code https}/
     * {@code ftp} schemes as {@code hxxp}/{@code hxxps}/{@code fxp}. Hashes, CVE ids, file names and text come back
     * unchanged.
     */
    public static String defang(String value, ValueKind kind) {
        if (value == null || kind == null) {
            return value;
        }
        switch (kind) {
            case IPV4 :
            case DOMAIN :
                return value.replace(".", "[.]");
            case IPV6 :
                return value.replace(":", "[:]");
            case CIDR :
                return value.indexOf(':') >= 0 ? value.replace(":", "[:]") : value.replace(".", "[.]");
            case EMAIL : {
                int at = value.lastIndexOf('@');
                return at < 0
                        ? value
                        : value.substring(0, at) + "[@]" + value.substring(at + 1).replace(".", "[.]");
            }
            case URL :
                return defangUrl(value);
            default :
                return value;
        }
    }

    private static String defangUrl(String url) {
        int schemeLength = Normaliser.schemeLength(url);
        String scheme = url.substring(0, schemeLength);
        String lower = scheme.toLowerCase(Locale.ROOT);
        if (lower.equals("http://")) {
            scheme = "hxxp://";
        } else if (lower.equals("https://")) {
            scheme = "hxxps://";
        } else if (lower.equals("ftp://")) {
            scheme = "fxp://";
        }
        int hostEnd = schemeLength;
        while (hostEnd < url.length() && "/?#\\".indexOf(url.charAt(hostEnd)) < 0) {
            hostEnd++;
        }
        String authority = url.substring(schemeLength, hostEnd);
        if (!authority.startsWith("[") && authority.lastIndexOf('@') < 0) {
            authority = authority.replace(".", "[.]");
        } else if (!authority.contains("[")) {
            int at = authority.lastIndexOf('@');
            authority = authority.substring(0, at + 1) + authority.substring(at + 1).replace(".", "[.]");
        }
        return scheme + authority + url.substring(hostEnd);
    }
}
