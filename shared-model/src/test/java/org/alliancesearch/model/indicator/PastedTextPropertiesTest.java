package org.alliancesearch.model.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link PastedText} answers a value of one word before normalising it again or running the extractor; the plain rule
 * below runs both on every value, and both must tell text from a value to search alike and offer the same indicators.
 */
class PastedTextPropertiesTest {

    @Provide
    Arbitrary<String> values() {
        Arbitrary<String> word = Arbitraries.oneOf(IndicatorArbitraries.canonical(),
                IndicatorArbitraries.canonical().flatMap(IndicatorArbitraries::messy),
                Arbitraries.of("evil[.]example[.]com", "hxxps://bad-cdn[.]net/payload", "v1.2.3.4", "1.2.3.4版",
                        "setup.exe", "README.md", "t7.bench.example", "Global\\MyMutex", "1.2.3.999", "CVE-2021-44228",
                        "攻撃者は", "通信先:", "we", "saw", "calling", "home", "(Windows", "x64)", "a@b", "::1"),
                Arbitraries.strings().withChars("0123456789abcdefxyz.:/[]()@-_").ofMinLength(1).ofMaxLength(20));
        Arbitrary<String> separator = Arbitraries.of("", "", " ", " ", "\n", "\r\n", "\t", "\u3000", "\u00A0", ",",
                "/", "\u200B");
        return Combinators.combine(word.list().ofMinSize(1).ofMaxSize(10), separator.list().ofSize(10),
                Arbitraries.of("", " ", "\n")).as((words, separators, edge) -> {
                    StringBuilder value = new StringBuilder(edge);
                    for (int i = 0; i < words.size(); i++) {
                        value.append(i == 0 ? "" : separators.get(i)).append(words.get(i));
                    }
                    return value.append(edge).toString();
                });
    }

    @Property(tries = 2000)
    void agreesWithThePlainRule(@ForAll("values") String value) {
        assertThat(PastedText.indicatorsInsteadOf(value)).as(value).isEqualTo(plainRule(value));
    }

    /** The rule as the class documents it, with the extractor asked about every value that is not one indicator. */
    private static List<ExtractedIndicator> plainRule(String value) {
        String v = value == null ? "" : value.strip();
        NormalisationResult n = Normaliser.normalise(v);
        boolean oneIndicator = n.isValid() && n.kind() != ValueKind.TEXT;
        boolean misspeltIndicator = !n.isValid() && n.kind() != ValueKind.TEXT && !hasWhitespace(v);
        if (v.isEmpty() || oneIndicator || misspeltIndicator) {
            return null;
        }
        List<ExtractedIndicator> found = IocExtractor.extract(v);
        boolean lines = v.contains("\n") || v.contains("\r");
        boolean indicatorAmongWords = !found.isEmpty() && hasWhitespace(v);
        boolean prose = words(v) >= PastedText.PROSE_WORDS;
        return lines || indicatorAmongWords || prose ? found : null;
    }

    private static boolean hasWhitespace(String s) {
        return s.codePoints().anyMatch(c -> Character.isWhitespace(c) || c == '\u3000');
    }

    private static int words(String s) {
        int words = 0;
        boolean inWord = false;
        for (int c : s.codePoints().toArray()) {
            boolean space = Character.isWhitespace(c) || c == '\u3000';
            words += !space && !inWord ? 1 : 0;
            inWord = !space;
        }
        return words;
    }
}
