package org.alliancesearch.connector.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorTextTest {
    @Test
    void removesControlAndFormatCharactersAndBoundsTheLength() {
        assertThat(ErrorText.clean("a\r\nb\u0000c\u202ed\te")).isEqualTo("a b c d e");
        assertThat(ErrorText.clean("  An Internal Error Has Occurred.  ")).isEqualTo("An Internal Error Has Occurred.");
        assertThat(ErrorText.clean("x".repeat(1000))).hasSize(ErrorText.MAX_LENGTH + 1).endsWith("…");
        assertThat(ErrorText.clean(null)).isEmpty();
    }

    @Test
    void readsRetryAfterInSecondsOrAsADate() {
        assertThat(MispClient.retryAfterMillis("3")).isEqualTo(3000);
        assertThat(MispClient.retryAfterMillis("soon")).isEqualTo(-1);
        assertThat(MispClient.retryAfterMillis(null)).isEqualTo(-1);
        String inTenSeconds = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(10));
        assertThat(MispClient.retryAfterMillis(inTenSeconds)).isBetween(7000L, 10_000L);
    }
}
