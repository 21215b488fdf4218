package org.alliancesearch.portal.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.alliancesearch.portal.common.problem.CodedProblem;
import org.alliancesearch.portal.common.problem.FieldError;
import org.alliancesearch.portal.common.problem.FieldProblem;
import org.alliancesearch.portal.common.problem.ProblemException;
import org.alliancesearch.portal.common.problem.Reason;
import org.junit.jupiter.api.Test;

/** Codes become text through the feature that owns them; the API codes and fields stay as the service named them. */
class TextsTest {
    private static final FeatureTexts FRUIT = (code, args, locale) -> switch (code) {
        case "fruit.too-many" -> (locale.getLanguage().equals("ja") ? "多すぎ: " : "too many: ")
                + FeatureTexts.number(args, 0);
        case "fruit-eaten" -> "eaten " + FeatureTexts.whole(args, 0);
        default -> null;
    };
    private static final FeatureTexts OTHER = (code, args, locale) -> "other.invalid".equals(code) ? "invalid" : null;

    private final Texts texts = new Texts(List.of(OTHER, FRUIT));

    @Test
    void theOwningFeatureWordsACodeInTheReadersLanguage() {
        assertThat(texts.text(Reason.of("fruit.too-many", 3), Locale.ENGLISH)).isEqualTo("too many: 3");
        assertThat(texts.text(Reason.of("fruit.too-many", 3), Locale.JAPANESE)).isEqualTo("多すぎ: 3");
        assertThat(texts.find("fruit-eaten", List.of(7L), Locale.ENGLISH)).contains("eaten 7");
    }

    @Test
    void anUnknownCodeIsNoFlashAndShowsAsItselfInAProblem() {
        assertThat(texts.find("<b>x</b>", List.of(), Locale.ENGLISH)).isEmpty();
        assertThat(texts.find(null, List.of(), Locale.ENGLISH)).isEmpty();
        assertThat(texts.text(Reason.of("fruit.unknown"), Locale.ENGLISH)).isEqualTo("fruit.unknown");
    }

    @Test
    void aWordedProblemKeepsStatusKindFieldsAndCodes() {
        CodedProblem coded = CodedProblem.invalid(Reason.of("other.invalid"),
                List.of(new FieldProblem("basket", "basket.full", Reason.of("fruit.too-many", 12),
                        List.of(new FieldError.Extracted("1.2.3.4", "ip-dst")))).stream()
                        .map(f -> f.under("order.")).toList());
        ProblemException worded = texts.worded(coded, Locale.ENGLISH);
        assertThat(worded.status()).isEqualTo(400);
        assertThat(worded.kind()).isEqualTo("validation");
        assertThat(worded.getMessage()).isEqualTo("invalid");
        assertThat(worded.errors()).containsExactly(new FieldError("order.basket", "basket.full", "too many: 12",
                List.of(new FieldError.Extracted("1.2.3.4", "ip-dst"))));
    }
}
