package org.alliancesearch.portal.common.problem;

import java.util.List;

/**
 * Optimistic concurrency for admin and owner edits: a change may name the version it was based on (the
 * {@code If-Match} header, {@code "3"} or {@code W/"3"}, or a {@code version} body field); when the stored version
 * differs, the change is refused with 409 {@code conflict.stale-version} and nothing is stored. A change that names no
 * version is applied (last writer wins).
 */
public final class Versions {
    /** The stable code of the conflict. */
    public static final String STALE = "conflict.stale-version";

    private Versions() {
    }

    /**
     * The version a change is based on: the {@code If-Match} header if sent, else the body's version, else null.
     * An {@code If-Match} that is no version number ({@code *} aside) matches no version.
     */
    public static Long expected(String ifMatch, Long bodyVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return bodyVersion;
        }
        String tag = ifMatch.trim();
        if (tag.equals("*")) {
            return bodyVersion;
        }
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    /**
     * Refuses the change when it names a version other than the stored one.
     *
     * @param detail what the problem's detail says
     * @param message what the {@code version} field error says
     * @throws CodedProblem 409 {@code stale-version} with a {@code version} field error
     */
    public static void check(Long expected, long stored, Reason detail, Reason message) {
        if (expected != null && expected != stored) {
            throw stale(detail, message);
        }
    }

    public static CodedProblem stale(Reason detail, Reason message) {
        return new CodedProblem(409, "stale-version", detail, List.of(new FieldProblem("version", STALE, message)));
    }
}
