package org.alliancesearch.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MemberMessageTest {
    private static Object[] sampleArgs(MemberMessage message) {
        long holes = message.english().split("\\{\\}", -1).length - 1;
        return Stream.iterate(1, i -> i + 1).limit(holes).map(i -> (Object) ("arg" + i + "x")).toArray();
    }

    @ParameterizedTest
    @EnumSource(MemberMessage.class)
    void everyPhraseReadsBackAsItselfWithItsArguments(MemberMessage message) {
        Object[] args = sampleArgs(message);
        String text = message.format(args);
        List<MemberMessage.Reading> read = MemberMessage.read(text).orElseThrow();
        assertThat(read).hasSize(1);
        assertThat(read.get(0).message()).isEqualTo(message);
        assertThat(read.get(0).args()).containsExactly(Stream.of(args).map(String::valueOf).toArray(String[]::new));
    }

    @Test
    void severalReasonsOfOneAnswerReadBackInOrder() {
        String text = MemberMessage.ATTRIBUTE_CAP.format(500) + MemberMessage.SEPARATOR
                + MemberMessage.ATTRIBUTES_KEPT.format(500);
        assertThat(MemberMessage.read(text).orElseThrow()).extracting(MemberMessage.Reading::message)
                .containsExactly(MemberMessage.ATTRIBUTE_CAP, MemberMessage.ATTRIBUTES_KEPT);
        assertThat(MemberMessage.read("HTTP 500 An Internal Error Has Occurred.").orElseThrow().get(0).args())
                .containsExactly("500", "An Internal Error Has Occurred.");
        assertThat(MemberMessage.read("HTTP 404").orElseThrow().get(0).message()).isEqualTo(MemberMessage.HTTP_STATUS);
    }

    @Test
    void aMessageOfNoKnownPhraseIsNotRead() {
        assertThat(MemberMessage.read("something else happened")).isEmpty();
        assertThat(MemberMessage.read(null)).isEmpty();
    }

    /** The connector writes member messages only through the phrases: no string literal goes to the failures. */
    @Test
    void noFailureIsMadeFromALiteralString() throws IOException {
        Pattern literal = Pattern.compile(
                "MemberCallException\\.(transport|permanent|budget|timeout)\\(\\s*\"|new Failure\\([^,]+,\\s*\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return literal.matcher(Files.readString(p)).find();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).map(Path::toString).toList();
            assertThat(offenders).isEmpty();
        }
    }
}
