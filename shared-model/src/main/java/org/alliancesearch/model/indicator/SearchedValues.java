package org.alliancesearch.model.indicator;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.alliancesearch.model.misp.MispLike;

/**
 * The values of one search, to tell whether a record a member returned answers it: a member may only answer with
 * what was asked, never add values nobody searched.
 *
 * <p>
 * A record answers the search when its value, or either half of a composite value ({@code domain|ip},
 * {@code filename|sha256}, {@code ip-dst|port} …), is one of the searched values once both are canonical: the
 * record's value as the merge keys it ({@link Indicators#key}) and each half as a searched value is normalised
 * ({@link Normaliser#normalise(String)}), so an honest member's other spelling (upper-case hash, defanged, other IPv6
 * form, trailing dot, …) still answers. As MISP matches values, the comparison ignores case, a searched value with
 * {@code %} is a {@code LIKE} pattern ({@code %} any run, {@code _} any one character), and a searched CIDR network
 * is answered by the addresses inside it. Immutable and thread-safe.
 */
public final class SearchedValues {
    private final Set<String> exact;
    private final List<Pattern> patterns;
    private final List<String> networks;

    private SearchedValues(Set<String> exact, List<Pattern> patterns, List<String> networks) {
        this.exact = exact;
        this.patterns = patterns;
        this.networks = networks;
    }

    /** The searched values as the query sends them (normalised by the query validator; raw values work too). */
    public static SearchedValues of(List<String> values) {
        Set<String> exact = new HashSet<>();
        List<Pattern> patterns = new ArrayList<>();
        List<String> networks = new ArrayList<>();
        for (String value : values) {
            if (value == null || value.isBlank()) {
                continue;
            }
            NormalisationResult n = Normaliser.normalise(value);
            String canonical = n.isValid() ? n.value() : value.strip();
            if (canonical.indexOf('%') >= 0) {
                patterns.add(MispLike.compile(canonical));
                continue;
            }
            exact.add(fold(canonical));
            exact.add(fold(value.strip()));
            if (n.isValid() && n.kind() == ValueKind.CIDR) {
                networks.add(canonical);
            }
        }
        return new SearchedValues(Set.copyOf(exact), List.copyOf(patterns), List.copyOf(networks));
    }

    /**
     * How many distinct values the search asked for exactly, or -1 when a wildcard or a network may match any number
     * of values: a bound on the indicators a search by value finds, up to their spellings and composite halves.
     */
    public int exactValueCount() {
        return patterns.isEmpty() && networks.isEmpty() ? exact.size() : -1;
    }

    /** Whether a record of this MISP type and value answers the search (see the class comment). */
    public boolean matches(String mispType, String value) {
        if (value == null) {
            return false;
        }
        // The usual case, cheaply: the value as the merge keys it is one of the searched values.
        if (exact.contains(fold(Indicators.key(mispType, value).value()))) {
            return true;
        }
        if (answers(value)) {
            return true;
        }
        int bar = value.indexOf('|');
        if (bar < 0) {
            return false;
        }
        int last = value.lastIndexOf('|');
        return answers(value.substring(0, bar)) || answers(value.substring(last + 1))
                || (last != bar && answers(value.substring(bar + 1)));
    }

    /**
     * The halves of a composite record that the search asked for, by the rules of {@link #matches} applied to each
     * half on its own (canonical forms, case, {@code LIKE} patterns, CIDR networks); empty for a record that is not a
     * composite ({@link Indicators#isComposite}) or whose halves were not searched.
     */
    public Set<CompositeHalf> matchedHalves(String mispType, String value) {
        if (!Indicators.isComposite(mispType, value)) {
            return Set.of();
        }
        Set<CompositeHalf> out = EnumSet.noneOf(CompositeHalf.class);
        for (CompositeHalf half : CompositeHalf.values()) {
            IndicatorKey key = Indicators.halfKey(mispType, value, half);
            if (exact.contains(fold(key.value())) || answers(Indicators.half(mispType, value, half))) {
                out.add(half);
            }
        }
        return out;
    }

    private boolean answers(String part) {
        String stripped = part.strip();
        if (stripped.isEmpty()) {
            return false;
        }
        if (exact.contains(fold(stripped))) {
            return true;
        }
        NormalisationResult n = Normaliser.normalise(part);
        String canonical = n.isValid() ? n.value() : null;
        if (canonical != null && exact.contains(fold(canonical))) {
            return true;
        }
        for (Pattern p : patterns) {
            if (p.matcher(stripped).matches() || (canonical != null && p.matcher(canonical).matches())) {
                return true;
            }
        }
        if (canonical != null && !networks.isEmpty()
                && (n.kind() == ValueKind.IPV4 || n.kind() == ValueKind.IPV6)) {
            for (String network : networks) {
                if (Indicators.networkContains(network, canonical)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String fold(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
