package org.alliancesearch.simulator.search;

import java.util.regex.Pattern;

import org.alliancesearch.model.misp.MispLike;

/**
 * Matches a MISP filter term against text as MySQL does under a case-insensitive collation: exact (ignoring case)
 * unless the term holds {@code %}, then a LIKE match where {@code %} is any run and {@code _} any one character.
 */
public final class LikeMatcher {
    private final String exact;
    private final Pattern like;

    public LikeMatcher(String term) {
        if (MispLike.isPattern(term)) {
            like = MispLike.compile(term);
            exact = null;
        } else {
            like = null;
            exact = term;
        }
    }

    public boolean isLike() {
        return like != null;
    }

    public String exact() {
        return exact;
    }

    public boolean matches(String text) {
        return matches(text, 0, text.length());
    }

    public boolean matches(String text, int from, int to) {
        if (like == null) {
            return to - from == exact.length() && text.regionMatches(true, from, exact, 0, exact.length());
        }
        return like.matcher(text).region(from, to).matches();
    }
}
