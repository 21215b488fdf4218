package org.alliancesearch.model.indicator;

import java.util.Locale;

/**
 * Entry points for indicator identity. STUB: a minimal family table (ip, domain, url, email, hashes) so that merging
 * can be built and tested; the real family table and normalisation replace it.
 */
public final class Indicators {
    private Indicators() {
    }

    /**
     * The key an attribute of this MISP type and value is grouped under. Never throws: a value that cannot be
     * normalised keys on its trimmed form.
     */
    public static IndicatorKey key(String mispType, String value) {
        String type = mispType.trim().toLowerCase(Locale.ROOT);
        String v = value.trim();
        switch (type) {
            case "ip-src", "ip-dst", "ip-src|port", "ip-dst|port" -> {
                int bar = v.indexOf('|');
                return new IndicatorKey("ip", (bar >= 0 ? v.substring(0, bar) : v).toLowerCase(Locale.ROOT));
            }
            case "domain", "hostname" -> {
                String d = v.toLowerCase(Locale.ROOT);
                return new IndicatorKey("domain", d.endsWith(".") ? d.substring(0, d.length() - 1) : d);
            }
            case "url", "link", "uri" -> {
                return new IndicatorKey("url", v);
            }
            case "email", "email-src", "email-dst" -> {
                return new IndicatorKey("email", v.toLowerCase(Locale.ROOT));
            }
            case "md5", "sha1", "sha256", "sha512" -> {
                return new IndicatorKey(type, v.toLowerCase(Locale.ROOT));
            }
            default -> {
                return new IndicatorKey(type, v);
            }
        }
    }
}
