package org.alliancesearch.model.failure;

import java.util.ArrayList;
import java.util.List;

/**
 * A failure and its causes, for the checks that ask what lies beneath ("was it the database?"). Bounded: {@code
 * initCause} refuses only the exception itself, so two exceptions may name each other, and a check that followed
 * {@code getCause()} to the end would then never return (on an event loop, never again).
 */
public final class Causes {
    /** Deeper than any chain the libraries here build (about six levels at most). */
    public static final int MAX_DEPTH = 16;

    private Causes() {
    }

    /**
     * {@code failure} first, then each cause in turn: at most {@value #MAX_DEPTH}, and none twice.
     *
     * @return empty for {@code null}
     */
    public static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>(4);
        for (Throwable t = failure; t != null && chain.size() < MAX_DEPTH; t = t.getCause()) {
            for (Throwable seen : chain) {
                if (seen == t) {
                    return chain;
                }
            }
            chain.add(t);
        }
        return chain;
    }
}
