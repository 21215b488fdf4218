package org.alliancesearch.model.summary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.alliancesearch.model.indicator.NormalisationResult;
import org.alliancesearch.model.indicator.Normaliser;
import org.alliancesearch.model.indicator.ValueKind;

/**
 * The values a search asks for beyond those given: a URL is also searched by its host (a domain or an IP address),
 * and, when the searcher asks for it, an e-mail address by its domain. A derived value comes right after the first
 * value it was derived from and says so ({@link SearchedValue#pivotOf()}); a value the searcher gave is never turned
 * into a pivot, and no value appears twice.
 */
public final class Pivots {
    private Pivots() {
    }

    /**
     * The searched values in order, each followed by its pivots.
     *
     * @param values
     *            the values as given (each is normalised; invalid ones are kept as given, as text)
     * @param emailDomains
     *            whether e-mail addresses are also searched by their domain
     */
    public static List<SearchedValue> expand(List<String> values, boolean emailDomains) {
        Map<String, SearchedValue> given = new LinkedHashMap<>();
        for (String raw : values) {
            NormalisationResult n = Normaliser.normalise(raw);
            String value = n.isValid() ? n.value() : raw.strip();
            ValueKind kind = n.isValid() ? n.kind() : ValueKind.TEXT;
            given.putIfAbsent(value, new SearchedValue(value, kind, null));
        }
        Map<String, SearchedValue> all = new LinkedHashMap<>();
        for (SearchedValue value : given.values()) {
            all.putIfAbsent(value.value(), value);
            SearchedValue pivot = pivot(value, emailDomains);
            if (pivot != null && !given.containsKey(pivot.value())) {
                all.putIfAbsent(pivot.value(), pivot);
            }
        }
        return new ArrayList<>(all.values());
    }

    /** The pivot of one value, or null. */
    static SearchedValue pivot(SearchedValue value, boolean emailDomains) {
        String host = switch (value.kind()) {
            case URL -> urlHost(value.value());
            case EMAIL -> emailDomains ? value.value().substring(value.value().lastIndexOf('@') + 1) : null;
            default -> null;
        };
        if (host == null || host.isEmpty()) {
            return null;
        }
        // The host of a valid URL is a host even under a TLD the detector does not know (".example", ".internal").
        NormalisationResult n = Normaliser.normalise(host);
        if (!n.isValid() || !(n.kind() == ValueKind.IPV4 || n.kind() == ValueKind.IPV6)) {
            n = Normaliser.normalise(host, ValueKind.DOMAIN);
        }
        if (!n.isValid()
                || !(n.kind() == ValueKind.DOMAIN || n.kind() == ValueKind.IPV4 || n.kind() == ValueKind.IPV6)) {
            return null;
        }
        return new SearchedValue(n.value(), n.kind(), value.value());
    }

    /** The host of a canonical URL: after the scheme and any user part, before the port, path, query or fragment. */
    static String urlHost(String url) {
        int scheme = url.indexOf("://");
        int start = scheme < 0 ? 0 : scheme + 3;
        int end = start;
        while (end < url.length() && "/?#\\".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(start, end);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            return close < 0 ? null : authority.substring(1, close);
        }
        int colon = authority.indexOf(':');
        return colon < 0 ? authority : authority.substring(0, colon);
    }
}
