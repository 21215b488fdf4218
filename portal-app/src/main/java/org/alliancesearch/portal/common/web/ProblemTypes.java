package org.alliancesearch.portal.common.web;

/** The {@code type} URIs of the API's problem documents; each names a section of docs/api.md. */
public final class ProblemTypes {
    private static final String BASE = "https://alliancesearch.org/problems/";

    private ProblemTypes() {
    }

    public static String uri(String kind) {
        return BASE + kind;
    }
}
