package org.alliancesearch.connector.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;

import org.alliancesearch.connector.ApiKey;
import org.alliancesearch.connector.MemberEndpoint;
import org.alliancesearch.model.result.MemberRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.CompositeException;

/** What a member's transport failure is called, whatever shape its chain of causes has. */
class FailureClassificationTest {
    private static final String URL = "https://misp.example.org";
    private final MispClient client = new MispClient(
            new MemberEndpoint(new MemberRef("m", "Member m", "Org m", URL), URI.create(URL), ApiKey.of("k".repeat(40)),
                    true, null, null, null, Duration.ofSeconds(2), true),
            null, null, null, new ObjectMapper(), Duration.ofSeconds(2), 1_000_000, Duration.ofSeconds(5), true, null);

    @Test
    void aRefusedConnectionBeneathOtherFailuresIsNamedAsSuch() {
        MemberCallException named = client.classify(new RuntimeException(new ConnectException("refused")));

        assertThat(named.getMessage()).isEqualTo(client.classify(new ConnectException("x")).getMessage())
                .doesNotContain("misp.example.org");
    }

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void causesThatNameEachOtherEndTheCheckWithATransportError() {
        // initCause refuses only the exception itself, so two exceptions can name each other
        IllegalStateException first = new IllegalStateException("first");
        IllegalArgumentException second = new IllegalArgumentException("second", first);
        first.initCause(second);

        assertThat(client.classify(first).getMessage()).contains("IllegalStateException");
    }

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aCompositeNamedByItsOwnCauseIsLookedIntoOnce() {
        IllegalStateException cause = new IllegalStateException("inside");
        CompositeException composite = new CompositeException(cause, new IllegalArgumentException("beside"));
        cause.initCause(composite);

        assertThat(client.classify(composite).getMessage()).contains("CompositeException");
    }
}
