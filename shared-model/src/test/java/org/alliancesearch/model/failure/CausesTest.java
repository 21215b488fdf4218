package org.alliancesearch.model.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

class CausesTest {

    @Test
    void aFailureComesFirstThenItsCausesInTurn() {
        IOException root = new IOException("reset");
        UncheckedIOException middle = new UncheckedIOException(root);
        CompletionException top = new CompletionException(middle);

        assertThat(Causes.chain(top)).containsExactly(top, middle, root);
        assertThat(Causes.chain(root)).containsExactly(root);
        assertThat(Causes.chain(null)).isEmpty();
    }

    @Test
    void twoExceptionsThatNameEachOtherAreEachTakenOnce() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalArgumentException second = new IllegalArgumentException("second", first);
        first.initCause(second);

        assertThat(Causes.chain(first)).containsExactly(first, second);
        assertThat(Causes.chain(second)).containsExactly(second, first);
    }

    @Test
    void aLongerChainIsCutAtTheDepthLimit() {
        Throwable t = new IOException("deepest");
        for (int i = 0; i < 40; i++) {
            t = new RuntimeException("level " + i, t);
        }

        assertThat(Causes.chain(t)).hasSize(Causes.MAX_DEPTH).first().isSameAs(t);
    }
}
