package org.alliancesearch.model.misp;

import java.util.regex.Pattern;

/**
 * MISP's filter terms with {@code %} are MySQL {@code LIKE} patterns under a case-insensitive collation: {@code %} is
 * any run of characters, {@code _} any one character, everything else literal. One translation for every place that
 * must agree with MISP (the searched-values check of member answers, the simulator).
 */
public final class MispLike {
    private MispLike() {
    }

    /** Whether {@code term} is a LIKE pattern rather than an exact value. */
    public static boolean isPattern(String term) {
        return term.indexOf('%') >= 0;
    }

    /** The pattern that matches what MISP's {@code LIKE term} matches, ignoring case. */
    public static Pattern compile(String term) {
        StringBuilder rx = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (c == '%' || c == '_') {
                if (literal.length() > 0) {
                    rx.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                rx.append(c == '%' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            rx.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(rx.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }
}
