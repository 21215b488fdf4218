package org.alliancesearch.model.warninglist;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** One list ready to match, by its type's rule as MISP's {@code Warninglist::checkValue} applies it. */
final class CompiledWarninglist {
    /** How many characters a regex entry may read for one value before it counts as no match. */
    static final int REGEX_STEP_BUDGET = 200_000;

    private final Warninglist list;
    private final Set<String> strings;
    private final String[] substrings;
    private final Networks networks;
    private final List<Pattern> patterns;

    CompiledWarninglist(Warninglist list) {
        this.list = list;
        Set<String> exact = null;
        String[] parts = null;
        Networks nets = null;
        List<Pattern> regexes = null;
        switch (list.type()) {
            case STRING -> exact = new HashSet<>(list.entries());
            case SUBSTRING -> parts = list.entries().toArray(String[]::new);
            case HOSTNAME -> {
                exact = new HashSet<>();
                for (String entry : list.entries()) {
                    String host = trimDots(entry.strip()).toLowerCase(Locale.ROOT);
                    if (!host.isEmpty()) {
                        exact.add(host);
                    }
                }
            }
            case CIDR -> nets = Networks.of(list.entries());
            case REGEX -> {
                regexes = new ArrayList<>();
                for (String entry : list.entries()) {
                    PcrePatterns.compile(entry).ifPresent(regexes::add);
                }
            }
            default -> throw new IllegalStateException(list.type().name());
        }
        this.strings = exact;
        this.substrings = parts;
        this.networks = nets;
        this.patterns = regexes;
    }

    Warninglist list() {
        return list;
    }

    /**
     * The match of a value of this MISP type, or null. A composite value ({@code domain|ip}, {@code filename|md5},
     * {@code malware-sample}) matches when either half does, first half first.
     */
    WarninglistMatch match(String mispType, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        int bar = value.indexOf('|');
        if (bar >= 0 && ("malware-sample".equals(mispType) || mispType.indexOf('|') >= 0)) {
            WarninglistMatch first = matchOne(value.substring(0, bar));
            return first != null ? first : matchOne(value.substring(bar + 1));
        }
        return matchOne(value);
    }

    private WarninglistMatch matchOne(String value) {
        String entry = switch (list.type()) {
            case STRING -> strings.contains(value) ? value : null;
            case SUBSTRING -> substring(value);
            case HOSTNAME -> hostname(value);
            case CIDR -> networks.find(value);
            case REGEX -> regex(value);
        };
        return entry == null ? null : new WarninglistMatch(list.name(), list.category(), entry, value);
    }

    private String substring(String value) {
        for (String part : substrings) {
            if (value.contains(part)) {
                return part;
            }
        }
        return null;
    }

    /** The value's host (before the first '/', or after "//"), tried from its last label up: "com", "b.com", … */
    private String hostname(String value) {
        String host;
        int scheme = value.indexOf("//");
        if (scheme < 0) {
            int slash = value.indexOf('/');
            host = slash < 0 ? value : value.substring(0, slash);
        } else {
            int start = scheme + 2;
            int slash = value.indexOf('/', start);
            host = slash < 0 ? value.substring(start) : value.substring(start, slash);
        }
        host = trimTrailingDots(host);
        int dot = host.length();
        while (dot >= 0) {
            dot = host.lastIndexOf('.', dot - 1);
            String suffix = host.substring(dot + 1);
            if (strings.contains(suffix)) {
                return suffix;
            }
            if (dot < 0) {
                break;
            }
        }
        return null;
    }

    private String regex(String value) {
        for (Pattern pattern : patterns) {
            try {
                if (pattern.matcher(new BoundedCharSequence(value, REGEX_STEP_BUDGET)).find()) {
                    return pattern.pattern();
                }
            } catch (BoundedCharSequence.BudgetExceeded e) {
                // A pattern that backtracks without end on this value does not stall the search: no match.
            }
        }
        return null;
    }

    private static String trimDots(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '.') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(start, end);
    }

    private static String trimTrailingDots(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }
}
