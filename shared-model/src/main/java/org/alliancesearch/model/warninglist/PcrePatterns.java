package org.alliancesearch.model.warninglist;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads MISP's regex entries, which are PHP PCRE patterns with delimiters and modifiers ({@code /^evil\.example$/i},
 * {@code #x#}, {@code {a}m}), into Java patterns. Modifiers without a Java equal ({@code U}, {@code X}, {@code e}, …)
 * make the entry invalid rather than silently mean something else.
 */
final class PcrePatterns {
    private PcrePatterns() {
    }

    static Optional<Pattern> compile(String entry) {
        String s = entry.strip();
        if (s.length() < 2) {
            return Optional.empty();
        }
        char open = s.charAt(0);
        if (Character.isLetterOrDigit(open) || open == '\\' || Character.isWhitespace(open)) {
            return Optional.empty();
        }
        char close = switch (open) {
            case '(' -> ')';
            case '[' -> ']';
            case '{' -> '}';
            case '<' -> '>';
            default -> open;
        };
        int end = s.lastIndexOf(close);
        if (end <= 0) {
            return Optional.empty();
        }
        String body = s.substring(1, end);
        int flags = 0;
        for (char modifier : s.substring(end + 1).toCharArray()) {
            switch (modifier) {
                case 'i' -> flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                case 'm' -> flags |= Pattern.MULTILINE;
                case 's' -> flags |= Pattern.DOTALL;
                case 'x' -> flags |= Pattern.COMMENTS;
                case 'u' -> flags |= Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
                case 'D' -> {
                    // "$ only at the very end": Java's $ also matches before a final line break; \z is the same
                    // as PCRE's D only where the pattern ends in $, which is where lists use it.
                    if (body.endsWith("$") && !body.endsWith("\\$")) {
                        body = body.substring(0, body.length() - 1) + "\\z";
                    }
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        // An escaped delimiter inside (\/) needs no change: Java reads a backslash before a non-letter as that
        // character, as PCRE does.
        try {
            return Optional.of(Pattern.compile(body, flags));
        } catch (PatternSyntaxException e) {
            return Optional.empty();
        }
    }
}
