package org.alliancesearch.model.indicator;

import java.util.List;

/**
 * Tells a searched value that is text about indicators (a sentence, a paragraph, a report's excerpt) from a value to
 * search as it is. Text must never reach the members' MISP as one search value: the searcher gets the indicators in it
 * to confirm instead.
 *
 * <p>
 * A value is text when it does not read as one indicator and either spans several lines, or holds an indicator among
 * other words ({@code "we saw 1.2.3.4 calling home"}), or is prose: eight words or more. Free strings MISP stores as
 * values stay searchable: a mutex, a registry key, a file name with spaces, a user agent
 * ({@code Mozilla/5.0 (Windows NT 10.0; Win64; x64)}) hold no indicator and fewer words.
 */
public final class PastedText {
    /** Words from which a value without any indicator reads as prose. */
    static final int PROSE_WORDS = 8;

    private PastedText() {
    }

    /**
     * The indicators to offer instead of the value when it is text (possibly none, when the text holds no
     * indicator), or null when the value is fine to search as it is.
     */
    public static List<ExtractedIndicator> indicatorsInsteadOf(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (!containsWhitespace(stripped)) {
            // One word (an indicator, one with a mistake that the validator names, or a string MISP stores): neither
            // lines, nor words around an indicator, nor prose, so it is neither normalised again nor extracted from.
            return null;
        }
        NormalisationResult n = Normaliser.normalise(stripped);
        if (n.isValid() && n.kind() != ValueKind.TEXT) {
            return null;
        }
        boolean lines = stripped.indexOf('\n') >= 0 || stripped.indexOf('\r') >= 0;
        List<ExtractedIndicator> found = IocExtractor.extract(stripped);
        if (lines || !found.isEmpty() || words(stripped) >= PROSE_WORDS) {
            return found;
        }
        return null;
    }

    private static boolean containsWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '\u3000') {
                return true;
            }
        }
        return false;
    }

    private static int words(String s) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '\u3000';
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }
}
