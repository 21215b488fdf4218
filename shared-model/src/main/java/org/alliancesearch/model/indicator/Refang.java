package org.alliancesearch.model.indicator;

import java.util.BitSet;
import java.util.Locale;

/**
 * Undoes the usual ways of defanging indicators: {@code hxxp}/{@code hXXps}/{@code fxp} schemes, {@code [.]},
 * {@code (.)}, {@code {.}}, {@code [dot]}, {@code [:]}, {@code [://]}, {@code [@]}, {@code [at]}, {@code (at)}
 * (brackets of any of the three kinds, any case).
 */
final class Refang {
    private Refang() {
    }

    /** The text with defanging undone, and which of its characters came from a defanging marker. */
    record Refanged(String text, BitSet marked) {
        boolean anyMarked(int from, int to) {
            int next = marked.nextSetBit(from);
            return next >= 0 && next < to;
        }
    }

    /** Whether the text may hold a defanging marker at all (cheap pre-check). */
    static boolean mayBeDefanged(CharSequence s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '[' || c == '(' || c == '{') {
                return true;
            }
            // "hxxp" and "fxp": an x after an x or an f
            if ((c == 'x' || c == 'X') && i > 0) {
                char previous = s.charAt(i - 1);
                if (previous == 'x' || previous == 'X' || previous == 'f' || previous == 'F') {
                    return true;
                }
            }
        }
        return false;
    }

    static String refang(String s) {
        if (!mayBeDefanged(s)) {
            return s;
        }
        return refangMarked(s).text();
    }

    static Refanged refangMarked(String s) {
        int n = s.length();
        StringBuilder out = new StringBuilder(n);
        BitSet marked = new BitSet();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '[' || c == '(' || c == '{') {
                char close = c == '[' ? ']' : c == '(' ? ')' : '}';
                String replacement = bracketed(s, i + 1, close);
                if (replacement != null) {
                    int inner = innerLength(s, i + 1, close);
                    marked.set(out.length(), out.length() + replacement.length());
                    out.append(replacement);
                    i += inner + 2;
                    continue;
                }
            } else if ((c == 'h' || c == 'H' || c == 'f' || c == 'F') && (i == 0 || !isSchemeChar(s.charAt(i - 1)))) {
                int consumed = defangedScheme(s, i);
                if (consumed > 0) {
                    boolean ftp = c == 'f' || c == 'F';
                    String scheme = ftp ? "ftp" : consumed == 5 ? "https" : "http";
                    marked.set(out.length(), out.length() + scheme.length());
                    out.append(scheme);
                    i += consumed;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return new Refanged(out.toString(), marked);
    }

    private static int innerLength(String s, int from, char close) {
        return s.indexOf(close, from) - from;
    }

    /** What the bracketed marker starting at {@code from} stands for, or null if it is no marker. */
    private static String bracketed(String s, int from, char close) {
        int end = s.indexOf(close, from);
        if (end < 0 || end - from > 4 || end == from) {
            return null;
        }
        String inner = s.substring(from, end);
        switch (inner.toLowerCase(Locale.ROOT)) {
            case "." :
            case "dot" :
                return ".";
            case ":" :
                return ":";
            case "://" :
                return "://";
            case "@" :
            case "at" :
                return "@";
            case "/" :
                return "/";
            default :
                return null;
        }
    }

    /**
     * The length of a defanged scheme name at {@code i} ({@code hxxp}, {@code hxxps}, {@code hXXp}, {@code fxp}) when
     * followed by {@code :}, {@code [:]} or {@code [://]}; 0 otherwise.
     */
    private static int defangedScheme(String s, int i) {
        int n = s.length();
        char first = Character.toLowerCase(s.charAt(i));
        int j;
        if (first == 'h') {
            if (i + 4 > n || !eqIgnoreCase(s, i + 1, "xxp")) {
                return 0;
            }
            j = i + 4;
            if (j < n && (s.charAt(j) == 's' || s.charAt(j) == 'S')) {
                j++;
            }
        } else {
            if (i + 3 > n || !eqIgnoreCase(s, i + 1, "xp")) {
                return 0;
            }
            j = i + 3;
        }
        // A bracket only when it holds the colon: "fxp[.]com" is a domain, not a scheme.
        if (j < n && (s.charAt(j) == ':' || s.startsWith("[:", j))) {
            return j - i;
        }
        return 0;
    }

    private static boolean eqIgnoreCase(String s, int from, String lower) {
        if (from + lower.length() > s.length()) {
            return false;
        }
        for (int k = 0; k < lower.length(); k++) {
            if (Character.toLowerCase(s.charAt(from + k)) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the character may be part of a URI scheme name (RFC 3986, section 3.1): a defanged scheme right after one
     * is the tail of another word ({@code a0fxp://}, {@code svn+hxxp://}), not a scheme of its own.
     */
    private static boolean isSchemeChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-'
                || c == '.';
    }
}
