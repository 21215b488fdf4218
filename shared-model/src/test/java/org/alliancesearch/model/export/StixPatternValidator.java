package org.alliancesearch.model.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A recursive-descent checker for STIX 2.1 patterns (STIX 2.1 section 9, grammar of the OASIS STIXPattern.g4): it
 * accepts observation expressions in brackets joined by AND, OR and FOLLOWEDBY with parentheses and the WITHIN,
 * REPEATS and START/STOP qualifiers; comparison expressions joined by AND and OR with parentheses; every comparison
 * operator (=, !=, &lt;, &gt;, &lt;=, &gt;=, IN, LIKE, MATCHES, ISSUBSET, ISSUPERSET, EXISTS, each negatable with NOT);
 * object paths with identifier or quoted components, list indexes and {@code [*]}; string literals in single quotes
 * where the only escapes are {@code \'} and {@code \\}; integer, float, boolean, hex ({@code h'..'}), binary
 * ({@code b'..'}) and timestamp ({@code t'..'}) literals.
 *
 * <p>
 * On top of the grammar it checks, for the cyber-observable types the exporter emits, that the property path exists
 * on the type ({@link #KNOWN_PATHS}) and that hash names are from the STIX hash-algorithm vocabulary.
 */
final class StixPatternValidator {
    /** A comparison found in a pattern, with its string literal unescaped. */
    record Comparison(String objectType, List<String> path, String operator, Object literal) {
    }

    static final class InvalidPattern extends RuntimeException {
        InvalidPattern(String pattern, int pos, String message) {
            super(message + " at " + pos + " in: " + pattern);
        }
    }

    static final Set<String> HASH_ALGORITHMS = Set.of("MD5", "SHA-1", "SHA-256", "SHA-512", "SHA3-256", "SHA3-512",
            "SSDEEP", "TLSH");
    static final Map<String, Set<String>> KNOWN_PATHS = Map.of("ipv4-addr", Set.of("value"), "ipv6-addr", Set.of(
            "value"), "domain-name", Set.of("value"), "url", Set.of("value"), "email-addr",
            Set.of("value",
                    "display_name"),
            "file", Set.of("name", "hashes", "size"));
    private static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "FOLLOWEDBY", "LIKE", "MATCHES",
            "ISSUPERSET", "ISSUBSET", "EXISTS", "IN", "LAST", "WITHIN", "START", "STOP", "REPEATS", "TIMES",
            "SECONDS");

    private final String p;
    private int pos;
    private final List<Comparison> comparisons = new ArrayList<>();

    private StixPatternValidator(String pattern) {
        this.p = pattern;
    }

    /** Validates a pattern and returns its comparisons; throws {@link InvalidPattern} when it is not valid. */
    static List<Comparison> validate(String pattern) {
        StixPatternValidator v = new StixPatternValidator(pattern);
        v.observationExpressions();
        v.skipSpace();
        if (v.pos != pattern.length()) {
            throw v.error("unexpected text");
        }
        return v.comparisons;
    }

    // observationExpressions := obsOr (FOLLOWEDBY obsOr)*
    private void observationExpressions() {
        observationOr();
        while (keyword("FOLLOWEDBY")) {
            observationOr();
        }
    }

    private void observationOr() {
        observationAnd();
        while (keyword("OR")) {
            observationAnd();
        }
    }

    private void observationAnd() {
        observation();
        while (keyword("AND")) {
            observation();
        }
    }

    // observation := ('[' comparisonExpression ']' | '(' observationExpressions ')') qualifier*
    private void observation() {
        skipSpace();
        if (accept('[')) {
            comparisonOr();
            expect(']');
        } else if (accept('(')) {
            observationExpressions();
            expect(')');
        } else {
            throw error("expected '[' or '('");
        }
        while (true) {
            if (keyword("WITHIN")) {
                number(true);
                requireKeyword("SECONDS");
            } else if (keyword("REPEATS")) {
                number(false);
                requireKeyword("TIMES");
            } else if (keyword("START")) {
                timestampLiteral();
                requireKeyword("STOP");
                timestampLiteral();
            } else {
                return;
            }
        }
    }

    private void comparisonOr() {
        comparisonAnd();
        while (keyword("OR")) {
            comparisonAnd();
        }
    }

    private void comparisonAnd() {
        propTest();
        while (keyword("AND")) {
            propTest();
        }
    }

    private void propTest() {
        skipSpace();
        if (accept('(')) {
            comparisonOr();
            expect(')');
            return;
        }
        if (keyword("EXISTS")) {
            Comparison path = objectPath();
            comparisons.add(new Comparison(path.objectType(), path.path(), "EXISTS", null));
            return;
        }
        Comparison path = objectPath();
        boolean not = keyword("NOT");
        skipSpace();
        String op;
        Object literal;
        if (p.startsWith("!=", pos) || p.startsWith("<>", pos)) {
            pos += 2;
            op = "!=";
            literal = primitiveLiteral();
        } else if (p.startsWith("<=", pos) || p.startsWith(">=", pos)) {
            op = p.substring(pos, pos + 2);
            pos += 2;
            literal = orderableLiteral();
        } else if (p.startsWith("==", pos)) {
            pos += 2;
            op = "=";
            literal = primitiveLiteral();
        } else if (accept('=')) {
            op = "=";
            literal = primitiveLiteral();
        } else if (accept('<') || accept('>')) {
            op = p.substring(pos - 1, pos);
            literal = orderableLiteral();
        } else if (keyword("IN")) {
            op = "IN";
            literal = setLiteral();
        } else if (keyword("LIKE")) {
            op = "LIKE";
            literal = stringLiteral();
        } else if (keyword("MATCHES")) {
            op = "MATCHES";
            literal = stringLiteral();
        } else if (keyword("ISSUBSET")) {
            op = "ISSUBSET";
            literal = stringLiteral();
        } else if (keyword("ISSUPERSET")) {
            op = "ISSUPERSET";
            literal = stringLiteral();
        } else {
            throw error("expected a comparison operator");
        }
        comparisons.add(new Comparison(path.objectType(), path.path(), (not ? "NOT " : "") + op, literal));
    }

    // objectPath := objectType ':' firstComponent ('.' component | '[' index ']')*
    private Comparison objectPath() {
        skipSpace();
        String type = identifier(true);
        if (KEYWORDS.contains(type)) {
            throw error("keyword used as object type");
        }
        if (!type.equals(type.toLowerCase(java.util.Locale.ROOT)) || type.length() < 3 || type.contains("_")) {
            throw error("object type must be lower case letters, digits and hyphens, at least 3 characters");
        }
        expectNoSpace(':');
        List<String> path = new ArrayList<>();
        path.add(peek() == '\'' ? stringLiteral() : identifier(false));
        while (pos < p.length()) {
            if (p.charAt(pos) == '.') {
                pos++;
                path.add(peek() == '\'' ? stringLiteral() : identifier(false));
            } else if (p.charAt(pos) == '[' && pos + 1 < p.length() && (p.charAt(pos + 1) == '*' || p.charAt(pos
                    + 1) == '-' || Character.isDigit(p.charAt(pos + 1)))) {
                pos++;
                int start = pos;
                if (!accept('*')) {
                    accept('-');
                    digits();
                }
                path.add(p.substring(start - 1, pos) + "]");
                expectNoSpace(']');
            } else {
                break;
            }
        }
        checkKnownPath(type, path);
        return new Comparison(type, path, null, null);
    }

    private void checkKnownPath(String type, List<String> path) {
        Set<String> known = KNOWN_PATHS.get(type);
        if (known == null) {
            return;
        }
        if (!known.contains(path.get(0))) {
            throw error("'" + type + "' has no property '" + path.get(0) + "'");
        }
        if (path.get(0).equals("hashes")) {
            if (path.size() != 2 || !HASH_ALGORITHMS.contains(path.get(1))) {
                throw error("file:hashes needs one hash algorithm from the vocabulary, got " + path);
            }
        } else if (path.size() != 1) {
            throw error("'" + type + ":" + path.get(0) + "' has no sub-properties");
        }
    }

    private String identifier(boolean hyphens) {
        int start = pos;
        if (pos >= p.length() || !(Character.isLetter(p.charAt(pos)) && p.charAt(pos) < 128 || p.charAt(pos) == '_')) {
            throw error("expected an identifier");
        }
        pos++;
        while (pos < p.length()) {
            char c = p.charAt(pos);
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '_' || (hyphens && c == '-'))) {
                pos++;
            } else {
                break;
            }
        }
        return p.substring(start, pos);
    }

    private Object primitiveLiteral() {
        skipSpace();
        if (keywordLiteral("true")) {
            return Boolean.TRUE;
        }
        if (keywordLiteral("false")) {
            return Boolean.FALSE;
        }
        return orderableLiteral();
    }

    private Object orderableLiteral() {
        skipSpace();
        char c = peek();
        if (c == '\'') {
            return stringLiteral();
        }
        if ((c == 't' || c == 'h' || c == 'b') && pos + 1 < p.length() && p.charAt(pos + 1) == '\'') {
            if (c == 't') {
                return timestampLiteral();
            }
            pos++;
            String body = stringLiteral();
            String allowed = c == 'h'
                    ? "0123456789abcdefABCDEF"
                    : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";
            for (char ch : body.toCharArray()) {
                if (allowed.indexOf(ch) < 0) {
                    throw error("bad character in " + c + "'' literal");
                }
            }
            if (c == 'h' && body.length() % 2 != 0) {
                throw error("hex literal needs an even number of digits");
            }
            return body;
        }
        return number(true);
    }

    private List<Object> setLiteral() {
        skipSpace();
        expect('(');
        List<Object> values = new ArrayList<>();
        skipSpace();
        if (accept(')')) {
            return values;
        }
        do {
            values.add(primitiveLiteral());
            skipSpace();
        } while (accept(','));
        expect(')');
        return values;
    }

    private String timestampLiteral() {
        skipSpace();
        if (!p.startsWith("t'", pos)) {
            throw error("expected a timestamp literal t'...'");
        }
        pos++;
        String body = stringLiteral();
        if (!body.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z")) {
            throw error("timestamp must be RFC 3339 in UTC with Z");
        }
        return body;
    }

    /** A single-quoted string; only \' and \\ are escapes. Returns the unescaped text. */
    private String stringLiteral() {
        skipSpace();
        expectNoSpace('\'');
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= p.length()) {
                throw error("unterminated string literal");
            }
            char c = p.charAt(pos++);
            if (c == '\'') {
                return b.toString();
            }
            if (c == '\\') {
                if (pos >= p.length()) {
                    throw error("unterminated escape");
                }
                char e = p.charAt(pos++);
                if (e != '\'' && e != '\\') {
                    throw error("invalid escape \\" + e);
                }
                b.append(e);
            } else {
                b.append(c);
            }
        }
    }

    private Number number(boolean allowFloat) {
        skipSpace();
        int start = pos;
        if (peek() == '-' || peek() == '+') {
            pos++;
        }
        digits();
        if (allowFloat && peek() == '.') {
            pos++;
            digits();
            return Double.valueOf(p.substring(start, pos));
        }
        return Long.valueOf(p.substring(start, pos));
    }

    private void digits() {
        int start = pos;
        while (pos < p.length() && p.charAt(pos) >= '0' && p.charAt(pos) <= '9') {
            pos++;
        }
        if (pos == start) {
            throw error("expected digits");
        }
    }

    private boolean keyword(String word) {
        skipSpace();
        if (p.startsWith(word, pos) && (pos + word.length() == p.length() || !isIdentChar(p.charAt(pos + word
                .length())))) {
            pos += word.length();
            return true;
        }
        return false;
    }

    private boolean keywordLiteral(String word) {
        return keyword(word);
    }

    private void requireKeyword(String word) {
        if (!keyword(word)) {
            throw error("expected " + word);
        }
    }

    private static boolean isIdentChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-');
    }

    private char peek() {
        return pos < p.length() ? p.charAt(pos) : '\0';
    }

    private boolean accept(char c) {
        if (pos < p.length() && p.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        skipSpace();
        expectNoSpace(c);
    }

    private void expectNoSpace(char c) {
        if (!accept(c)) {
            throw error("expected '" + c + "'");
        }
    }

    private void skipSpace() {
        while (pos < p.length() && Character.isWhitespace(p.charAt(pos))) {
            pos++;
        }
    }

    private InvalidPattern error(String message) {
        return new InvalidPattern(p, pos, message);
    }
}
